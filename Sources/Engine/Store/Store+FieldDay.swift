/// The field day's decisions (a stop done, no-show or cancelled; an urgent visit; a team's
/// re-planned day) are rows of the `decisions` table like every manager's action, with who
/// and when: no table of their own, so the audit trail stays in one place and every command
/// center on the store reads the same day.
extension Store {
    /// Actions of the field day, as the route screens record them.
    public static let fieldDayActions = ["field-stop", "field-urgent", "field-replan"]

    /// The run's field-day decisions, oldest first (applied in order they rebuild the day).
    public func fieldDayDecisions(run: Int64) throws(StoreError) -> [Decision] {
        try decisions(run: run).filter { Self.fieldDayActions.contains($0.action) }
    }
}

extension Decision {
    /// A decision as read back (tests and other stores' rows build one).
    public init(id: Int64, runId: Int64?, at: String, user: String, action: String, subject: String, value: String) {
        self.id = id; self.runId = runId; self.at = at; self.user = user; self.action = action; self.subject = subject; self.value = value
    }
}
