import Core
/// The economics the SLA screen trades, read from a snapshot without a model: the two
/// rankings side by side and the senior roster for a capacity.
extension SupportSnapshot {
    /// Escalations a day at `capacity`: the backtest's reviews over its days (days with
    /// fewer tickets than the capacity escalate fewer).
    public func escalationsPerDay(capacity: Int) -> Double {
        let days = backtest.days.count
        guard days > 0 else { return Double(min(max(capacity, 0), rows.count)) }
        let o = backtest.outcome(capacity: capacity, effectiveness: 1, interventionCost: 0)
        return Double(o.reviews) / Double(days)
    }

    /// The senior agents per interval for the escalations `capacity` picks, with the
    /// policy's economics (or `economics` when a slider has moved them).
    public func roster(capacity: Int, economics: EscalationEconomics? = nil) -> EscalationRoster {
        EscalationRoster(escalationsPerDay: escalationsPerDay(capacity: capacity), profile: arrivalProfile,
                         economics: economics ?? policy.escalation)
    }
}
