import Testing
import Synthetic
import Support

@Suite struct SupportSnapshotTests {
    private static func analysis() throws -> SupportAnalysis {
        let tickets = TicketGenerator(seed: 5, days: 40).generate(count: 2000)
        return try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 7))
    }

    @Test func roundTripKeepsTheQueueAndEverySliderPosition() throws {
        let a = try Self.analysis()
        let loaded = try #require(try SupportSnapshot.load(SupportSnapshot.artifacts(from: a)))
        #expect(loaded.rows == SupportSnapshot(a).rows)
        #expect(loaded.rows.map(\.id) == a.queue.entries.map(\.id))
        #expect(loaded.rows.first?.reasons == a.queue.entries.first?.reasons)
        for n in [0, 1, 3, 10, 40, a.backtest.maxPerDay + 5] {
            #expect(loaded.capacity(n) == a.capacity(n))
            #expect(loaded.capacity(n, effectiveness: 0.6, interventionCost: 7.5)
                    == a.capacity(n, effectiveness: 0.6, interventionCost: 7.5))
        }
        #expect(loaded.suggestedCapacity() == a.suggestedCapacity())
        #expect(loaded.suggestedCapacity(effectiveness: 0.5, interventionCost: 20)
                == a.suggestedCapacity(effectiveness: 0.5, interventionCost: 20))
        #expect(loaded.heatmapRate == a.diagnostics.heatmapRate)
        #expect(loaded.quality.auc == a.metrics.auc)
        #expect(loaded.now == a.now && loaded.modelName == a.modelName)
        // The defaults: 20 min × 45/h and 60 % prevented, with where each came from.
        #expect(loaded.policy.interventionCost == 15 && loaded.policy.effectiveness == 0.6)
        #expect(loaded.policy.escalation == a.policy.policy.escalation)
        #expect(loaded.arrivalProfile == SupportSnapshot(a).arrivalProfile && loaded.arrivalProfile.total == a.tickets.count)
    }

    @Test func sameAnalysisSameBytes() throws {
        let a = try Self.analysis(), b = try Self.analysis()
        #expect(SupportSnapshot(a).encoded() == SupportSnapshot(b).encoded())
    }

    @Test func expectedLossFollowsTheQueueRule() throws {
        let s = SupportSnapshot(try Self.analysis())
        for r in s.rows.prefix(50) {
            #expect(abs(s.expectedLoss(r, effectiveness: 0.6, interventionCost: 15) - r.expectedLoss) < 1e-9)
        }
    }

    @Test func absentDamagedAndNewerSnapshotsAreToldApart() throws {
        #expect(try SupportSnapshot.load(["gates.csv": [1, 2]]) == nil)
        let bytes = SupportSnapshot(try Self.analysis()).encoded()
        #expect(throws: SupportSnapshotError.notASnapshot) { try SupportSnapshot.decode(Array("hello, world".utf8)) }
        var newer = bytes
        newer[8] = 99
        #expect(throws: SupportSnapshotError.unsupportedVersion(99)) { try SupportSnapshot.decode(newer) }
        #expect(throws: SupportSnapshotError.self) { try SupportSnapshot.decode(Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: SupportSnapshotError.self) { try SupportSnapshot.decode(bytes + [0]) }
    }
}
