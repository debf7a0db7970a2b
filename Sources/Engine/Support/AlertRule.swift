import Core
/// One alert rule from `alerts.conf`: a name, a condition over an open ticket's numbers and
/// labels, and the user's optional shell command to run when it fires.
public struct AlertRule: Sendable, Equatable {
    public var name: String
    public var condition: AlertCondition
    /// The `hook NAME:` command with its `{placeholder}`s, as written.
    public var hook: String?

    public init(name: String, condition: AlertCondition, hook: String? = nil) {
        self.name = name; self.condition = condition; self.hook = hook
    }
}

/// The whole of `alerts.conf`: the rules in file order and the hooks' rate limit.
public struct AlertConfig: Sendable, Equatable {
    public var rules: [AlertRule]
    /// Least seconds between two runs of one rule's hook (`hook.min_interval`).
    public var hookMinInterval: Int64

    public static let defaultHookMinInterval: Int64 = 60

    public init(rules: [AlertRule] = [], hookMinInterval: Int64 = AlertConfig.defaultHookMinInterval) {
        self.rules = rules; self.hookMinInterval = hookMinInterval
    }
}

/// What a rule can test. Numbers compare as numbers, durations in seconds, labels as
/// case-insensitive text.
public enum AlertField: String, Sendable, CaseIterable {
    case p, left, elapsed, expectedLoss = "expected_loss", age, priority, status, channel, group

    public var isLabel: Bool {
        switch self {
        case .priority, .status, .channel, .group: true
        default: false
        }
    }
}

public enum AlertComparison: String, Sendable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="

    package func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}

/// The right-hand side of a comparison, already in the field's unit.
public enum AlertOperand: Sendable, Equatable {
    case number(Double)
    /// Seconds.
    case duration(Int64)
    /// Of the ticket's target, 75 for `75%`.
    case percent(Double)
    /// Lowercased, so `=` ignores case.
    case label(String)
}

public indirect enum AlertCondition: Sendable, Equatable {
    case compare(AlertField, AlertComparison, AlertOperand)
    case and(AlertCondition, AlertCondition)
    case or(AlertCondition, AlertCondition)

    /// Whether the condition holds for this ticket. A ticket without a target (a priority the
    /// policy does not know) has no time left or elapsed share to test: those comparisons are
    /// false. A missing label (no group) equals nothing, so `!=` holds.
    public func holds(for t: AlertInput) -> Bool {
        switch self {
        case .and(let a, let b): return a.holds(for: t) && b.holds(for: t)
        case .or(let a, let b): return a.holds(for: t) || b.holds(for: t)
        case .compare(let field, let op, let operand):
            switch (field, operand) {
            case (.p, .number(let x)): return op.holds(t.probability, x)
            case (.expectedLoss, .number(let x)): return op.holds(t.expectedLoss, x)
            case (.left, .duration(let s)): return t.target > 0 && op.holds(t.timeLeft, s)
            case (.elapsed, .duration(let s)): return op.holds(t.elapsed, s)
            case (.elapsed, .percent(let x)): return t.target > 0 && op.holds(Double(t.elapsed) * 100 / Double(t.target), x)
            case (.age, .duration(let s)): return op.holds(t.age, s)
            case (_, .label(let x)) where field.isLabel:
                let v = t.label(field)?.lowercased()
                return op == .equal ? v == x : v != x
            default: return false  // the parser never builds a mismatched pair
            }
        }
    }
}
