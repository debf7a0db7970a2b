import Testing
import Synthetic
import Support

/// Snapshot version 4 (issue 21, item 6): the capacity tables' prefix sums coded by their
/// steps, rebuilt bit for bit, a fraction of the bytes; version 3 still opens.
@Suite struct SupportSnapshotCompactTests {
    private static func analysis() throws -> SupportAnalysis {
        let tickets = TicketGenerator(seed: 9, days: 60).generate(count: 6000)
        return try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 3))
    }

    private static func bits(_ t: CapacityTable) -> [[UInt64]] {
        [t.cost.map(\.bitPattern), t.breaches.map(\.bitPattern), t.rankCost.map(\.bitPattern), t.rankBreaches.map(\.bitPattern),
         t.days.map { UInt64(bitPattern: Int64($0)) }, t.start.map { UInt64(bitPattern: Int64($0)) },
         t.rankCount.map { UInt64(bitPattern: Int64($0)) }, [t.totalCost.bitPattern, t.totalBreaches.bitPattern]]
    }

    private static func tables(_ s: SupportSnapshot) -> [CapacityTable] {
        [s.backtest, s.backtestProbabilityOnly, s.expectedHistory, s.openExpectation]
    }

    @Test func codedTablesRebuildTheSameBitsInFewerBytes() throws {
        let a = try Self.analysis()
        let snapshot = SupportSnapshot(a)
        let v4 = snapshot.encoded(), v3 = snapshot.encoded(compactTables: false)
        let fromV4 = try SupportSnapshot.decode(v4), fromV3 = try SupportSnapshot.decode(v3)
        for (k, (original, (new, old))) in zip(Self.tables(snapshot), zip(Self.tables(fromV4), Self.tables(fromV3))).enumerated() {
            #expect(Self.bits(new) == Self.bits(original), "table \(k) from version 4")
            #expect(Self.bits(old) == Self.bits(original), "table \(k) from version 3")
        }
        #expect(fromV4.rows == fromV3.rows)
        // A backtest adds 0 or a priority's cost (0 or 1 breach): coded. An expectation adds
        // p × cost: kept plain.
        #expect(CapacityTable.coded(snapshot.backtest.cost, start: snapshot.backtest.start) != nil)
        #expect(CapacityTable.coded(snapshot.backtest.breaches, start: snapshot.backtest.start) != nil)
        #expect(CapacityTable.coded(snapshot.expectedHistory.cost, start: snapshot.expectedHistory.start) == nil)
        let resolved = snapshot.backtest.ticketCount
        #expect(resolved > 1000)
        // Two coded backtests save 15 of their 16 bytes per resolved ticket.
        #expect(v3.count - v4.count >= 2 * 14 * resolved, "v3 \(v3.count) bytes, v4 \(v4.count)")
        #expect(SupportSnapshot.version == 4)
    }

    @Test func aDamagedStepIndexIsRefused() throws {
        let days = [3, 4], start = [0, 3, 5]
        let sums: [Double] = [0, 10, 10, 0, 25]
        let (steps, codes) = try #require(CapacityTable.coded(sums, start: start))
        #expect(steps.count == 3 && codes == [0, 1, 2])
        var w = SupportSnapshotWriter()
        CapacityTable.writePrefix(sums, start: start, into: &w)
        var r = SupportSnapshotReader(w.bytes)
        #expect(try CapacityTable.readPrefix(&r, days: days, start: start) == sums)
        var damaged = w.bytes
        damaged[damaged.count - 1] = 7
        var bad = SupportSnapshotReader(damaged)
        #expect(throws: SupportSnapshotError.invalid("capacity table step beyond its 3 steps")) {
            try CapacityTable.readPrefix(&bad, days: days, start: start)
        }
        var short = SupportSnapshotReader(w.bytes)
        #expect(throws: SupportSnapshotError.self) { try CapacityTable.readPrefix(&short, days: [3], start: [0, 3]) }
    }
}
