import Foundation

/// The desk's time zone (`calendar.timezone`): times without a zone in a file are wall
/// time here, and business hours are counted here. UTC, a fixed offset (`+02:00`) or an
/// IANA name (`Europe/Madrid`). A named zone's offsets come from Foundation once, as a
/// table of transitions, so converting a million cells is a binary search each, not a
/// Foundation call.
public struct DeskTimeZone: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case utc
        /// Seconds east of UTC.
        case fixed(Int)
        case named(String)
    }

    public let kind: Kind
    private let table: OffsetTable

    public static let utc = DeskTimeZone(kind: .utc, table: OffsetTable(fixed: 0))

    /// A fixed offset in seconds east of UTC (within ±18 h).
    public static func fixed(seconds: Int) -> DeskTimeZone? {
        guard abs(seconds) <= 18 * 3600 else { return nil }
        return seconds == 0 ? .utc : DeskTimeZone(kind: .fixed(seconds), table: OffsetTable(fixed: seconds))
    }

    private init(kind: Kind, table: OffsetTable) {
        self.kind = kind
        self.table = table
    }

    /// Reads `UTC`, `Z`, `GMT`, `+02:00`, `-0530`, `+2`, `UTC+01:00`, or an IANA name.
    /// `source` names where the text came from, for the error.
    public static func parse(_ text: String, source: String = "calendar.timezone") throws(InputError) -> DeskTimeZone {
        let t = text.trimmingCharacters()
        let upper = t.uppercased()
        if upper == "UTC" || upper == "Z" || upper == "GMT" || upper == "ETC/UTC" { return .utc }
        var rest = Substring(upper)
        if rest.hasPrefix("UTC") || rest.hasPrefix("GMT") { rest = rest.dropFirst(3) }
        if let sign = rest.first, sign == "+" || sign == "-" {
            if let off = offsetSeconds(rest.dropFirst()), let z = fixed(seconds: sign == "-" ? -off : off) { return z }
            throw InputError(file: source, line: 0, column: 0,
                             "'\(TerminalText.safe(t))' is not a UTC offset; expected e.g. +02:00, -05:00 or an IANA name such as Europe/Madrid")
        }
        guard !t.isEmpty, let tz = TimeZone(identifier: t) else {
            throw InputError(file: source, line: 0, column: 0,
                             "unknown time zone '\(TerminalText.safe(t))'; expected UTC, an offset such as +02:00, or an IANA name such as Europe/Madrid or America/Chicago")
        }
        return DeskTimeZone(kind: .named(tz.identifier), table: OffsetTable(tz))
    }

    /// `hh`, `hh:mm`, `hhmm`, `h`.
    private static func offsetSeconds(_ s: Substring) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        var h: Int?, m = 0
        if parts.count == 2 {
            h = Int(parts[0]); m = Int(parts[1]) ?? -1
            guard parts[1].count == 2 else { return nil }
        } else if parts.count == 1, s.count == 4 {
            h = Int(s.prefix(2)); m = Int(s.suffix(2)) ?? -1
        } else if parts.count == 1, s.count <= 2 {
            h = Int(s)
        }
        guard let h, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }), h <= 18, (0..<60).contains(m) else { return nil }
        return h * 3600 + m * 60
    }

    public static func == (a: DeskTimeZone, b: DeskTimeZone) -> Bool { a.kind == b.kind }

    public var description: String {
        switch kind {
        case .utc: return "UTC"
        case .fixed(let s):
            let a = abs(s)
            let hh = a / 3600, mm = (a % 3600) / 60
            return (s < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
        case .named(let n): return n
        }
    }

    /// Seconds east of UTC in effect at a UTC instant.
    @inline(__always)
    public func offset(atUTC t: Int64) -> Int { table.offset(at: t) }

    /// Wall time (seconds since 1970-01-01 00:00 local) of a UTC instant.
    @inline(__always)
    public func local(fromUTC t: Int64) -> Int64 { t + Int64(table.offset(at: t)) }

    /// The UTC instant of a local wall time. A wall time that happens twice (clocks set
    /// back) is the first one; one that never happens (clocks set forward) is read with the
    /// offset before the change, so it lands as far past the change as it is written past it
    /// (02:30 on a spring-forward night at 02:00 is 03:30), as Foundation and java.time do.
    public func utc(fromLocal l: Int64) -> Int64 {
        if table.transitions.isEmpty { return l - Int64(table.before) }
        // Transitions are months apart, so a day either side brackets any change near `l`.
        let before = table.offset(at: l - 86_400 - 64_800)
        let after = table.offset(at: l + 86_400 + 64_800)
        if before == after { return l - Int64(before) }
        let uBefore = l - Int64(before), uAfter = l - Int64(after)
        let okBefore = table.offset(at: uBefore) == before
        let okAfter = table.offset(at: uAfter) == after
        switch (okBefore, okAfter) {
        case (true, true): return min(uBefore, uAfter)
        case (true, false): return uBefore
        case (false, true): return uAfter
        case (false, false): return uBefore
        }
    }
}

/// Offsets of one zone as UTC transition instants and the offset from each on.
final class OffsetTable: Sendable {
    /// Offset before the first transition (and everywhere for a fixed zone).
    let before: Int
    let transitions: [Int64]
    let offsets: [Int32]

    init(fixed: Int) {
        before = fixed
        transitions = []
        offsets = []
    }

    /// Transitions from 1900 to 2200 through Foundation, once; outside that range the
    /// nearest known offset holds (no zone rule is known that far ahead anyway).
    init(_ tz: TimeZone) {
        let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        let first = tz.secondsFromGMT(for: start)
        var ts: [Int64] = [], os: [Int32] = []
        var last = first
        var at = start
        while let next = tz.nextDaylightSavingTimeTransition(after: at), next < end, next > at {
            let off = tz.secondsFromGMT(for: next)
            if off != last {
                ts.append(Int64(next.timeIntervalSince1970.rounded(.down)))
                os.append(Int32(off))
                last = off
            }
            at = next
        }
        before = first
        transitions = ts
        offsets = os
    }

    @inline(__always)
    func offset(at t: Int64) -> Int {
        // Last transition at or before t.
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? before : Int(offsets[lo - 1])
    }
}
