import Engine
import Testing
@testable import TUI

/// The economics under the SLA sliders: each number with its source, the two rankings at the
/// chosen capacity, and the senior roster, all the engine's figures.
@Suite struct SLAScreenEconomicsTests {
    let keys = KeyMap.standard

    private func snapshot() throws -> SupportSnapshot {
        let a = try #require(SLAScreenFixture.analysis)
        return try #require(try SupportSnapshot.load(SupportSnapshot.artifacts(from: a)))
    }

    private func screen(_ s: AppState) throws -> SLAScreen { try #require(s.screen as? SLAScreen) }

    private func lines(_ s: AppState) -> String { SLAScreenFixture.render(s).text() }

    @Test func defaultsAreShownWithWhereTheyCameFrom() throws {
        let s = SLAScreenFixture.app(SLAScreen(snapshot: try snapshot()))
        let text = lines(s)
        #expect(text.contains("Escalation 20 min × 45/h = 15.00 (default) · prevents 60 % of breaches (default)"))
        #expect(text.contains("roster 80 % within 30 min (default)"))
        let narrow = lines(SLAScreenFixture.app(SLAScreen(snapshot: try snapshot()), width: 80, height: 24))
        #expect(narrow.contains("Escal. 20m×45/h=15.00 default · effect 60% default"))
    }

    @Test func aConfiguredPolicyNamesItsLines() throws {
        let tickets = TicketGenerator(seed: 3, days: 20).generate(count: 600)
        let policy = try SLAPolicy.parse("escalation.minutes = 30\n# rate\nescalation.hourly_rate = 50\nescalation.effect = 0.5\n",
                                         file: "/home/ana/.config/opsdeck/sla.conf")
        let a = try SupportAnalysis.build(tickets: tickets, policy: policy, options: .init(folds: 3, seed: 1))
        let text = lines(SLAScreenFixture.app(SLAScreen(snapshot: SupportSnapshot(a))))
        #expect(text.contains("30 min × 50/h = 25.00 (sla.conf:1+3) · prevents 50 % of breaches (sla.conf:4)"))
    }

    @Test func bothRankingsAndTheRosterFollowTheCapacity() throws {
        let snap = try snapshot()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        _ = s.handle(keys.key(for: .enterValue, in: .slider))
        for c in "12" { _ = s.handle(.char(c)) }
        _ = s.handle(keys.key(for: .confirm, in: .textEntry))
        let sc = try screen(s)
        #expect(Int(sc.capacity.value) == 12)
        let expected = RankingComparison(snap.rows).at(capacity: 12, effectiveness: 0.6, interventionCost: 15)
        #expect(sc.comparison == expected)
        #expect(sc.roster == snap.roster(capacity: 12))
        let text = lines(s)
        #expect(text.contains("Ranking at 12/day: expected loss nets " + SLAFormat.money(sc.view.backtest.netSavings)
                              + " vs probability only " + SLAFormat.money(sc.view.probabilityOnly.netSavings)))
        #expect(text.contains("today's top \(expected.capacity): \(expected.differing) differ"))
        #expect(text.contains("peak \(sc.roster.peak) · "))
        // One more a day: the comparison and the roster move with it.
        _ = s.handle(keys.key(for: .increase, in: .slider))
        let up = try screen(s)
        #expect(up.comparison == RankingComparison(snap.rows).at(capacity: 13, effectiveness: 0.6, interventionCost: 15))
        #expect(up.roster.escalationsPerDay == snap.escalationsPerDay(capacity: 13))
        #expect(up.roster.escalationsPerDay >= sc.roster.escalationsPerDay)
    }

    @Test func theDetailSaysWhereEachRankingPutsTheTicket() throws {
        let snap = try snapshot()
        let r = RankingComparison(snap.rows)
        // The first row the probability-only order leaves beyond the capacity.
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        let n = Int(try screen(s).capacity.value)
        let row = try #require((0..<n).first { r.probabilityRank(ofRow: $0) >= n })
        for _ in 0..<row { _ = s.handle(keys.key(for: .moveDown, in: .table)) }
        _ = s.handle(keys.key(for: .open, in: .table))
        #expect(lines(s).contains("#\(row + 1) by expected loss, #\(r.probabilityRank(ofRow: row) + 1) by probability alone; "
                                  + "at \(n)/day only the expected-loss ranking escalates it"))
    }

    @Test func aMovedCostSliderShowsBothTheSlidersAndTheConfigsFigure() throws {
        var s = SLAScreenFixture.app(SLAScreen(snapshot: try snapshot()))
        _ = s.handle(keys.key(for: .custom("edit-cost"), in: .screen(.sla)))
        for c in "25" { _ = s.handle(.char(c)) }
        _ = s.handle(keys.key(for: .confirm, in: .textEntry))
        let text = lines(s)
        #expect(text.contains("Escalation 25.00 on the slider (config 20 min × 45/h = 15.00, default)"))
        let sc = try screen(s)
        #expect(sc.comparison == RankingComparison(sc.snapshot.rows).at(capacity: Int(sc.capacity.value), effectiveness: 0.6,
                                                                          interventionCost: 25))
    }
}
