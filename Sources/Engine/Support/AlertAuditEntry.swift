import Core
/// One alert as the audit log keeps it: when, which rule, which ticket, the values the rule
/// saw and what became of its hook. The store saves it (as JSON) with the run's decisions.
public struct AlertAuditEntry: Sendable, Equatable, Codable {
    public var at: Int64
    public var rule: String
    public var ticket: String
    public var values: AlertInput
    /// nil when the rule has no hook or hooks were not run (`--dry-run`).
    public var hook: AlertHookOutcome?

    public init(_ alert: Alert, hook: AlertHookOutcome? = nil) {
        at = alert.at; rule = alert.rule; ticket = alert.ticket; values = alert.input; self.hook = hook
    }

    /// The decision log's action name for an alert.
    public static let action = "alert"
    /// The audit log's event for what became of an alert's hook.
    public static let hookAction = "alert-hook"
}
