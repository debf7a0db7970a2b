import Testing
import Core
import Synthetic
import Support

/// The running clock over a seeded run's saved snapshot and curves.
@Suite struct SLALiveClockTests {
    static let analysis: SupportAnalysis? = {
        let tickets = TicketGenerator(seed: 5, days: 40).generate(count: 2000)
        return try? SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 7))
    }()

    private func saved() throws -> (SupportSnapshot, SLAClockCurves) {
        let a = try #require(Self.analysis)
        let artifacts = SupportSnapshot.artifacts(from: a)
        let snap = try #require(try SupportSnapshot.load(artifacts))
        let curves = try #require(try SLAClockCurves.load(artifacts))
        return (snap, curves)
    }

    @Test func curvesRoundTripAndDamagedBytesAreAnError() throws {
        let a = try #require(Self.analysis)
        let curves = SLAClockCurves(a)
        #expect(try SLAClockCurves.decode(curves.encoded()) == curves)
        #expect(curves.durations[SLAMetric.resolution.code]?.isEmpty == false)
        var bytes = curves.encoded()
        bytes[0] = 0
        #expect(throws: SupportSnapshotError.self) { try SLAClockCurves.decode(bytes) }
        #expect(throws: SupportSnapshotError.self) { try SLAClockCurves.decode(Array(curves.encoded().prefix(20))) }
    }

    @Test func atTheRunsInstantTheRunsQueueComesBack() throws {
        let (snap, curves) = try saved()
        let tick = SLALiveClock(snap, curves: curves).tick(at: snap.now)
        #expect(tick.snapshot.rows == snap.rows)
        #expect(tick.breachedAt.isEmpty)
        #expect(tick.snapshot.capacity(10) == snap.capacity(10))
    }

    @Test func aTicketPassingItsTargetIsBreachedAtItsDeadline() throws {
        let (snap, curves) = try saved()
        let clock = SLALiveClock(snap, curves: curves)
        let soonest = try #require(snap.rows.filter { !$0.state.paused && !$0.state.breached && $0.deadline != nil }
            .min { $0.deadline! < $1.deadline! })
        let deadline = try #require(soonest.deadline)
        let before = clock.tick(at: deadline)
        let row0 = try #require(before.snapshot.rows.first { $0.id == soonest.id })
        #expect(!row0.state.breached && before.breachedAt[soonest.id] == nil)
        let after = clock.tick(at: deadline + 60)
        let row = try #require(after.snapshot.rows.first { $0.id == soonest.id })
        #expect(row.state.breached)
        #expect(after.breachedAt[soonest.id] == deadline)
        #expect(row.probability == 1)
        #expect(row.expectedLoss == -snap.policy.interventionCost)
        // Rows breached before the run are not "breached while the clock ran".
        for r in snap.rows where r.state.breached { #expect(after.breachedAt[r.id] == nil) }
    }

    @Test func probabilityRisesWithTimeOpenAndTheQueueIsReRanked() throws {
        let (snap, curves) = try saved()
        let clock = SLALiveClock(snap, curves: curves)
        #expect(clock.rescores)
        let later = clock.tick(at: snap.now + 3600).snapshot
        let byId = Dictionary(uniqueKeysWithValues: later.rows.map { ($0.id, $0) })
        var rose = 0
        for r in snap.rows where !r.state.paused && !r.state.breached {
            let l = try #require(byId[r.id])
            #expect(l.probability >= r.probability - 1e-9, "\(r.id): \(r.probability) → \(l.probability)")
            #expect(l.state.elapsed > r.state.elapsed || l.state.breached)
            if l.probability > r.probability + 1e-6 { rose += 1 }
        }
        #expect(rose > 0)
        // Paused tickets' clocks stand.
        for r in snap.rows where r.state.paused { #expect(byId[r.id]?.state == r.state) }
        // Ranked by expected loss, highest first.
        #expect(zip(later.rows, later.rows.dropFirst()).allSatisfy { $0.expectedLoss >= $1.expectedLoss })
        #expect(later.now == snap.now + 3600)
        // Today's KPIs follow the re-clocked queue.
        #expect(later.capacity(20).openQueue != snap.capacity(20).openQueue)
    }

    @Test func withoutCurvesPStaysUntilTheTarget() throws {
        let (snap, _) = try saved()
        let clock = SLALiveClock(snap, curves: nil)
        #expect(!clock.rescores)
        let later = clock.tick(at: snap.now + 600).snapshot
        let byId = Dictionary(uniqueKeysWithValues: later.rows.map { ($0.id, $0) })
        for r in snap.rows where !(byId[r.id]?.state.breached ?? true) { #expect(byId[r.id]?.probability == r.probability) }
    }

    @Test func fixedTimeSourceMovesOnlyWhenTold() {
        let t = FixedTimeSource(1_000)
        #expect(t.now() == 1_000)
        t.advance(by: 60)
        #expect(t.now() == 1_060)
        t.set(5)
        #expect(t.now() == 5)
        #expect(OffsetTimeSource(offset: -100).now() <= WallClock.now() - 100)
    }
}

@Suite struct SLALiveClockInPlaceTests {
    /// Ticking in place minute by minute gives what one tick from the run gives.
    @Test func advancingInPlaceEqualsATickFromTheRun() throws {
        let a = try #require(SLALiveClockTests.analysis)
        let artifacts = SupportSnapshot.artifacts(from: a)
        let snap = try #require(try SupportSnapshot.load(artifacts))
        let clock = SLALiveClock(snap, curves: try SLAClockCurves.load(artifacts))
        var queue = snap, order = Array(snap.rows.indices)
        var seen: [String: Int64] = [:]
        for k in 1...240 { seen.merge(clock.advance(&queue, order: &order, to: snap.now + Int64(k) * 300)) { x, _ in x } }
        let direct = clock.tick(at: snap.now + 240 * 300)
        #expect(queue.rows == direct.snapshot.rows)
        #expect(queue.now == direct.snapshot.now)
        #expect(queue.capacity(15) == direct.snapshot.capacity(15))
        #expect(seen == direct.breachedAt)
        #expect(order.map { snap.rows[$0].id } == queue.rows.map(\.id))
    }
}
