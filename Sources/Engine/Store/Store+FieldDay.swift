import Core
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
