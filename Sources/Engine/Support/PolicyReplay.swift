import Dispatch
import Core
import Learning

/// A proposed SLA policy priced on the desk's history before it is adopted: each policy's
/// targets, calendars and pauses re-clock the resolved tickets, a breach model learns them
/// out of fold, and the day-by-day escalation backtest at the policy's capacity gives the
/// reviews and net savings. Both policies go through `SupportHistory`, as a full run does,
/// so a column equals what `SupportAnalysis` reports under that policy.
public struct PolicyReplay: Sendable {
    /// One policy's figures on the history.
    public struct Outcome: Sendable, Equatable {
        /// Resolved tickets replayed, and how many of them the policy clocks on some metric.
        public var resolved: Int
        public var clocked: Int
        /// Per metric the policy clocks (`SLAMetric` order): resolved tickets with a target, and misses.
        public var metrics: [MetricCount]
        /// Tickets that missed at least one target, and what those breaches cost.
        public var breaches: Int
        public var breachCost: Double
        /// Escalations per day: the policy's `capacity`, else its suggested capacity.
        public var capacity: Int
        public var capacitySuggested: Bool
        /// The backtest at that capacity: reviews, breaches prevented, savings.
        public var escalation: CapacityOutcome
    }

    public struct MetricCount: Sendable, Equatable {
        public var metric: SLAMetric
        public var clocked: Int
        public var breaches: Int
    }

    public let current: Outcome
    public let proposed: Outcome
    public let modelName: String

    /// `capacity` overrides both policies' own. `extras`: the ticket file's own columns.
    public static func run(tickets: [Ticket], extras: CustomerExtras? = nil, current: SLAPolicy, proposed: SLAPolicy,
                           capacity: Int? = nil, options: SupportAnalysis.Options = .init(folds: 3),
                           trainer: any BreachModelTrainer = NaiveBayesBreachTrainer()) throws -> PolicyReplay {
        var o = options
        if extras != nil { o.extras = extras }
        // The two policies share the tickets and the features that do not depend on a
        // policy. First the shared features (two halves) and each policy's clocks, four
        // tasks across the cores; then each policy's features, model and backtests, one per core.
        let policies = [current, proposed], options = o
        let clockings = ParallelSlots<Result<SupportClocking, any Error>>(count: 2)
        let coded = ParallelSlots<SupportFeatureBase.Coded>(count: 1), swept = ParallelSlots<SupportFeatureBase.Swept>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            switch k {
            case 0, 1: clockings[k] = Result { try SupportClocking(tickets: tickets, policy: policies[k], options: options) }
            case 2: swept[0] = SupportFeatureBase.Swept(tickets)
            default: coded[0] = SupportFeatureBase.Coded(tickets)
            }
        }
        guard let c0 = clockings[0], let c1 = clockings[1], let cb = coded[0], let sb = swept[0] else {
            throw LearningFailure(message: "a policy replay did not finish")
        }
        let clocked = [try c0.get(), try c1.get()], base = SupportFeatureBase(coded: cb, swept: sb)
        let results = ParallelSlots<Result<Outcome, any Error>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            results[k] = Result {
                try outcome(tickets, clocking: clocked[k], policy: policies[k], capacity: capacity, options: options,
                            trainer: trainer, base: base)
            }
        }
        guard let a = results[0], let b = results[1] else { throw LearningFailure(message: "a policy replay did not finish") }
        return PolicyReplay(current: try a.get(), proposed: try b.get(), modelName: trainer.name)
    }

    package static func outcome(_ tickets: [Ticket], clocking: SupportClocking, policy: SLAPolicy, capacity: Int?,
                        options: SupportAnalysis.Options, trainer: any BreachModelTrainer, base: SupportFeatureBase) throws -> Outcome {
        let h = try SupportHistory(tickets: tickets, clocking: clocking, options: options, trainer: trainer, base: base,
                                   probabilityOnly: false)
        let resolved = tickets.lazy.filter { $0.isResolved && $0.resolvedAt != nil }.count
        var counts: [MetricCount] = []
        for (k, m) in h.metrics.enumerated() {
            var n = 0, b = 0
            for i in h.resolvedRows { if let s = h.clocked[k][i] { n += 1; if s.breached { b += 1 } } }
            counts.append(MetricCount(metric: m, clocked: n, breaches: b))
        }
        var breaches = 0, cost = 0.0
        for i in h.resolvedRows where h.labels[i] == 1 { breaches += 1; cost += h.policy.cost[Int(h.policy.priorityCode[i])] }
        let e = policy.effectiveness, ic = policy.interventionCost
        let chosen = capacity ?? policy.capacity
        let n = chosen ?? h.expectedHistory.suggestedCapacity(effectiveness: e, interventionCost: ic)
        return Outcome(resolved: resolved, clocked: h.resolvedRows.count, metrics: counts, breaches: breaches, breachCost: cost,
                       capacity: n, capacitySuggested: chosen == nil,
                       escalation: h.backtest.outcome(capacity: n, effectiveness: e, interventionCost: ic))
    }
}
