import Dispatch
import Core
import Learning
/// A policy's clocks on a desk: each ticket's clock per metric and the breach labels of the
/// resolved ones, the part of a `SupportHistory` that needs no features. A replay clocks
/// both policies while the shared features are built.
package struct SupportClocking: Sendable {
    package let policy: ResolvedSLAPolicy
    /// Metrics with a target for some ticket, in `SLAMetric` order.
    package let metrics: [SLAMetric]
    package let clock: SLAClock
    package let now: Int64
    /// Per metric (`metrics` order), per ticket: its clock at its end (resolved) or now; nil
    /// without a target.
    package let clocked: [[SLAState?]]
    /// Per ticket: 1 when resolved and any metric it has missed its target, 0 when it met
    /// them all, nil when open or clocked on no metric.
    package let labels: [UInt8?]
    package let resolvedRows: [Int]

    package init(tickets: [Ticket], policy raw: SLAPolicy, options: SupportAnalysis.Options) throws {
        let policy = try raw.resolved(for: tickets, extras: options.extras)
        let metrics = policy.metrics
        guard !metrics.isEmpty || tickets.isEmpty else { throw SLAPolicyError.noTargets(tickets: tickets.count, unmatched: policy.unmatched) }
        let clock = SLAClock(policy: policy)
        let now = options.now ?? Self.latestInstant(tickets)
        let pauses = options.pauses
        // Each ticket's times and status handed over: a `Ticket` is copied with its nine texts.
        let clocked = metrics.map { m in
            tickets.indices.map { i in
                let times = SLAClock.Times(tickets[i])
                return clock.state(row: i, times, status: tickets[i].status, metric: m, pauses: pauses?[i] ?? [],
                                   at: times.isResolved ? (times.resolvedAt ?? now) : now)
            }
        }
        var labels = [UInt8?](repeating: nil, count: tickets.count)
        for i in tickets.indices where tickets[i].isResolved && tickets[i].resolvedAt != nil {
            var any = false, breached = false
            for k in clocked.indices { if let s = clocked[k][i] { any = true; breached = breached || s.breached } }
            if any { labels[i] = breached ? 1 : 0 }
        }
        self.policy = policy
        self.metrics = metrics
        self.clock = clock
        self.now = now
        self.clocked = clocked
        self.labels = labels
        resolvedRows = tickets.indices.filter { labels[$0] != nil }
    }

    /// The desk's latest resolution or arrival: its "now" when none is given.
    static func latestInstant(_ tickets: [Ticket]) -> Int64 {
        var latest = Int64.min
        for i in tickets.indices { latest = max(latest, tickets[i].resolvedAt ?? tickets[i].createdAt) }  // by index: `reduce` copies each ticket
        return latest
    }
}

/// A policy applied to a desk's tickets: each ticket's clocks per metric, the breach labels
/// of the resolved ones, the features, the out-of-fold breach model and the backtests it
/// ranks. `SupportAnalysis` builds the queue on it; `PolicyReplay` prices a policy with it,
/// so a replay and a full run under the same policy agree by construction.
package struct SupportHistory: Sendable {
    package let policy: ResolvedSLAPolicy
    /// Metrics with a target for some ticket, in `SLAMetric` order.
    package let metrics: [SLAMetric]
    package let clock: SLAClock
    package let now: Int64
    /// Per metric (`metrics` order), per ticket: its clock at its end (resolved) or now; nil
    /// without a target.
    package let clocked: [[SLAState?]]
    /// Per ticket: 1 when resolved and any metric it has missed its target, 0 when it met
    /// them all, nil when open or clocked on no metric.
    package let labels: [UInt8?]
    package let resolvedRows: [Int]
    package let extras: TicketExtraFeatures?
    package let features: SupportFeatures
    package let oof: OutOfFoldScores
    /// Resolved tickets escalated on their arrival day by expected loss, truth-valued.
    package let backtest: CapacityTable
    /// Ranked by probability alone, for a full run's comparison; empty when the history was
    /// built without it (a replay reads only the two tables ranked by expected loss).
    package let backtestProbabilityOnly: CapacityTable
    /// The same valued by the model's expectation (where the suggested capacity is read).
    package let expectedHistory: CapacityTable

    /// `base`: the desk's policy-independent features, when several policies share them.
    package init(tickets: [Ticket], policy raw: SLAPolicy, options: SupportAnalysis.Options, trainer: any BreachModelTrainer,
         base: SupportFeatureBase? = nil) throws {
        if let base {
            try self.init(tickets: tickets, clocking: SupportClocking(tickets: tickets, policy: raw, options: options),
                          options: options, trainer: trainer, base: base)
            return
        }
        // The policy's clocks and the two halves of the shared features read only the
        // tickets: three tasks across the cores, as a replay does (same results).
        let clocking = ParallelSlots<Result<SupportClocking, any Error>>(count: 1)
        let coded = ParallelSlots<SupportFeatureBase.Coded>(count: 1), swept = ParallelSlots<SupportFeatureBase.Swept>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { k in
            switch k {
            case 0: clocking[0] = Result { try SupportClocking(tickets: tickets, policy: raw, options: options) }
            case 1: swept[0] = SupportFeatureBase.Swept(tickets)
            default: coded[0] = SupportFeatureBase.Coded(tickets)
            }
        }
        guard let c = clocking[0], let cb = coded[0], let sb = swept[0] else {
            throw LearningFailure(message: "the SLA clocks and features did not finish")
        }
        // The slots let go, and the base is handed over: once the features are built, the
        // customer grouping and the backlog go before the folds (≈165 MB at 10 M tickets).
        coded[0] = nil
        swept[0] = nil
        try self.init(tickets: tickets, clocking: try c.get(), options: options, trainer: trainer,
                      base: SupportFeatureBase(coded: consume cb, swept: consume sb))
    }

    /// The same from the policy's clocks already taken. `probabilityOnly`: whether to build
    /// `backtestProbabilityOnly` (one sort of every resolved ticket).
    package init(tickets: [Ticket], clocking c: SupportClocking, options: SupportAnalysis.Options, trainer: any BreachModelTrainer,
         base: consuming SupportFeatureBase? = nil, probabilityOnly: Bool = true) throws {
        let policy = c.policy, labels = c.labels, resolvedRows = c.resolvedRows, now = c.now
        let extras = options.extras.flatMap { e -> TicketExtraFeatures? in
            guard e.rowCount == tickets.count, !e.isEmpty else { return nil }
            return TicketExtraFeatures(e, asOfDay: Int(CivilDate.floorDiv(now, 86_400)), rows: resolvedRows,
                                       breach: resolvedRows.map { Double(labels[$0] ?? 0) },
                                       hours: resolvedRows.map { Double((tickets[$0].resolvedAt ?? tickets[$0].createdAt) - tickets[$0].createdAt) / 3600 })
        }
        let features = SupportFeatures(base: (consume base) ?? SupportFeatureBase(tickets), tickets: tickets, labels: labels,
                                       priorityCodes: policy.priorityCode, priorityLabels: policy.labels, extras: extras)
        let y = labels.map { $0 ?? 0 }
        let prepared = try trainer.prepared(for: features, rows: resolvedRows)
        FreedMemory.release()  // the clocks' and the binning's transient frames, before the folds
        let oof = try OutOfFoldScoring.score(features, labels: y, rows: resolvedRows, folds: options.folds,
                                             trainer: prepared, seed: options.seed, threads: options.threads)

        // Each row's breach cost read where it is used, not kept as a column of its own.
        let costOf = { (k: Int) in policy.cost[Int(policy.priorityCode[resolvedRows[k]])] }
        let p = oof.probabilities
        let day = resolvedRows.map { Int(CivilDate.floorDiv(tickets[$0].createdAt, 86_400)) }
        let truth = resolvedRows.map { Double(y[$0]) }
        let expectedCost = p.indices.map { p[$0] * costOf($0) }
        let truthCost = truth.indices.map { truth[$0] * costOf($0) }
        self.policy = policy
        self.metrics = c.metrics
        self.clock = c.clock
        self.now = now
        self.clocked = c.clocked
        self.labels = labels
        self.resolvedRows = resolvedRows
        self.extras = extras
        self.features = features
        self.oof = oof
        // The backtest and the expectation rank by the same expected loss: one sort serves
        // both, and that ranking ends with their tables, while the probability-only ranking
        // and its table are made on the other core.
        let byLoss = ParallelSlots<[CapacityTable]>(count: 1), byProbability = ParallelSlots<CapacityTable>(count: 1)
        DispatchQueue.concurrentPerform(iterations: probabilityOnly ? 2 : 1) { k in
            if k == 0 {
                let order = CapacityTable.order(day: day, score: expectedCost)
                byLoss[0] = [CapacityTable(order: order, day: day, cost: truthCost, breach: truth),
                             CapacityTable(order: order, day: day, cost: expectedCost, breach: p)]
            } else {
                byProbability[0] = CapacityTable(order: CapacityTable.order(day: day, score: p), day: day, cost: truthCost, breach: truth)
            }
        }
        guard let tables = byLoss[0], tables.count == 2 else { throw LearningFailure(message: "the backtest's ranking did not finish") }
        backtest = tables[0]
        expectedHistory = tables[1]
        if !probabilityOnly {
            backtestProbabilityOnly = CapacityTable(day: [], score: [], cost: [], breach: [])
        } else if let table = byProbability[0] {
            backtestProbabilityOnly = table
        } else {
            throw LearningFailure(message: "the probability-only backtest did not finish")
        }
    }
}
