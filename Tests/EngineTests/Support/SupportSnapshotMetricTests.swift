import Testing
import Core
import Synthetic
import Support

/// The snapshot keeps which metrics the policy clocks and the one each queued ticket is
/// ranked on, so the SLA screen can name it without a model.
@Suite struct SupportSnapshotMetricTests {
    @Test func metricsSurviveTheRoundTrip() throws {
        var tickets = TicketGenerator(seed: 5, days: 45).generate(count: 1200)
        let now = tickets.reduce(Int64.min) { max($0, $1.resolvedAt ?? $1.createdAt) }
        tickets.append(Ticket(id: "UNANSWERED", createdAt: now - 3 * 3600, priority: "Critical", channel: "Phone",
                              type: "Technical issue", product: "POS", status: "Open", state: .open))
        let policy = try SLAPolicy.parse(PolicyReplayTests.proposed, file: "proposed.conf")
        let a = try SupportAnalysis.build(tickets: tickets, policy: policy, options: .init(folds: 3, seed: 11, now: now))
        let s = SupportSnapshot(a)
        #expect(s.policy.metrics == [.firstReply, .resolution])
        let back = try SupportSnapshot.decode(s.encoded())
        #expect(back.policy == s.policy)
        #expect(back.rows == s.rows)
        #expect(back.rows.first { $0.id == "UNANSWERED" }?.metric == .firstReply)
        // Today's policy: one metric, every row on resolution.
        let plain = SupportSnapshot(try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 11, now: now)))
        #expect(plain.policy.metrics == [.resolution] && plain.rows.allSatisfy { $0.metric == .resolution })
    }
}
