import Dispatch
import Core
import Learning
/// Everything the SLA screen and the SLA exports show, computed once: labels, out-of-fold
/// probabilities and their quality, the queue scored by the fold models, the capacity tables and the
/// diagnostics. A slider move only reads it (`capacity(_:)` costs O(days)).
public struct SupportAnalysis: Sendable {
    public struct Options: Sendable {
        public var folds: Int
        public var seed: UInt64
        /// The instant the queue is clocked at; nil: the latest time stamp in the data.
        public var now: Int64?
        /// Per ticket (aligned with the tickets), pending-customer intervals; nil: none known.
        public var pauses: [[SLAPause]]?
        /// The desk's own columns, one row per ticket: breach-model features where known at arrival.
        public var extras: CustomerExtras?
        /// Cores a fold's fit may use when the folds are fitted one at a time (a large desk's);
        /// the models are the same whatever it is.
        public var threads: Int
        public init(folds: Int = 5, seed: UInt64 = 42, now: Int64? = nil, pauses: [[SLAPause]]? = nil, extras: CustomerExtras? = nil,
                    threads: Int = 1) {
            self.folds = folds; self.seed = seed; self.now = now; self.pauses = pauses; self.extras = extras; self.threads = threads
        }
    }

    public let tickets: [Ticket]
    public let policy: ResolvedSLAPolicy
    public let modelName: String
    public let now: Int64
    /// Per ticket: breach label if resolved and clocked (1: it missed the target of at least
    /// one metric it has; a ticket no policy covers has none).
    public let labels: [UInt8?]
    public let features: SupportFeatures
    /// The desk's own columns left out of the model, with why (none without extras).
    public let excludedExtras: [ExcludedColumn]
    /// Resolved tickets (indices) and their out-of-fold probabilities, same order.
    public let resolvedRows: [Int]
    public let outOfFold: OutOfFoldScores
    public let metrics: BreachMetrics
    /// Per clocked metric (`policy.metrics` order): its labelled rows, breaches and
    /// out-of-fold quality. One metric: the ticket's own model.
    public let metricModels: [MetricModel]
    /// Tickets with no target for any metric (no policy covers them, or theirs sets none
    /// for their priority): kept in the data, out of the labels and the queue.
    public let unclocked: Int
    public let queue: EscalationQueue
    /// Resolved tickets, escalated on their arrival day by expected loss (OOF p × cost);
    /// savings counted from the truth.
    public let backtest: CapacityTable
    /// The same backtest ranked by probability alone, as the replaced prototype did.
    public let backtestProbabilityOnly: CapacityTable
    /// Resolved tickets valued by their OOF expectation (p × cost): what the model would
    /// have promised; the suggested capacity is read from it.
    public let expectedHistory: CapacityTable
    /// The open queue as one day, valued by the fold models' expectation updated for the
    /// time each ticket has already been open (`ElapsedTimeUpdate`).
    public let openExpectation: CapacityTable
    public let diagnostics: SupportDiagnostics

    public static func build(tickets: [Ticket], policy: SLAPolicy, options: Options = Options(),
                             trainer: any BreachModelTrainer = NaiveBayesBreachTrainer()) throws -> SupportAnalysis {
        try SupportAnalysis(tickets: tickets, policy: policy, options: options, trainer: trainer)
    }

    private init(tickets: [Ticket], policy raw: SLAPolicy, options: Options, trainer: any BreachModelTrainer) throws {
        let history = try SupportHistory(tickets: tickets, policy: raw, options: options, trainer: trainer)
        let (policy, metrics, clock, now, clocked) = (history.policy, history.metrics, history.clock, history.now, history.clocked)
        let (labels, resolvedRows, extras, features, oof) = (history.labels, history.resolvedRows, history.extras, history.features, history.oof)
        let primary = metrics.last ?? .resolution
        let y = labels.map { $0 ?? 0 }
        let p = oof.probabilities
        // The model's quality and the diagnostics read the resolved tickets only: both on
        // the cores at once while nothing else here needs them.
        let quality = ParallelSlots<BreachMetrics>(count: 1), diagnosed = ParallelSlots<SupportDiagnostics>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                quality[0] = BreachMetrics.evaluate(p, resolvedRows.map { y[$0] }, priority: resolvedRows.map { policy.priorityCode[$0] },
                                                    priorityLabels: policy.labels)
            } else {
                diagnosed[0] = SupportDiagnostics(tickets: tickets, features: features, labels: labels, cost: policy.cost,
                                                  priorityCode: policy.priorityCode)
            }
        }
        guard let overall = quality[0], let diagnostics = diagnosed[0] else {
            throw LearningFailure(message: "the breach model's quality and the diagnostics did not finish")
        }
        // An open ticket with no target (no policy covers it) cannot breach: counted, not queued.
        var openRows: [Int] = [], unclocked = 0
        for i in tickets.indices {
            var isClocked = false
            for k in clocked.indices where clocked[k][i] != nil { isClocked = true; break }
            if !isClocked { unclocked += 1 } else if !tickets[i].isResolved { openRows.append(i) }  // resolved implies a resolution time
        }
        // Per metric: its own model when several are clocked (one metric: the ticket's).
        var models: [MetricModel] = []
        for (k, m) in metrics.enumerated() {
            // One metric clocks every labelled row: the same rows, shared rather than copied.
            let rows = metrics.count == 1 ? resolvedRows : resolvedRows.filter { clocked[k][$0] != nil }
            var my = [UInt8](repeating: 0, count: tickets.count)
            for i in rows where clocked[k][i]?.breached == true { my[i] = 1 }
            let scores = metrics.count == 1 ? oof
                : try OutOfFoldScoring.score(features, labels: my, rows: rows, folds: options.folds,
                                             trainer: try trainer.prepared(for: features, rows: rows), seed: options.seed,
                                             threads: options.threads)
            let update = ElapsedTimeUpdate(priorityCodes: policy.priorityCode, levels: policy.labels.count, rows: rows,
                                           elapsed: rows.map { clocked[k][$0]?.elapsed ?? 0 }, labels: rows.map { my[$0] })
            // One metric: its rows, labels and scores are the ticket's own, so its quality is
            // the overall one without the per-priority tables (not evaluated twice).
            let quality = metrics.count == 1 ? { var q = overall; q.byPriority = []; return q }()
                : BreachMetrics.evaluate(scores.probabilities, rows.map { my[$0] })
            models.append(MetricModel(metric: m, rows: rows, breaches: rows.reduce(0) { $0 + Int(my[$1]) },
                                      metrics: quality,
                                      scorer: FoldAverageScorer(scores.scorers), update: update))
        }
        // Open tickets: the fold models' average, the models the reported quality describes;
        // each is ranked on the metric most at risk among those still running.
        let foldAverage = FoldAverageScorer(oof.scorers)
        let pArrival = try foldAverage.probabilities(features, rows: openRows)
        let perMetricArrival = try models.map { metrics.count == 1 ? pArrival : try $0.scorer.probabilities(features, rows: openRows) }
        var states: [SLAState] = [], pOpen: [Double] = [], openMetric: [SLAMetric] = []
        for (o, i) in openRows.enumerated() {
            var best: (p: Double, state: SLAState, metric: SLAMetric)?
            for (k, model) in models.enumerated() {
                guard let st = clocked[k][i], Self.running(model.metric, tickets[i]) || metrics.count == 1 else { continue }
                let p = model.update.probability(atArrival: perMetricArrival[k][o], priority: policy.priorityCode[i], state: st)
                if best == nil || p > best!.p || (st.breached && !best!.state.breached) { best = (p, st, model.metric) }
            }
            let b = best ?? (pArrival[o], SLAState(elapsed: 0, target: 0, paused: false), primary)
            states.append(b.state); pOpen.append(b.p); openMetric.append(b.metric)
        }

        self.tickets = tickets
        self.policy = policy
        self.modelName = trainer.name
        self.now = now
        self.labels = labels
        self.features = features
        self.excludedExtras = extras?.excluded ?? []
        self.resolvedRows = resolvedRows
        self.outOfFold = oof
        self.metrics = overall
        self.metricModels = models
        self.unclocked = unclocked
        let queue = try EscalationQueue(tickets: tickets, rows: openRows, probabilityAtArrival: pArrival,
                                         probability: pOpen, states: states, now: now,
                                         clock: clock, features: features, scorer: foldAverage)
        var metricOf: [Int: SLAMetric] = [:]
        for (o, i) in openRows.enumerated() { metricOf[i] = openMetric[o] }
        self.queue = EscalationQueue(queue, metricOf: metricOf, clock: clock, now: now)
        self.backtest = history.backtest
        self.backtestProbabilityOnly = history.backtestProbabilityOnly
        self.expectedHistory = history.expectedHistory
        // An open ticket already past its target cannot be saved: it is worth nothing here.
        let savable = openRows.indices.map { states[$0].breached ? 0.0 : pOpen[$0] }
        let openCost = openRows.indices.map { savable[$0] * policy.cost[Int(policy.priorityCode[openRows[$0]])] }
        self.openExpectation = CapacityTable(day: [Int](repeating: 0, count: openRows.count), score: openCost,
                                             cost: openCost, breach: savable)
        self.diagnostics = diagnostics
    }

    /// Whether `metric` still runs on an open ticket (a first reply stops once answered).
    package static func running(_ metric: SLAMetric, _ t: Ticket) -> Bool {
        metric == .resolution || t.firstResponseAt == nil
    }

    /// The capacity slider: backtest, the probability-only comparison and the expectation on
    /// today's open queue, at `n` escalations per day. O(days); no model is touched.
    public func capacity(_ n: Int, effectiveness: Double? = nil, interventionCost: Double? = nil) -> CapacityView {
        let e = effectiveness ?? policy.policy.effectiveness
        let c = interventionCost ?? policy.policy.interventionCost
        return CapacityView(
            effectiveness: e, interventionCost: c,
            backtest: backtest.outcome(capacity: n, effectiveness: e, interventionCost: c),
            probabilityOnly: backtestProbabilityOnly.outcome(capacity: n, effectiveness: e, interventionCost: c),
            openQueue: openExpectation.outcome(capacity: n, effectiveness: e, interventionCost: c))
    }

    /// Where the expected marginal saving of one more daily escalation falls below its cost.
    public func suggestedCapacity(effectiveness: Double? = nil, interventionCost: Double? = nil) -> Int {
        expectedHistory.suggestedCapacity(effectiveness: effectiveness ?? policy.policy.effectiveness,
                                          interventionCost: interventionCost ?? policy.policy.interventionCost)
    }
}

/// One clocked metric's breach model: what it learnt from and how well it ranks.
public struct MetricModel: Sendable {
    public let metric: SLAMetric
    /// Resolved tickets with a target for this metric.
    public let rows: [Int]
    public let breaches: Int
    public let metrics: BreachMetrics
    package let scorer: FoldAverageScorer
    package let update: ElapsedTimeUpdate
}

/// One position of the capacity slider.
public struct CapacityView: Sendable, Equatable {
    /// The assumptions behind the figures, for the screen to show beside them.
    public var effectiveness: Double
    public var interventionCost: Double
    /// Resolved history, expected-loss ranking, truth-valued.
    public var backtest: CapacityOutcome
    /// Resolved history, probability ranking (the prototype's), truth-valued.
    public var probabilityOnly: CapacityOutcome
    /// Today's open queue, expectation-valued.
    public var openQueue: CapacityOutcome
}
