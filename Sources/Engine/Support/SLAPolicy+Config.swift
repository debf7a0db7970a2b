import Core
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
        var sawCost = false, sawTarget = false, sawFirstReply = false
        var section = Section.desk
        var calendarLine: [Int: Int] = [:]  // policy index → its `calendar =` line
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmingSpaces()
            if line.isEmpty { continue }
            do {
                if line.hasPrefix("[") {
                    section = try policy.open(section: line)
                    continue
                }
                guard let eq = line.firstIndex(of: "=") else {
                    throw SLAPolicyError.badValue(key: String(line), value: "", expected: "a key = value line")
                }
                let key = String(line[..<eq].trimmingSpaces())
                let value = String(line[line.index(after: eq)...].trimmingSpaces())
                switch section {
                case .desk:
                    if key.hasPrefix("cost."), !sawCost { sawCost = true; policy.breachCost = LabelTable() }
                    if key.hasPrefix("target."), !sawTarget { sawTarget = true; policy.targetHours = LabelTable() }
                    if key.hasPrefix("first_reply.") { sawFirstReply = true }
                    try policy.set(key, value, source: .file(file, line: lineNumber))
                case .policy(let k):
                    if key == "calendar" { calendarLine[k] = lineNumber }
                    try policy.rules[k].set(key, value)
                case .calendar(let name):
                    try policy.setCalendar(named: name, key, Substring(value))
                }
            } catch let e as SLAPolicyError {
                throw SLAPolicyError.atLine(file: file, line: lineNumber, e)
            }
        }
        // Every calendar a policy names must exist, reported at the policy's line.
        for (k, rule) in policy.rules.enumerated() {
            if case .named(let name) = rule.calendar, policy.calendars[normaliseLabel(Substring(name))] == nil {
                throw SLAPolicyError.atLine(file: file, line: calendarLine[k] ?? lineNumber, .unknownCalendar(name, policy: rule.name))
            }
        }
        policy.deskPolicyIsFallback = !policy.rules.isEmpty && (sawTarget || sawFirstReply)
        return policy
    }

    /// Which part of the file a line belongs to.
    package enum Section { case desk, policy(Int), calendar(String) }

    /// `[policy NAME]` or `[calendar NAME]`.
    private mutating func open(section line: Substring) throws -> Section {
        guard line.hasSuffix("]") else { throw SLAPolicyError.badValue(key: String(line), value: "", expected: "[policy NAME] or [calendar NAME]") }
        let inner = line.dropFirst().dropLast().trimmingSpaces()
        let parts = inner.split(separator: " ", maxSplits: 1)
        let kind = parts.first.map { String($0).lowercased() } ?? ""
        let name = parts.count == 2 ? String(parts[1].trimmingSpaces()) : ""
        guard !name.isEmpty, kind == "policy" || kind == "calendar" else {
            throw SLAPolicyError.badValue(key: String(line), value: "", expected: "[policy NAME] or [calendar NAME]")
        }
        if kind == "calendar" {
            let key = normaliseLabel(Substring(name))
            guard calendars[key] == nil else { throw SLAPolicyError.badValue(key: String(line), value: name, expected: "a calendar name not used before") }
            calendars[key] = SLACalendar(calendar: nil, zone: nil)
            return .calendar(name)
        }
        guard !rules.contains(where: { normaliseLabel(Substring($0.name)) == normaliseLabel(Substring(name)) }) else {
            throw SLAPolicyError.badValue(key: String(line), value: name, expected: "a policy name not used before")
        }
        rules.append(SLAPolicyRule(name: name))
        return .policy(rules.count - 1)
    }

    /// A line of a `[calendar NAME]` section: weekdays, hours, holidays, timezone (with or
    /// without the `calendar.` prefix). A named calendar starts as office hours.
    package mutating func setCalendar(named name: String, _ key: String, _ v: Substring) throws {
        let k = normaliseLabel(Substring(name))
        var named = calendars[k] ?? SLACalendar()
        let bare = key.stripping("calendar.") ?? key
        if bare == "timezone" {
            do { named.zone = try DeskTimeZone.parse(String(v), source: key) } catch {
                throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a time zone (UTC, +02:00 or a name like Europe/Madrid)")
            }
        } else {
            named.calendar = try Self.calendar(changing: named.calendar ?? .officeHours, "calendar." + bare, v)
        }
        calendars[k] = named
    }

    /// Applies one `key=value` override (as from `--sla key=value`).
    public mutating func set(_ key: String, _ value: String, source: EscalationEconomics.Source = .override) throws {
        let v = Substring(value).trimmingSpaces()
        if let name = key.stripping("target.") {
            targetHours[try priority(name, key: key)] = try Self.targetHours(v, key: key)
        } else if let name = key.stripping("first_reply.") {
            firstReplyHours[try priority(name, key: key)] = try Self.targetHours(v, key: key)
        } else if key.hasPrefix("next_reply.") {
            throw SLAPolicyError.nextReplyUnsupported
        } else if key == "pause.statuses" {
            (pauseStates, pauseStatusLabels) = try Self.pauseStatuses(v, key: key)
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
        } else if key == "capacity" {
            guard let n = Int(v), n >= 0, n <= 1_000_000 else {
                throw SLAPolicyError.badValue(key: key, value: value, expected: "a whole number of escalations per day, 0 or more")
            }
            capacity = n
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
        if key == "calendar.timezone" {
            do { zone = try DeskTimeZone.parse(String(v), source: key) } catch {
                throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a time zone (UTC, +02:00 or a name like Europe/Madrid)")
            }
            return
        }
        calendar = try Self.calendar(changing: calendar ?? .officeHours, key, v)
    }

    /// `base` with one `calendar.weekdays|hours|holidays` line applied.
    package static func calendar(changing base: BusinessCalendar, _ key: String, _ v: Substring) throws -> BusinessCalendar {
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
        return try BusinessCalendar(workdays: workdays, opens: opens, closes: closes, holidays: holidays)
    }

    /// `waiting, hold` (meanings) and status labels as the desk writes them.
    package static func pauseStatuses(_ v: Substring, key: String) throws -> (Set<TicketState>, Set<String>) {
        var states = Set<TicketState>(), labels = Set<String>()
        for part in v.split(separator: ",") {
            let word = part.trimmingSpaces()
            guard !word.isEmpty else { continue }
            if word.lowercased() == "none" { continue }
            if let s = TicketState(rawValue: word.lowercased()) {
                guard s != .solved else { throw SLAPolicyError.badValue(key: key, value: String(word), expected: "a status that leaves the ticket open") }
                states.insert(s)
            } else {
                labels.insert(normaliseLabel(word))
            }
        }
        return (states, labels)
    }

    /// Hours above 0, bounded so that target seconds fit Int64 (1e300 hours trapped in `resolved`).
    package static func targetHours(_ v: Substring, key: String) throws -> Double {
        guard let h = Double(v), h > 0, h.isFinite, h <= maxTargetHours else {
            throw SLAPolicyError.badValue(key: key, value: String(v), expected: "a number of hours above 0 and at most 87600 (ten years)")
        }
        return h
    }

    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    package static func parseWeekdays(_ v: Substring, key: String) throws -> [Bool] {
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
    package static func parseClock(_ s: Substring) -> Int64? {
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

extension SLAPolicyRule {
    /// A line of a `[policy NAME]` section.
    package mutating func set(_ key: String, _ value: String) throws {
        let v = Substring(value).trimmingSpaces()
        if key.hasPrefix("if.") {
            let negated = key.hasSuffix("!")
            let field = String(Substring(key.dropFirst(3).dropLast(negated ? 1 : 0)).trimmingSpaces())
            let values = v.split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
            guard !field.isEmpty else { throw SLAPolicyError.badValue(key: key, value: value, expected: "if.<field> = <label>, …") }
            guard !values.isEmpty else { throw SLAPolicyError.badValue(key: key, value: value, expected: "one or more labels separated by commas") }
            conditions.append(SLACondition(field: field, values: values, negated: negated))
        } else if key == "calendar" {
            switch v.lowercased() {
            case "none", "24/7", "always": calendar = .none
            case "desk", "default": calendar = .desk
            default: calendar = .named(String(v))
            }
        } else if key.hasPrefix("next_reply.") {
            throw SLAPolicyError.nextReplyUnsupported
        } else if let metric = SLAMetric.allCases.first(where: { key.hasPrefix($0.key + ".") }) ?? (key.hasPrefix("target.") ? .resolution : nil) {
            let name = String(key.drop { $0 != "." }.dropFirst())
            let label = String(Substring(name).trimmingSpaces())
            guard !label.isEmpty else { throw SLAPolicyError.badValue(key: key, value: name, expected: "a label") }
            targetHours[metric.rawValue][label] = try SLAPolicy.targetHours(v, key: key)
        } else {
            throw SLAPolicyError.badValue(key: key, value: value,
                                          expected: "a policy line: if.<field> = …, if.<field>! = …, first_reply.<priority>, resolution.<priority> or calendar")
        }
    }
}

extension String {
    fileprivate func stripping(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
