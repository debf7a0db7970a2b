import Core
/// One open ticket in the escalation queue.
public struct EscalationEntry: Sendable, Equatable {
    /// Index in the analysed ticket array.
    public var index: Int
    public var id: String
    /// The priority label (an empty cell shows its default's) and its code, least urgent 0.
    public var priority: String
    public var priorityCode: UInt8
    public var channel: String
    public var type: String
    /// Breach probability from the fold models' average (each trained on the other folds'
    /// resolved tickets), as the ticket arrived.
    public var probabilityAtArrival: Double
    /// The same, given that it is still open after the time it has run (`ElapsedTimeUpdate`):
    /// what expected loss uses.
    public var probability: Double
    public var breachCost: Double
    /// What escalating it is worth: p × cost × effectiveness − intervention cost. A ticket
    /// already past its target cannot be saved, so only the intervention cost remains.
    public var expectedLoss: Double
    public var state: SLAState
    /// Wall-clock instant of the breach if nothing changes; nil while paused.
    public var deadline: Int64?
    public var reasons: [BreachReason]
    /// The SLA metric it is ranked on: the one most at risk among those still running.
    public var metric: SLAMetric = .resolution
}

/// Open tickets ranked by expected loss, highest first (ties by ticket index).
public struct EscalationQueue: Sendable {
    public let entries: [EscalationEntry]

    /// `probability[k]` belongs to `rows[k]`; `states[k]` is its clock state at `now`.
    package init(tickets: [Ticket], rows: [Int], probabilityAtArrival: [Double], probability: [Double], states: [SLAState], now: Int64,
         clock: SLAClock, features: SupportFeatures, scorer: any BreachScorer) throws {
        let policy = clock.policy
        let eff = policy.policy.effectiveness, ic = policy.policy.interventionCost
        var entries: [EscalationEntry] = []
        entries.reserveCapacity(rows.count)
        for (k, i) in rows.enumerated() {
            let t = tickets[i]
            let code = policy.priorityCode[i]
            let cost = policy.cost[Int(code)]
            let state = states[k]
            let savable = state.breached ? 0 : probability[k] * cost * eff
            entries.append(EscalationEntry(
                index: i, id: t.id, priority: policy.labels[Int(code)], priorityCode: code, channel: t.channel, type: t.type,
                probabilityAtArrival: probabilityAtArrival[k], probability: probability[k], breachCost: cost, expectedLoss: savable - ic, state: state,
                deadline: clock.deadline(of: state, at: now), reasons: []))
        }
        entries.sort { ($0.expectedLoss, -$0.index) > ($1.expectedLoss, -$1.index) }
        let reasons = try scorer.reasons(features, rows: entries.map(\.index))
        for k in entries.indices { entries[k].reasons = reasons[k] }
        self.entries = entries
    }
}
