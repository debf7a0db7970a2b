import ArgumentParser

import Engine

/// `opsdeck bench sla-replay`: pricing a proposed SLA policy (two metrics, three policies
/// matched in order, a zoned calendar with holidays, pauses) against today's on a year of
/// history, timed against a full analysis under the proposed policy in the same sitting.
struct BenchSLAReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla-replay",
        abstract: "SLA policy replay time on a year of tickets, against one full analysis.")

    @Option(help: "Synthetic tickets to generate.") var tickets = 1_000_000
    @Option(help: "Days the tickets span.") var days = 365
    @Option(help: "Seed for tickets and folds.") var seed: UInt64 = 42

    static let proposed = """
    cost.Critical = 500
    cost.High = 200
    cost.Medium = 50
    cost.Low = 10
    capacity = 40
    pause.statuses = waiting, hold

    [calendar office]
    timezone = Europe/Madrid
    weekdays = Mon-Fri
    hours = 08:00-20:00
    holidays = 2026-01-01, 2026-01-06, 2026-04-03, 2026-05-01, 2026-12-25

    [policy vip-phone]
    if.channel = Phone
    if.priority = Critical, High
    first_reply.Critical = 0.25
    first_reply.High = 1
    resolution.Critical = 3
    resolution.High = 6

    [policy email]
    if.channel = Email
    calendar = office
    first_reply.Critical = 1
    first_reply.High = 4
    first_reply.Medium = 8
    resolution.Critical = 6
    resolution.High = 12
    resolution.Medium = 36
    resolution.Low = 96

    [policy rest]
    first_reply.Critical = 0.5
    first_reply.High = 2
    first_reply.Medium = 8
    first_reply.Low = 24
    resolution.Critical = 4
    resolution.High = 8
    resolution.Medium = 24
    resolution.Low = 72
    """

    func validate() throws {
        guard tickets >= 1000 else { throw ValidationError("--tickets must be at least 1000") }
        guard days >= 7 else { throw ValidationError("--days must be at least 7") }
    }

    /// Where a replay's time goes, one policy (the proposed), each step alone.
    func phases(_ data: [Ticket], _ policy: SLAPolicy, _ options: SupportAnalysis.Options) throws {
        var t0 = ContinuousClock.now
        let r = try policy.resolved(for: data)
        let resolve = seconds(since: t0)
        t0 = ContinuousClock.now
        let clock = SLAClock(policy: r)
        let labels = SLAMetric.allCases.map { breachLabels(data, clock: clock, metric: $0) }
        let clocked = seconds(since: t0)
        let any = data.indices.map { i in labels.contains { $0[i] == 1 } ? UInt8(1) : labels.contains { $0[i] == 0 } ? UInt8(0) : nil }
        t0 = ContinuousClock.now
        let f = SupportFeatures(tickets: data, labels: any, priorityCodes: r.priorityCode, priorityLabels: r.labels)
        let featured = seconds(since: t0)
        let rows = data.indices.filter { any[$0] != nil }
        t0 = ContinuousClock.now
        _ = try OutOfFoldScoring.score(f, labels: any.map { $0 ?? 0 }, rows: rows, folds: options.folds,
                                       trainer: NaiveBayesBreachTrainer(), seed: options.seed)
        let fitted = seconds(since: t0)
        print("one policy, step by step: resolve and match \(fixedDecimal(resolve, 3)) s · clock two metrics "
              + "\(fixedDecimal(clocked, 3)) s · features \(fixedDecimal(featured, 3)) s · \(options.folds)-fold OOF "
              + "\(fixedDecimal(fitted, 3)) s")
    }

    func run() throws {
        let data = TicketGenerator(seed: seed, days: days).generate(count: tickets)
        let proposed = try SLAPolicy.parse(Self.proposed, file: "bench proposed policy")
        let options = SupportAnalysis.Options(folds: 3, seed: seed)
        var t0 = ContinuousClock.now
        let replay = try PolicyReplay.run(tickets: data, current: SLAPolicy(), proposed: proposed, options: options)
        let replayed = seconds(since: t0)
        // Reference: the full analysis (queue, reasons, per-metric models, diagnostics) under
        // the proposed policy alone, what a replay would cost without its own path.
        t0 = ContinuousClock.now
        let full = try SupportAnalysis.build(tickets: data, policy: proposed, options: options)
        let analysed = seconds(since: t0)
        let resolved = replay.proposed.resolved
        print("tickets \(data.count) over \(days) days, \(resolved) resolved; model: \(replay.modelName), 3 folds")
        print("replay, current and proposed policy: \(fixedDecimal(replayed, 2)) s (goal ≤ 2 s at 1 000 000 resolved)")
        print("reference, one full analysis under the proposed policy: \(fixedDecimal(analysed, 2)) s")
        print("ratio replay / full analysis: \(fixedDecimal(replayed / analysed, 3))")
        print("check: proposed net savings \(fixedDecimal(replay.proposed.escalation.netSavings, 0)) = full run's "
              + "\(fixedDecimal(full.capacity(replay.proposed.capacity).backtest.netSavings, 0))")
        try phases(data, proposed, options)
        print("")
        print(SLAReplayReport.rendered(replay, currentName: "defaults", proposedName: "proposed"))
    }
}
