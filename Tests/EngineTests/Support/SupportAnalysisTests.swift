import Testing
import OpsDeckTestSupport
import Synthetic
import Support

@Suite struct SupportAnalysisTests {
    private static func analysis() throws -> SupportAnalysis {
        let tickets = TicketGenerator(seed: 3, days: 60).generate(count: 3000)
        return try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 4, seed: 7))
    }

    @Test func baselineLearnsSomethingAndIsCalibratedOutOfFold() throws {
        let a = try Self.analysis()
        #expect(a.resolvedRows.count + a.queue.entries.count == a.tickets.count)
        #expect(a.metrics.auc > 0.6)
        #expect(a.metrics.ece < 0.1)
        #expect(a.outOfFold.probabilities.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func queueIsRankedByExpectedLossWithReasons() throws {
        let a = try Self.analysis()
        let q = a.queue.entries
        #expect(!q.isEmpty)
        for k in 1..<q.count { #expect(q[k - 1].expectedLoss >= q[k].expectedLoss) }
        let eff = a.policy.policy.effectiveness, ic = a.policy.policy.interventionCost
        for e in q.prefix(20) where !e.state.breached {
            #expect(abs(e.expectedLoss - (e.probability * e.breachCost * eff - ic)) < 1e-9)
        }
        #expect(q.prefix(10).allSatisfy { !$0.reasons.isEmpty && $0.reasons.allSatisfy { $0.weight > 0 } })
    }

    @Test func capacityViewReadsThePrecomputedTables() throws {
        let a = try Self.analysis()
        let v = a.capacity(5)
        #expect(v.backtest == a.backtest.outcome(capacity: 5, effectiveness: 0.6, interventionCost: 15))
        #expect(v.backtest.reviews == v.probabilityOnly.reviews)
        #expect(v.openQueue.reviews == min(5, a.queue.entries.count))
        let s = a.suggestedCapacity()
        let curve = a.expectedHistory.curve(effectiveness: 0.6, interventionCost: 15)
        #expect(curve.allSatisfy { $0.netSavings <= curve[s].netSavings })
    }
}

@Suite struct SupportAnalysisEdgeTests {
    @Test func emptyAndAllOpenDataGiveEmptyButValidAnalyses() throws {
        let empty = try SupportAnalysis.build(tickets: [], policy: SLAPolicy())
        #expect(empty.queue.entries.isEmpty)
        #expect(empty.capacity(10).backtest.reviews == 0)
        #expect(empty.suggestedCapacity() == 0)
        let open = (0..<5).map { SupportFixtures.ticket("\($0)", .high, created: "2026-11-0\($0 + 1) 10:00") }
        let a = try SupportAnalysis.build(tickets: open, policy: SLAPolicy())
        #expect(a.queue.entries.count == 5)
        #expect(a.resolvedRows.isEmpty)
        #expect(a.capacity(2).openQueue.reviews == 2)
    }
}
