import Testing
import Core
import Support

@Suite struct RankingComparisonTests {
    private func row(_ p: Double, cost: Double, breached: Bool = false) -> SupportSnapshot.QueueRow {
        SupportSnapshot.QueueRow(id: "t", priority: "High", priorityCode: 0, channel: "Email", type: "x", product: "y",
                                 status: "Open", ticketState: .open, customerKey: nil, subject: nil, createdAt: 0,
                                 firstResponseAt: nil, probabilityAtArrival: p, probability: p, breachCost: cost,
                                 expectedLoss: breached ? 0 : p * cost, state: SLAState(elapsed: breached ? 10 : 0, target: 5, paused: false),
                                 deadline: nil, reasons: [])
    }

    @Test func handWorkedQueue() {
        // Expected-loss order: 0.5×500=250, 0.9×200=180, 0.3×200=60, 0.95×10=9.5; a breached 0.99 last.
        let rows = [row(0.5, cost: 500), row(0.9, cost: 200), row(0.3, cost: 200), row(0.95, cost: 10),
                    row(0.99, cost: 500, breached: true)]
        let r = RankingComparison(rows)
        // Probability order: breached 0.99, 0.95, 0.9, 0.5, 0.3.
        let two = r.at(capacity: 2, effectiveness: 0.6, interventionCost: 15)
        #expect(two.differing == 2)  // {250, 180} against {breached, 9.5}
        #expect(r.at(capacity: 3, effectiveness: 0.6, interventionCost: 15).differing == 2)  // 180 is in both
        #expect(abs(two.expectedLoss - ((250 + 180) * 0.6 - 30)) < 1e-9)
        #expect(abs(two.probabilityOnly - ((0 + 9.5) * 0.6 - 30)) < 1e-9)
        let all = r.at(capacity: 9, effectiveness: 0.6, interventionCost: 15)
        #expect(all.capacity == 5 && all.differing == 0 && all.expectedLoss == all.probabilityOnly)
        #expect(r.at(capacity: 0, effectiveness: 1, interventionCost: 1) == .init(capacity: 0, expectedLoss: 0, probabilityOnly: 0, differing: 0))
    }

    @Test func expectedLossNeverLosesToProbabilityOnlyOnTheSameQueue() {
        var rng = SeededRNG(seed: 3)
        var rows = (0..<200).map { _ in row(rng.uniform(), cost: [5, 10, 50, 200, 500][rng.int(below: 5)], breached: rng.bernoulli(0.1)) }
        rows.sort { $0.expectedLoss > $1.expectedLoss }
        let r = RankingComparison(rows)
        for k in [1, 5, 20, 80, 200] {
            let x = r.at(capacity: k, effectiveness: 0.6, interventionCost: 15)
            #expect(x.expectedLoss >= x.probabilityOnly - 1e-9)
        }
    }
}
