import Core
/// What one escalation costs and does, and the service the senior desk taking escalations
/// promises, each number with where it came from (the built-in default, a line of sla.conf
/// or an override), so the SLA screen can show a manager what the curve assumes.
///
/// ```
/// escalation.minutes = 20          # a senior agent's time per escalation
/// escalation.hourly_rate = 45      # what that agent's hour costs
/// escalation.effect = 0.6          # share of would-be breaches an escalation prevents
/// escalation.service_level = 0.8   # roster: share of escalations picked up within…
/// escalation.answer_minutes = 30   # …this many minutes
/// escalation.interval_minutes = 60 # roster interval: 15, 30 or 60
/// escalation.shrinkage = 0.3       # roster: share of paid time not on escalations
/// ```
///
/// The older keys still read: `intervention_cost` is a flat price per escalation instead of
/// minutes × rate (a file may not give both), `effectiveness` is `escalation.effect`.
/// The defaults give a curve a manager can trade: 20 min at 45/h is 15 per escalation and
/// 60 % of would-be breaches prevented, so a Medium ticket (50 per breach) is worth
/// escalating only above p = 0.5 and a Low one (10) never.
public struct EscalationEconomics: Sendable, Equatable {
    /// Where a number came from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case standard
        /// A config file and its line (the file as given; shown by its last path component).
        case file(String, line: Int)
        /// `--sla key=value` or set by code.
        case override

        public var description: String {
            switch self {
            case .standard: return "default"
            case .file(let f, let line): return "\(f.split(separator: "/").last.map(String.init) ?? f):\(line)"
            case .override: return "override"
            }
        }
    }

    public static let minutesKey = "escalation.minutes", rateKey = "escalation.hourly_rate"
    public static let effectKey = "escalation.effect", flatCostKey = "intervention_cost"
    public static let serviceLevelKey = "escalation.service_level", answerKey = "escalation.answer_minutes"
    public static let intervalKey = "escalation.interval_minutes", shrinkageKey = "escalation.shrinkage"
    /// Every key this type reads (the legacy `effectiveness` too), for the SLA error's list.
    public static let keys = [minutesKey, rateKey, effectKey, flatCostKey, "effectiveness", serviceLevelKey, answerKey,
                              intervalKey, shrinkageKey]

    public var minutes: Double = 20
    public var hourlyRate: Double = 45
    /// `intervention_cost`: a flat price per escalation that replaces minutes × rate.
    public var flatCost: Double?
    /// Share of would-be breaches an escalation prevents, 0…1.
    public var effect: Double = 0.6
    /// Roster target: this share of escalations picked up within `answerMinutes`.
    public var serviceLevel: Double = 0.8
    public var answerMinutes: Double = 30
    public var intervalMinutes: Int = 60
    public var shrinkage: Double = 0
    /// Per key set away from its default: where it was set. Absent: `.standard`.
    public var sources: [String: Source] = [:]

    public init() {}

    /// Cost of one escalation: the flat price when given, else minutes × hourly rate.
    public var cost: Double { flatCost ?? minutes * hourlyRate / 60 }

    public func source(_ key: String) -> Source { sources[key] ?? .standard }

    /// Where the cost came from: the flat price's source, else minutes' (rate's when only
    /// the rate was set).
    public var costSource: Source {
        if flatCost != nil { return source(Self.flatCostKey) }
        let m = source(Self.minutesKey), r = source(Self.rateKey)
        return m == .standard ? r : m
    }

    /// `costSource` as the screen writes it: both lines when minutes and rate come from
    /// different lines of one file ("sla.conf:2+4").
    public var costOrigin: String {
        if flatCost == nil, case .file(let f, let a) = source(Self.minutesKey), case .file(let g, let b) = source(Self.rateKey),
           f == g, a != b {
            return Source.file(f, line: a).description + "+\(b)"
        }
        return costSource.description
    }

    /// Sets the flat cost from code (`SLAPolicy.interventionCost`).
    public mutating func setFlatCost(_ c: Double, source: Source = .override) {
        flatCost = c; sources[Self.flatCostKey] = source
    }

    /// Sets the effect from code (`SLAPolicy.effectiveness`).
    public mutating func setEffect(_ e: Double, source: Source = .override) {
        effect = e; sources[Self.effectKey] = source
    }

    /// Applies one `key = value`; false when the key is not one of this type's (the caller
    /// goes on with its own keys). Throws `SLAPolicyError.badValue` naming what was expected;
    /// the config parser adds the file and line.
    public mutating func set(_ key: String, _ value: Substring, source: Source = .override) throws -> Bool {
        switch key {
        case Self.minutesKey, Self.rateKey:
            let x = try Self.number(value, key: key, in: 0...100_000, expected: "a number ≥ 0")
            if case .file(let f, _) = source, case .file(let g, let line) = self.source(Self.flatCostKey), f == g {
                throw Self.conflict(key, value, otherLine: line)
            }
            if key == Self.minutesKey { minutes = x } else { hourlyRate = x }
            flatCost = nil
            sources[key] = source
        case Self.flatCostKey:
            let x = try Self.number(value, key: key, in: 0...Double.greatestFiniteMagnitude, expected: "a number ≥ 0")
            for other in [Self.minutesKey, Self.rateKey] {
                if case .file(let f, _) = source, case .file(let g, let line) = self.source(other), f == g {
                    throw Self.conflict(key, value, otherLine: line)
                }
            }
            setFlatCost(x, source: source)
        case Self.effectKey, "effectiveness":
            setEffect(try Self.number(value, key: key, in: 0...1, expected: "a share between 0 and 1"), source: source)
        case Self.serviceLevelKey:
            serviceLevel = try Self.number(value, key: key, in: 0.01...0.999, expected: "a share above 0 and below 1 (0.8 = 80 %)")
            sources[key] = source
        case Self.answerKey:
            answerMinutes = try Self.number(value, key: key, in: 0.1...1440, expected: "minutes above 0 and at most 1440")
            sources[key] = source
        case Self.intervalKey:
            guard let m = Int(value.trimmingSpaces()), [15, 30, 60].contains(m) else {
                throw SLAPolicyError.badValue(key: key, value: String(value), expected: "15, 30 or 60 (minutes)")
            }
            intervalMinutes = m
            sources[key] = source
        case Self.shrinkageKey:
            shrinkage = try Self.number(value, key: key, in: 0...0.9, expected: "a share between 0 and 0.9")
            sources[key] = source
        default:
            return false
        }
        return true
    }

    /// Parses a text holding only these keys (`#` comments), one clear error per bad line.
    public static func parse(_ text: String, file: String = "sla config") throws -> EscalationEconomics {
        var e = EscalationEconomics()
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmingSpaces()
            if line.isEmpty { continue }
            do {
                guard let eq = line.firstIndex(of: "=") else {
                    throw SLAPolicyError.badValue(key: String(line), value: "", expected: "a key = value line")
                }
                let key = String(line[..<eq].trimmingSpaces())
                guard try e.set(key, line[line.index(after: eq)...], source: .file(file, line: n)) else {
                    throw SLAPolicyError.unknownKey(key)
                }
            } catch let error as SLAPolicyError {
                throw SLAPolicyError.atLine(file: file, line: n, error)
            }
        }
        return e
    }

    private static func number(_ v: Substring, key: String, in range: ClosedRange<Double>, expected: String) throws -> Double {
        let t = v.trimmingSpaces()
        guard let x = Double(t), x.isFinite, range.contains(x) else {
            throw SLAPolicyError.badValue(key: key, value: String(t), expected: expected)
        }
        return x
    }

    private static func conflict(_ key: String, _ value: Substring, otherLine: Int) -> SLAPolicyError {
        .badValue(key: key, value: String(value.trimmingSpaces()),
                  expected: "allowed beside line \(otherLine): give either intervention_cost or escalation.minutes and escalation.hourly_rate")
    }
}

extension EscalationEconomics {
    package func write(into w: inout SupportSnapshotWriter) {
        w.f64(minutes); w.f64(hourlyRate); w.bool(flatCost != nil); w.f64(flatCost ?? 0); w.f64(effect)
        w.f64(serviceLevel); w.f64(answerMinutes); w.int(intervalMinutes); w.f64(shrinkage)
        let keys = sources.keys.sorted()
        w.int(keys.count)
        for k in keys {
            w.string(k)
            switch sources[k] ?? .standard {
            case .standard: w.u8(0)
            case .file(let f, let line): w.u8(1); w.string(f); w.int(line)
            case .override: w.u8(2)
            }
        }
    }

    package static func read(_ r: inout SupportSnapshotReader) throws(SupportSnapshotError) -> EscalationEconomics {
        var e = EscalationEconomics()
        e.minutes = try r.f64(); e.hourlyRate = try r.f64()
        let flat = try r.bool(), flatCost = try r.f64()
        e.flatCost = flat ? flatCost : nil
        e.effect = try r.f64(); e.serviceLevel = try r.f64(); e.answerMinutes = try r.f64()
        e.intervalMinutes = try r.int(); e.shrinkage = try r.f64()
        guard [15, 30, 60].contains(e.intervalMinutes), (0...1).contains(e.effect), e.cost.isFinite, e.cost >= 0,
              e.serviceLevel > 0, e.serviceLevel < 1, e.answerMinutes > 0, (0...0.9).contains(e.shrinkage) else {
            throw .invalid("escalation economics out of range")
        }
        for _ in 0..<(try r.count(elementSize: 9)) {
            let key = try r.string()
            switch try r.u8() {
            case 0: e.sources[key] = .standard
            case 1: e.sources[key] = .file(try r.string(), line: try r.int())
            case 2: e.sources[key] = .override
            case let k: throw .invalid("unknown source kind \(k) for \(key)")
            }
        }
        return e
    }
}
