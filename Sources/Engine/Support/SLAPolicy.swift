/// What the desk promised and what a miss costs: resolution targets and breach costs per
/// priority, the price and effect of an escalation, and when the clock runs.
///
/// Pauses: tickets carry no status history, so time spent waiting for the customer is given
/// separately as `SLAPause` intervals per ticket (see `SLAClock`). `pauseWhilePending`
/// decides whether those intervals stop the clock.
public struct SLAPolicy: Sendable, Equatable {
    /// Resolution target in hours, per priority. A priority absent here cannot be clocked.
    public var targetHours: [Priority: Double]
    /// Cost of one breach, per priority. A priority absent here has no cost: analysing data
    /// that holds it fails with `SLAPolicyError.missingCost` naming it.
    public var breachCost: [Priority: Double]
    /// Cost of one escalation (a senior agent's review), whatever its outcome.
    public var interventionCost: Double
    /// Share of would-be breaches an escalation prevents, 0…1.
    public var effectiveness: Double
    /// Nil: the clock runs around the clock, every day.
    public var calendar: BusinessCalendar?
    /// Whether pending-customer intervals stop the clock.
    public var pauseWhilePending: Bool

    public init(targetHours: [Priority: Double] = SLAPolicy.defaultTargets,
                breachCost: [Priority: Double] = SLAPolicy.defaultCosts,
                interventionCost: Double = 2, effectiveness: Double = 1,
                calendar: BusinessCalendar? = nil, pauseWhilePending: Bool = true) {
        self.targetHours = targetHours
        self.breachCost = breachCost
        self.interventionCost = interventionCost
        self.effectiveness = effectiveness
        self.calendar = calendar
        self.pauseWhilePending = pauseWhilePending
    }

    public static let defaultTargets: [Priority: Double] = [.critical: 4, .high: 8, .medium: 24, .low: 72]
    public static let defaultCosts: [Priority: Double] = [.critical: 500, .high: 200, .medium: 50, .low: 10]

    /// Target and cost per priority code, after checking that every priority occurring in
    /// `tickets` has both. The arrays are what hot loops index.
    public func resolved(for tickets: [Ticket]) throws -> ResolvedSLAPolicy {
        var seen = [Bool](repeating: false, count: Priority.allCases.count)
        for t in tickets { seen[Int(t.priority.code)] = true }
        var targets = [Int64](repeating: 0, count: seen.count)
        var costs = [Double](repeating: 0, count: seen.count)
        for p in Priority.allCases where seen[Int(p.code)] {
            guard let c = breachCost[p] else { throw SLAPolicyError.missingCost(p) }
            guard let h = targetHours[p] else { throw SLAPolicyError.missingTarget(p) }
            targets[Int(p.code)] = Int64((h * 3600).rounded())
            costs[Int(p.code)] = c
        }
        return ResolvedSLAPolicy(targetSeconds: targets, cost: costs, policy: self)
    }
}

/// A policy checked against a data set: per-priority-code arrays.
public struct ResolvedSLAPolicy: Sendable {
    /// Indexed by `Priority.code`: target in (business) seconds.
    public let targetSeconds: [Int64]
    /// Indexed by `Priority.code`: cost of one breach.
    public let cost: [Double]
    public let policy: SLAPolicy
}

public enum SLAPolicyError: Error, Equatable, CustomStringConvertible {
    case missingCost(Priority)
    case missingTarget(Priority)
    case noWorkdays
    case badHours(opens: Int64, closes: Int64)
    case unknownKey(String)
    case badValue(key: String, value: String, expected: String)
    indirect case atLine(file: String, line: Int, SLAPolicyError)

    public var description: String {
        switch self {
        case .missingCost(let p):
            return "priority \"\(p.rawValue)\" occurs in the tickets but has no breach cost; add cost.\(p.rawValue) = <amount>"
        case .missingTarget(let p):
            return "priority \"\(p.rawValue)\" occurs in the tickets but has no SLA target; add target.\(p.rawValue) = <hours>"
        case .noWorkdays:
            return "business calendar: at least one weekday must be a working day"
        case .badHours(let o, let c):
            return "business calendar: opening time (\(o / 60) min) must be before closing time (\(c / 60) min) within one day"
        case .unknownKey(let k):
            return "unknown SLA setting \"\(k)\"; known: target.<Priority>, cost.<Priority>, intervention_cost, effectiveness, pause_pending, calendar.weekdays, calendar.hours, calendar.holidays"
        case .badValue(let k, let v, let e):
            return "SLA setting \(k): \"\(v)\" is not \(e)"
        case .atLine(let f, let l, let inner):
            return "\(f):\(l): \(inner.description)"
        }
    }
}
