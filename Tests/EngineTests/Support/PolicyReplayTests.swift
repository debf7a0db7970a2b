import Testing
import Core
import Synthetic
import Support

/// A replay prices a policy exactly as a full run under it would report it.
@Suite struct PolicyReplayTests {
    static let proposed = """
    cost.Critical = 500
    cost.High = 200
    cost.Medium = 50
    cost.Low = 10
    capacity = 6
    pause.statuses = waiting, hold

    [calendar office]
    timezone = +01:00
    weekdays = Mon-Fri
    hours = 08:00-20:00
    holidays = 2026-12-25

    [policy email]
    if.channel = Email
    calendar = office
    first_reply.Critical = 1
    first_reply.High = 4
    resolution.Critical = 6
    resolution.High = 12
    resolution.Medium = 36
    resolution.Low = 96

    [policy rest]
    first_reply.Critical = 0.5
    first_reply.High = 2
    first_reply.Medium = 8
    resolution.Critical = 4
    resolution.High = 8
    resolution.Medium = 24
    resolution.Low = 72
    """

    @Test func replayEqualsAFullRunUnderEachPolicy() throws {
        let tickets = TicketGenerator(seed: 5, days: 45).generate(count: 1500)
        let proposed = try SLAPolicy.parse(Self.proposed, file: "proposed.conf")
        let options = SupportAnalysis.Options(folds: 3, seed: 11)
        let replay = try PolicyReplay.run(tickets: tickets, current: SLAPolicy(), proposed: proposed, options: options)
        for (policy, column) in [(SLAPolicy(), replay.current), (proposed, replay.proposed)] {
            let full = try SupportAnalysis.build(tickets: tickets, policy: policy, options: options)
            let capacity = policy.capacity ?? full.suggestedCapacity()
            #expect(column.capacity == capacity)
            #expect(column.escalation == full.capacity(capacity).backtest)
            #expect(column.breaches == full.diagnostics.breaches)
            #expect(column.breachCost == full.diagnostics.breachCost)
            #expect(column.clocked == full.resolvedRows.count)
            #expect(column.metrics.map(\.metric) == full.metricModels.map(\.metric))
            #expect(column.metrics.map(\.breaches) == full.metricModels.map(\.breaches))
        }
        // The proposal clocks both metrics; today's policy the resolution only.
        #expect(replay.current.metrics.map(\.metric) == [.resolution])
        #expect(replay.proposed.metrics.map(\.metric) == [.firstReply, .resolution])
        #expect(!replay.proposed.capacitySuggested && replay.proposed.capacity == 6)
        #expect(replay.current.capacitySuggested)
        // Low tickets outside email have no first-reply target: fewer first replies clocked.
        let firstReply = try #require(replay.proposed.metrics.first)
        #expect(firstReply.clocked < replay.proposed.clocked && firstReply.breaches > 0)
    }

    /// A queue under a two-metric policy names the metric each ticket is ranked on: an
    /// unanswered ticket past its first-reply target (30 min, 3 h ago) is ranked on its
    /// first reply, already breached, though its resolution (4 h) is still within target.
    @Test func queueNamesTheMetricAtRisk() throws {
        var tickets = TicketGenerator(seed: 5, days: 45).generate(count: 1500)
        let now = tickets.reduce(Int64.min) { max($0, $1.resolvedAt ?? $1.createdAt) }
        tickets.append(Ticket(id: "UNANSWERED", createdAt: now - 3 * 3600, priority: "Critical", channel: "Phone",
                              type: "Technical issue", product: "POS", status: "Open", state: .open))
        let proposed = try SLAPolicy.parse(Self.proposed, file: "proposed.conf")
        let a = try SupportAnalysis.build(tickets: tickets, policy: proposed, options: .init(folds: 3, seed: 11, now: now))
        #expect(a.metricModels.map(\.metric) == [.firstReply, .resolution])
        let e = try #require(a.queue.entries.first { $0.id == "UNANSWERED" })
        #expect(e.metric == .firstReply && e.state.breached && e.state.target == 1800 && e.state.elapsed == 3 * 3600)
        for e in a.queue.entries where e.metric == .firstReply { #expect(a.tickets[e.index].firstResponseAt == nil) }
        let plain = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 11, now: now))
        #expect(plain.queue.entries.allSatisfy { $0.metric == .resolution })
    }
}
