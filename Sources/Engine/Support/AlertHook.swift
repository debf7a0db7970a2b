import Core
/// Runs one shell command line; tests record instead of running.
public protocol AlertHookRunner {
    /// Runs `command` through `/bin/sh -c`, stopping it after `timeout` seconds.
    func run(_ command: String, timeout: Double) -> AlertHookResult
}

public enum AlertHookResult: Sendable, Equatable {
    case exited(Int32)
    case timedOut
    case failedToStart(String)
}

/// What became of one alert's hook.
public enum AlertHookOutcome: Sendable, Equatable, Codable {
    /// Ran and exited with this status (0 = success).
    case ran(status: Int32)
    case timedOut
    case failedToStart(String)
    /// The rule's hook ran less than `hook.min_interval` ago.
    case rateLimited
}

/// The rule's hook command for one alert: each `{placeholder}` becomes the alert's value,
/// quoted for where it stands in the command (bare, inside "…" or inside '…'), so nothing in
/// a ticket id or a label (`;`, `$(…)`, quotes, backquotes) reaches the shell as syntax.
public enum AlertHookCommand {
    public static func render(_ template: String, alert: Alert) -> String {
        let values = Self.values(alert)
        let c = Array(template)
        enum Quote { case none, single, double }
        var quote = Quote.none
        var out = ""
        var i = 0
        while i < c.count {
            let ch = c[i]
            // `${name}` is the shell's own variable, left alone.
            if ch == "{", i == 0 || c[i - 1] != "$", let close = c[i...].firstIndex(of: "}"),
               let v = values[String(c[(i + 1)..<close])] {
                switch quote {
                case .none: out += shellQuoted(v)
                case .single: out += "'" + shellQuoted(v) + "'"  // close, quoted value, reopen
                case .double: out += v.map { "$`\\\"".contains($0) ? "\\\($0)" : String($0) }.joined()
                }
                i = close + 1
                continue
            }
            out.append(ch)
            switch (quote, ch) {
            case (.none, "'"): quote = .single
            case (.none, "\""): quote = .double
            case (.single, "'"), (.double, "\""): quote = .none
            case (.none, "\\"), (.double, "\\"):
                // An escaped character is literal: copy it without reading it as a quote.
                if i + 1 < c.count { out.append(c[i + 1]); i += 1 }
            default: break
            }
            i += 1
        }
        return out
    }

    /// The placeholders' texts: p with two decimals, left as `1h20m` (`-15m` once breached),
    /// expected loss with two decimals.
    public static func values(_ a: Alert) -> [String: String] {
        ["ticket": a.input.ticket, "rule": a.rule, "priority": a.input.priority, "p": fixedDecimal(a.input.probability, 2),
         "left": durationText(a.input.timeLeft), "expected_loss": fixedDecimal(a.input.expectedLoss, 2)]
    }

    /// POSIX single quotes: everything literal; a quote inside closes, escapes and reopens.
    public static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingAll("'", with: "'\\''") + "'"
    }

    /// `2h`, `1h20m`, `45m`, `30s`, `-15m`: the largest two units, as a person reads them.
    public static func durationText(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = seconds.magnitude
        let d = s / 86_400, h = s % 86_400 / 3_600, m = s % 3_600 / 60, r = s % 60
        let parts: [(UInt64, String)] = [(d, "d"), (h, "h"), (m, "m"), (r, "s")]
        guard let first = parts.firstIndex(where: { $0.0 > 0 }) else { return "0m" }
        let shown = parts[first...].prefix(2).filter { $0.0 > 0 }
        return sign + shown.map { "\($0.0)\($0.1)" }.joined()
    }
}

extension String {
    package func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// When each rule's hook last ran: the rate limit's memory, a value like `AlertState`.
public struct AlertHookSchedule: Sendable, Equatable, Codable {
    public private(set) var lastRun: [String: Int64] = [:]
    public init() {}

    /// Resumed from the store's fired alerts (`FiredAlert`): a restart keeps the rate limit.
    public init(lastRun: [String: Int64]) { self.lastRun = lastRun }

    /// One outcome per alert, in order. A rule's hook runs at most once per `minInterval`
    /// seconds; the alerts it skips are `.rateLimited` (and still listed and audited).
    public mutating func dispatch(_ alerts: [Alert], config: AlertConfig, runner: any AlertHookRunner,
                                  timeout: Double = 10) -> [AlertHookOutcome?] {
        alerts.map { alert in
            guard let template = config.rules.first(where: { $0.name == alert.rule })?.hook else { return nil }
            if let last = lastRun[alert.rule], alert.at - last < config.hookMinInterval { return .rateLimited }
            lastRun[alert.rule] = alert.at
            switch runner.run(AlertHookCommand.render(template, alert: alert), timeout: timeout) {
            case .exited(let status): return .ran(status: status)
            case .timedOut: return .timedOut
            case .failedToStart(let why): return .failedToStart(why)
            }
        }
    }
}
