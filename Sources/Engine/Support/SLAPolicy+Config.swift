/// The SLA policy as text: a config file of `key = value` lines (`#` starts a comment) and
/// the same `key=value` pairs as command-line overrides.
///
/// ```
/// target.Critical = 4          # hours; the data's own labels, any case: target.urgent = 4
/// cost.Critical = 500
/// priority.default = Normal    # the priority of tickets whose priority cell is empty
/// status.Escalated = open      # what a status means: open, waiting, hold or solved
/// escalation.minutes = 20      # cost = minutes × hourly rate; see EscalationEconomics
/// escalation.hourly_rate = 45
/// escalation.effect = 0.6
/// pause_pending = true
/// calendar.weekdays = Mon-Fri  # or Mon,Tue,Sat
/// calendar.hours = 09:00-18:00
/// calendar.holidays = 2026-12-25, 2027-01-01
/// ```
///
/// A file that lists any `cost.*` (or `target.*`) key replaces the default table as a whole,
/// so a file means exactly what it says: a priority it leaves out has no cost, and data
/// holding that priority is refused by name. Overrides (`set`) change one entry at a time.
/// Status labels the common help desks use need no line; `status.*` adds or changes one.
extension SLAPolicy {
    public static func parse(_ text: String, file: String = "sla config") throws -> SLAPolicy {
        var policy = SLAPolicy()
        var sawCost = false, sawTarget = false
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmingSpaces()
            if line.isEmpty { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw SLAPolicyError.atLine(file: file, line: lineNumber,
                                            .badValue(key: String(line), value: "", expected: "a key = value line"))
            }
            let key = String(line[..<eq].trimmingSpaces())
            let value = String(line[line.index(after: eq)...].trimmingSpaces())
            do {
                if key.hasPrefix("cost."), !sawCost { sawCost = true; policy.breachCost = LabelTable() }
                if key.hasPrefix("target."), !sawTarget { sawTarget = true; policy.targetHours = LabelTable() }
                try policy.set(key, value, source: .file(file, line: lineNumber))
            } catch let e as SLAPolicyError {
                throw SLAPolicyError.atLine(file: file, line: lineNumber, e)
            }
        }
        return policy
    }

    /// Applies one `key=value` override (as from `--sla key=value`).
    public mutating func set(_ key: String, _ value: String, source: EscalationEconomics.Source = .override) throws {
        let v = Substring(value).trimmingSpaces()
        if let name = key.stripping("target.") {
            let p = try priority(name, key: key)
            // Bounded so that target seconds fit Int64 (1e300 hours trapped in `resolved`).
            let h = try positive(v, key: key)
            guard h <= Self.maxTargetHours else {
                throw SLAPolicyError.badValue(key: key, value: value, expected: "a number of hours above 0 and at most 87600 (ten years)")
            }
            targetHours[p] = h
        } else if let name = key.stripping("cost.") {
            breachCost[try priority(name, key: key)] = try nonNegative(v, key: key)
        } else if key == "priority.default" {
            defaultPriority = try priority(String(v), key: key)
        } else if let name = key.stripping("status.") {
            let label = try priority(name, key: key)
            guard let state = TicketState(rawValue: v.lowercased()) else {
                throw SLAPolicyError.badValue(key: key, value: String(v), expected: "one of open, waiting, hold, solved")
            }
            statusOverrides[label] = state
        } else if try escalation.set(key, v, source: source) {
        } else if key == "pause_pending" {
            switch v.lowercased() {
            case "true", "yes", "1", "on": pauseWhilePending = true
            case "false", "no", "0", "off": pauseWhilePending = false
            default: throw SLAPolicyError.badValue(key: key, value: value, expected: "true or false")
            }
        } else if key.hasPrefix("calendar.") {
            try setCalendar(key, v)
        } else {
            throw SLAPolicyError.unknownKey(key)
        }
    }

    private mutating func setCalendar(_ key: String, _ v: Substring) throws {
        let base = calendar ?? .officeHours
        var workdays = base.workdays, opens = base.opens, closes = base.closes, holidays = base.holidays
        switch key {
        case "calendar.weekdays":
            workdays = try Self.parseWeekdays(v, key: key)
        case "calendar.hours":
            let parts = v.split(separator: "-")
            guard parts.count == 2, let o = Self.parseClock(parts[0]), let c = Self.parseClock(parts[1]) else {
                throw SLAPolicyError.badValue(key: key, value: String(v), expected: "HH:MM-HH:MM")
            }
            opens = o; closes = c
        case "calendar.timezone":
            do { zone = try DeskTimeZone.parse(String(v), source: key) } catch {
                throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a time zone (UTC, +02:00 or a name like Europe/Madrid)")
            }
            return
        case "calendar.holidays":
            holidays = try v.split(separator: ",").map {
                guard let d = CivilDate.parseDay($0.trimmingSpaces()) else {
                    throw SLAPolicyError.badValue(key: key, value: String($0), expected: "a YYYY-MM-DD date")
                }
                return d
            }
        default:
            throw SLAPolicyError.unknownKey(key)
        }
        calendar = try BusinessCalendar(workdays: workdays, opens: opens, closes: closes, holidays: holidays)
    }

    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func parseWeekdays(_ v: Substring, key: String) throws -> [Bool] {
        var days = [Bool](repeating: false, count: 7)
        func index(_ s: Substring) throws -> Int {
            let name = s.trimmingSpaces().lowercased().prefix(3)
            guard let i = dayNames.firstIndex(of: String(name)) else {
                throw SLAPolicyError.badValue(key: key, value: String(s), expected: "a weekday name (Mon…Sun)")
            }
            return i
        }
        for part in v.split(separator: ",") {
            let range = part.split(separator: "-")
            if range.count == 2 {
                let a = try index(range[0]), b = try index(range[1])
                var d = a
                while true { days[d] = true; if d == b { break }; d = (d + 1) % 7 }
            } else {
                days[try index(part)] = true
            }
        }
        return days
    }

    /// `HH:MM` → seconds after midnight; `24:00` is the end of the day.
    static func parseClock(_ s: Substring) -> Int64? {
        let p = s.trimmingSpaces().split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 1440 else { return nil }
        return Int64(h * 3600 + m * 60)
    }

    /// A label named in a key: any text but empty.
    private func priority(_ name: String, key: String) throws -> String {
        let label = String(Substring(name).trimmingSpaces())
        guard !label.isEmpty else { throw SLAPolicyError.badValue(key: key, value: name, expected: "a label") }
        return label
    }

    /// The longest SLA target accepted: ten years.
    public static let maxTargetHours = 87_600.0

    private func positive(_ v: Substring, key: String) throws -> Double {
        guard let x = Double(v), x > 0, x.isFinite else {
            throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a positive number")
        }
        return x
    }

    private func nonNegative(_ v: Substring, key: String) throws -> Double {
        guard let x = Double(v), x >= 0, x.isFinite else {
            throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a number ≥ 0")
        }
        return x
    }
}

extension String {
    fileprivate func stripping(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
