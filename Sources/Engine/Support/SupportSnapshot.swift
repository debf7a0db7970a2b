import Core
/// What the SLA screen needs from a `SupportAnalysis`, and nothing more: the open queue with
/// its reasons and clock facts, the four capacity tables (per-day sorted prefix sums, so a
/// slider move stays O(days)), the priority × channel heatmap, model quality and the policy
/// numbers. Saved with a run (`artifacts(from:)`) so the screen opens without a model.
public struct SupportSnapshot: Sendable {
    /// One open ticket as the queue shows it, ranked by expected loss at the policy's numbers.
    public struct QueueRow: Sendable, Equatable {
        public var id: String
        public var priority: String
        /// Urgency rank: 0 the least urgent of the run's priorities.
        public var priorityCode: UInt8
        public var channel: String
        public var type: String
        public var product: String
        /// The desk's status label and what it means.
        public var status: String
        public var ticketState: TicketState
        public var customerKey: String?
        public var subject: String?
        public var createdAt: Int64
        public var firstResponseAt: Int64?
        public var probabilityAtArrival: Double
        public var probability: Double
        public var breachCost: Double
        public var expectedLoss: Double
        public var state: SLAState
        /// Wall-clock breach instant if nothing changes; nil while paused.
        public var deadline: Int64?
        public var reasons: [BreachReason]
        /// The SLA metric it is ranked on (the one most at risk).
        public var metric: SLAMetric = .resolution

        package init(id: String, priority: String, priorityCode: UInt8, channel: String, type: String, product: String, status: String, ticketState: TicketState, customerKey: String? = nil, subject: String? = nil, createdAt: Int64, firstResponseAt: Int64? = nil, probabilityAtArrival: Double, probability: Double, breachCost: Double, expectedLoss: Double, state: SLAState, deadline: Int64? = nil, reasons: [BreachReason], metric: SLAMetric = .resolution) {
            self.id = id; self.priority = priority; self.priorityCode = priorityCode; self.channel = channel; self.type = type; self.product = product; self.status = status; self.ticketState = ticketState; self.customerKey = customerKey; self.subject = subject; self.createdAt = createdAt; self.firstResponseAt = firstResponseAt; self.probabilityAtArrival = probabilityAtArrival; self.probability = probability; self.breachCost = breachCost; self.expectedLoss = expectedLoss; self.state = state; self.deadline = deadline; self.reasons = reasons; self.metric = metric
        }
    }

    /// The policy numbers the screen shows and the sliders start from.
    public struct PolicyNumbers: Sendable, Equatable {
        /// Per priority code (least urgent first): its label and target.
        public var priorities: [String]
        public var targetSeconds: [Int64]
        public var cost: [Double]
        public var interventionCost: Double
        public var effectiveness: Double
        /// The escalation's minutes, rate, effect and roster target, with where each came from.
        public var escalation = EscalationEconomics()
        /// The metrics the policy clocks (`SLAMetric` order).
        public var metrics: [SLAMetric] = [.resolution]
    }

    /// Out-of-fold quality of the breach model.
    public struct Quality: Sendable, Equatable {
        public var auc: Double
        public var averagePrecision: Double
        public var ece: Double
        public var count: Int
        public var positives: Int
    }

    public var modelName: String
    /// The instant the queue was clocked at.
    public var now: Int64
    public var policy: PolicyNumbers
    public var quality: Quality
    public var rows: [QueueRow]
    /// `heatmapRate[priority code][channel code]` over resolved tickets, with the counts and
    /// the labels of its rows (least urgent first) and columns.
    public var heatmapRate: [[Double]]
    public var heatmapCount: [[Int]]
    public var heatmapPriorities: [String]
    public var heatmapChannels: [String]
    public var resolvedTickets: Int
    public var breaches: Int
    public var breachCost: Double
    public var backtest: CapacityTable
    public var backtestProbabilityOnly: CapacityTable
    public var expectedHistory: CapacityTable
    public var openExpectation: CapacityTable
    /// When the desk's tickets arrive (quarter hours, desk time): spreads the roster's day.
    public var arrivalProfile = ArrivalProfile()

    public init(_ a: SupportAnalysis) {
        modelName = a.modelName
        now = a.now
        policy = PolicyNumbers(priorities: a.policy.labels, targetSeconds: a.policy.targetSeconds, cost: a.policy.cost,
                               interventionCost: a.policy.policy.interventionCost,
                               effectiveness: a.policy.policy.effectiveness, escalation: a.policy.policy.escalation,
                               metrics: a.metricModels.isEmpty ? [.resolution] : a.metricModels.map(\.metric))
        arrivalProfile = ArrivalProfile(tickets: a.tickets, zone: a.policy.policy.zone)
        quality = Quality(auc: a.metrics.auc, averagePrecision: a.metrics.averagePrecision, ece: a.metrics.ece,
                          count: a.metrics.count, positives: a.metrics.positives)
        rows = a.queue.entries.map { e in
            let t = a.tickets[e.index]
            return QueueRow(id: e.id, priority: e.priority, priorityCode: e.priorityCode, channel: e.channel, type: e.type,
                            product: t.product, status: t.status, ticketState: t.state, customerKey: t.customerKey, subject: t.subject, createdAt: t.createdAt,
                            firstResponseAt: t.firstResponseAt, probabilityAtArrival: e.probabilityAtArrival,
                            probability: e.probability, breachCost: e.breachCost, expectedLoss: e.expectedLoss,
                            state: e.state, deadline: e.deadline, reasons: e.reasons, metric: e.metric)
        }
        heatmapRate = a.diagnostics.heatmapRate
        heatmapCount = a.diagnostics.heatmapCount
        heatmapPriorities = a.diagnostics.heatmapPriorities
        heatmapChannels = a.diagnostics.heatmapChannels
        resolvedTickets = a.diagnostics.resolvedTickets
        breaches = a.diagnostics.breaches
        breachCost = a.diagnostics.breachCost
        backtest = a.backtest
        backtestProbabilityOnly = a.backtestProbabilityOnly
        expectedHistory = a.expectedHistory
        openExpectation = a.openExpectation
    }

    package init(modelName: String, now: Int64, policy: PolicyNumbers, quality: Quality, rows: [QueueRow],
         heatmapRate: [[Double]], heatmapCount: [[Int]], heatmapPriorities: [String], heatmapChannels: [String],
         resolvedTickets: Int, breaches: Int, breachCost: Double, tables: [CapacityTable]) {
        self.heatmapPriorities = heatmapPriorities; self.heatmapChannels = heatmapChannels
        self.modelName = modelName; self.now = now; self.policy = policy; self.quality = quality; self.rows = rows
        self.heatmapRate = heatmapRate; self.heatmapCount = heatmapCount
        self.resolvedTickets = resolvedTickets; self.breaches = breaches; self.breachCost = breachCost
        backtest = tables[0]; backtestProbabilityOnly = tables[1]; expectedHistory = tables[2]; openExpectation = tables[3]
    }

    /// The capacity slider, exactly as `SupportAnalysis.capacity` computes it: O(days).
    public func capacity(_ n: Int, effectiveness: Double? = nil, interventionCost: Double? = nil) -> CapacityView {
        let e = effectiveness ?? policy.effectiveness
        let c = interventionCost ?? policy.interventionCost
        return CapacityView(
            effectiveness: e, interventionCost: c,
            backtest: backtest.outcome(capacity: n, effectiveness: e, interventionCost: c),
            probabilityOnly: backtestProbabilityOnly.outcome(capacity: n, effectiveness: e, interventionCost: c),
            openQueue: openExpectation.outcome(capacity: n, effectiveness: e, interventionCost: c))
    }

    /// As `SupportAnalysis.suggestedCapacity`: O(largest day).
    public func suggestedCapacity(effectiveness: Double? = nil, interventionCost: Double? = nil) -> Int {
        expectedHistory.suggestedCapacity(effectiveness: effectiveness ?? policy.effectiveness,
                                          interventionCost: interventionCost ?? policy.interventionCost)
    }

    /// A row's expected loss at other effectiveness and intervention cost (the queue's own
    /// rule: a ticket already past its target cannot be saved). Order is unchanged for
    /// effectiveness > 0, so the ranking stays valid.
    public func expectedLoss(_ row: QueueRow, effectiveness: Double, interventionCost: Double) -> Double {
        (row.state.breached ? 0 : row.probability * row.breachCost * effectiveness) - interventionCost
    }
}
