import Engine
import Foundation

/// How the SLA screen writes numbers a manager reads at a glance: money compactly
/// (12.3k, 1.24M), durations in days/hours/minutes, probabilities with two decimals.
enum SLAFormat {
    /// Whole units with thousands separators up to ten million (so a one-step slider move
    /// shows), then "12.3M".
    static func money(_ v: Double) -> String {
        let a = abs(v), sign = v < 0 && a >= 0.5 ? "-" : ""
        if a >= 9_999_500 { return sign + String(format: "%.1fM", a / 1_000_000) }
        var digits = String(Int(a.rounded()))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return sign + digits + out
    }

    static func count(_ v: Double) -> String {
        abs(v) >= 100 ? money(v) : String(format: v != v.rounded() ? "%.1f" : "%.0f", v)
    }

    /// "2d4h", "5h12m", "42m" (at most six cells below 100 days); negative gets a minus sign.
    static func duration(_ seconds: Int64) -> String {
        let s = abs(seconds), sign = seconds < 0 ? "-" : ""
        let d = s / 86_400, h = (s % 86_400) / 3600, m = (s % 3600) / 60
        if d > 0 { return sign + "\(d)d\(h)h" }
        if h > 0 { return sign + "\(h)h\(m)m" }
        return sign + "\(m)m"
    }

    /// One decimal from integer arithmetic (half away from zero): `String(format:)` is too
    /// slow to rewrite a whole queue column on every key press.
    static func fixed1(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return String(v) }
        let tenths = Int((abs(v) * 10).rounded())
        return (v < 0 && tenths > 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }

    /// Two decimals, as `%.2f` writes them, from a table of the 101 texts: a clock tick
    /// rewrites the whole queue's column. Within a hair of a rounding tie (where `p × 100`
    /// could round the other way than `%.2f` does) it asks `String(format:)` itself.
    static func probability(_ p: Double) -> String {
        let x = p * 100
        guard x >= 0, x <= 100 else { return String(format: "%.2f", p) }
        let k = x.rounded()
        guard abs(abs(x - k) - 0.5) > 1e-6 else { return String(format: "%.2f", p) }
        return probabilityTexts[Int(k)]
    }

    private static let probabilityTexts: [String] = (0...100).map { String(format: "%.2f", Double($0) / 100) }

    static func risk(_ p: Double) -> Role { p >= 0.6 ? .breachRiskHigh : p >= 0.3 ? .breachRiskMedium : .breachRiskLow }

    static func roi(_ r: Double?) -> String { r.map { String(format: "%.1f×", $0) } ?? "–" }

    static func instant(_ t: Int64) -> String { CivilDate.format(seconds: t) }

    /// "14:32": the time of day at `t` shifted by `offset` seconds (the user's zone).
    static func clock(_ t: Int64, offset: Int = 0) -> String {
        let s = ((t + Int64(offset)) % 86_400 + 86_400) % 86_400
        let h = s / 3600, m = s % 3600 / 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}
