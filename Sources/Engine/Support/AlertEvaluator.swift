import Core
/// One rule newly true for one ticket.
public struct Alert: Sendable, Equatable {
    public var rule: String
    /// When the evaluation that found it ran (seconds since 1970).
    public var at: Int64
    public var input: AlertInput

    package init(rule: String, at: Int64, input: AlertInput) {
        self.rule = rule; self.at = at; self.input = input
    }
    public var ticket: String { input.ticket }
}

/// Which (ticket, rule) pairs held at the last evaluation. A value, saved as JSON with the
/// store or kept by the screen between clock ticks; sorted so equal states encode equally.
public struct AlertState: Sendable, Equatable, Codable {
    public struct Key: Sendable, Hashable, Codable, Comparable {
        public var ticket: String
        public var rule: String
        public init(ticket: String, rule: String) { self.ticket = ticket; self.rule = rule }
        public static func < (a: Key, b: Key) -> Bool { (a.ticket, a.rule) < (b.ticket, b.rule) }
    }

    /// The pairs whose condition held, ascending.
    public private(set) var active: [Key]
    /// When the evaluation ran; nil before the first.
    public private(set) var evaluatedAt: Int64?

    public init() { active = []; evaluatedAt = nil }

    /// The status bar's counter: alerts whose condition still holds.
    public var activeCount: Int { active.count }

    public func isActive(ticket: String, rule: String) -> Bool {
        active.contains(Key(ticket: ticket, rule: rule))
    }

    /// A JSON from an earlier version or a hand edit may hold duplicates or be unsorted.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        active = Array(Set(try c.decode([Key].self, forKey: .active))).sorted()
        evaluatedAt = try c.decodeIfPresent(Int64.self, forKey: .evaluatedAt)
    }

    package mutating func replace(_ keys: Set<Key>, at now: Int64) { active = keys.sorted(); evaluatedAt = now }
}

/// Finds the alerts that are new since the last evaluation.
///
/// An alert fires once when its condition becomes true for a ticket and stays quiet while it
/// holds; once it goes false (or the ticket leaves the open queue) the pair re-arms, so a
/// ticket that drops under a rule and rises over it again alerts again. Firing once per
/// ticket for ever would hide a real second episode; re-arming on every evaluation would
/// repeat each alert every clock tick.
public enum AlertEvaluator {
    /// `inputs` is the whole open queue at `now`, in the order alerts should be listed (the
    /// queue's rank); the new alerts come ticket by ticket, rules in file order.
    public static func evaluate(_ rules: [AlertRule], inputs: [AlertInput], state: AlertState,
                                at now: Int64) -> (alerts: [Alert], state: AlertState) {
        let before = Set(state.active)
        var holding = Set<AlertState.Key>()
        var alerts: [Alert] = []
        for input in inputs {
            for rule in rules where rule.condition.holds(for: input) {
                let key = AlertState.Key(ticket: input.ticket, rule: rule.name)
                // A ticket id listed twice alerts once.
                guard holding.insert(key).inserted else { continue }
                if !before.contains(key) { alerts.append(Alert(rule: rule.name, at: now, input: input)) }
            }
        }
        var next = state
        next.replace(holding, at: now)
        return (alerts, next)
    }
}
