import Testing
import OpsDeckTestSupport
import Synthetic
import Support

@Suite struct ElapsedTimeUpdateTests {
    @Test func bayesUpdateOnAHandMadeHistory() throws {
        typealias F = SupportFixtures
        // High tickets resolved on time after 1, 2, 3 and 4 hours, one breached after 9 h,
        // and a Low one that must not count for High.
        let tickets = (0..<6).map { k in
            F.ticket("\(k)", k == 5 ? .low : .high, created: "2026-11-02 00:00", resolved: "2026-11-02 10:00")
        }
        let h: Int64 = 3600
        // The demo desk's codes, least urgent first: Low 0 … Critical 3 (what `resolved(for:)` gives).
        func code(_ p: DemoPriority) -> UInt8 { UInt8(DemoDesk.priorities.firstIndex(of: p.rawValue)!) }
        let resolved = try SLAPolicy().resolved(for: tickets)
        #expect(resolved.code(of: "High") == 1 && resolved.code(of: "Low") == 0)  // only the two in the data
        let u = ElapsedTimeUpdate(priorityCodes: tickets.map { code(DemoPriority(rawValue: $0.priority)!) },
                                  levels: DemoDesk.priorities.count, rows: Array(0..<6),
                                  elapsed: [h, 2 * h, 3 * h, 4 * h, 9 * h, 30 * h], labels: [0, 0, 0, 0, 1, 0])
        func state(_ e: Int64) -> SLAState { SLAState(elapsed: e, target: 8 * h, paused: false) }
        #expect(u.stillOpenShare(priority: code(.high), elapsed: 0) == 1)
        #expect(u.stillOpenShare(priority: code(.high), elapsed: 2 * h + 1800) == 0.5)
        #expect(u.stillOpenShare(priority: code(.critical), elapsed: 5 * h) == 1)  // no history: no update
        #expect(u.probability(atArrival: 0.2, priority: code(.high), state: state(0)) == 0.2)
        // 0.2 / (0.2 + 0.8 × 0.5) = 1/3.
        #expect(abs(u.probability(atArrival: 0.2, priority: code(.high), state: state(2 * h + 1800)) - 1.0 / 3) < 1e-12)
        #expect(u.probability(atArrival: 0.2, priority: code(.high), state: state(4 * h)) == 1)
        #expect(u.probability(atArrival: 0.2, priority: code(.high), state: state(8 * h + 1)) == 1)
    }
}
