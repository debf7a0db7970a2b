import Engine
import Testing
@testable import TUI

/// Screen 1 on a seeded analysis, driven through the app and the binding table.
@Suite struct SLAScreenTests {
    let keys = KeyMap.standard

    private func fixture() throws -> (SupportAnalysis, SupportSnapshot) {
        let a = try #require(SLAScreenFixture.analysis)
        let loaded = try #require(try SupportSnapshot.load(SupportSnapshot.artifacts(from: a)))
        return (a, loaded)
    }

    private func sla(_ s: AppState) throws -> SLAScreen { try #require(s.screen as? SLAScreen) }

    private func text(_ s: AppState) -> String { SLAScreenFixture.render(s).text() }

    @Test func golden80x24And160x48() throws {
        let (_, snap) = try fixture()
        assertGolden(text(SLAScreenFixture.app(SLAScreen(snapshot: snap), width: 80, height: 24)), named: "sla-80x24")
        assertGolden(text(SLAScreenFixture.app(SLAScreen(snapshot: snap))), named: "sla-160x48")
    }

    @Test func plusMovesCapacityAndNetSavingsIsTheEnginesFigure() throws {
        let (a, snap) = try fixture()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        let before = try sla(s)
        #expect(before.capacity.value == Double(a.suggestedCapacity()))
        // Away from the optimum, where one more escalation a day clearly pays.
        _ = s.handle(keys.key(for: .enterValue, in: .slider))
        for c in "10" { _ = s.handle(.char(c)) }
        _ = s.handle(keys.key(for: .confirm, in: .textEntry))
        let start = try sla(s)
        #expect(start.capacity.value == 10)
        _ = s.handle(keys.key(for: .increase, in: .slider))
        let after = try sla(s)
        let n = Int(start.capacity.value + start.capacity.step)
        #expect(Int(after.capacity.value) == n)
        let engine = a.capacity(n).backtest.netSavings
        #expect(after.view.backtest.netSavings == engine)
        #expect(after.view.openQueue == a.capacity(n).openQueue)
        let tiles = SLAScreenFixture.render(s).line(3) + SLAScreenFixture.render(s).line(4)
        #expect(tiles.contains(SLAFormat.money(engine)))
        #expect(SLAFormat.money(engine) != SLAFormat.money(a.capacity(n - 1).backtest.netSavings))
    }

    @Test func typedCostAndEffectivenessMoveTheSuggestionAndTheTiles() throws {
        let (a, snap) = try fixture()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        _ = s.handle(keys.key(for: .custom("edit-cost"), in: .screen(.sla)))
        for c in "25" { _ = s.handle(.char(c)) }
        _ = s.handle(keys.key(for: .confirm, in: .textEntry))
        var screen = try sla(s)
        #expect(screen.view.interventionCost == 25)
        #expect(screen.suggested == a.suggestedCapacity(interventionCost: 25))
        #expect(screen.capacity.marker == Double(screen.suggested))
        _ = s.handle(keys.key(for: .custom("edit-effectiveness"), in: .screen(.sla)))
        for c in "60" { _ = s.handle(.char(c)) }
        _ = s.handle(keys.key(for: .confirm, in: .textEntry))
        screen = try sla(s)
        let n = Int(screen.capacity.value)
        #expect(screen.view == a.capacity(n, effectiveness: 0.6, interventionCost: 25))
        #expect(screen.suggested == a.suggestedCapacity(effectiveness: 0.6, interventionCost: 25))
        // The expected-loss column follows: the top row is worth p × cost × 0.6 − 25.
        let top = try #require(screen.table.selectedRow)
        let row = snap.rows[top]
        #expect(screen.data.cell(top, SLAQueueTable.expectedLossColumn).text
                == SLAFormat.fixed1((row.state.breached ? 0 : row.probability * row.breachCost * 0.6) - 25))
    }

    @Test func escalationIsSavedAsADecisionAndShownInTheQueue() throws {
        let (_, snap) = try fixture()
        let store = try Store.inMemory()
        let escalate: SLAEscalate = { id in
            let d = try store.recordDecision(run: nil, user: "ana", action: "escalate", subject: id)
            return SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
        }
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap, escalate: escalate))
        _ = s.handle(keys.key(for: .moveDown, in: .table))
        _ = s.handle(keys.key(for: .custom("escalate"), in: .screen(.sla)))
        let id = snap.rows[1].id
        let decisions = try store.decisions(run: nil)
        #expect(decisions.map(\.subject) == [id])
        #expect(decisions.first?.user == "ana")
        #expect(try sla(s).data.cell(1, SLAQueueTable.flagColumn).text == "ESCALATED")
        #expect(s.screen.statusMessage?.contains("escalated by ana") == true)
        _ = s.handle(keys.key(for: .custom("escalate"), in: .screen(.sla)))
        #expect(try store.decisions(run: nil).count == 1, "a second e does not record twice")
        // Reopened with the stored decisions, the queue still shows it.
        let marks = decisions.map { SLAEscalation(ticket: $0.subject, at: $0.at, user: $0.user) }
        let reopened = SLAScreen(snapshot: snap, escalations: marks)
        #expect(reopened.data.cell(1, SLAQueueTable.flagColumn).text == "ESCALATED")
        // Without a store the key says why it is off.
        var bare = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        _ = bare.handle(keys.key(for: .custom("escalate"), in: .screen(.sla)))
        #expect(text(bare).contains("no store to save decisions in"))
    }

    @Test func enterOpensTheTicketDetailAndEscGoesBack() throws {
        let (_, snap) = try fixture()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        _ = s.handle(keys.key(for: .open, in: .table))
        let shown = text(s)
        #expect(try sla(s).detailRow == 0)
        #expect(shown.contains("SLA clock"))
        #expect(shown.contains("Ticket \(snap.rows[0].id)"))
        if let reason = snap.rows[0].reasons.first { #expect(shown.contains(reason.feature + " = " + reason.level)) }
        #expect(s.handle(.escape) == .none)
        #expect(try sla(s).detailRow == nil)
        // Enter opens the selected ticket from the slider's focus too.
        _ = s.handle(keys.key(for: .focusNext))
        _ = s.handle(keys.key(for: .open, in: .table))
        #expect(try sla(s).detailRow == 0)
        _ = s.handle(.escape)
        #expect(s.handle(.escape) == .quit)
    }

    @Test func helpListsEveryBindingOfTheTable() throws {
        let (_, snap) = try fixture()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap), width: 160, height: 48)
        _ = s.handle(keys.key(for: .help))
        let help = HelpModal.lines(keys).map(\.text).joined(separator: "\n")
        for b in keys.bindings {
            #expect(help.contains(b.description), "help misses \(b.label)")
        }
        #expect(help.contains(KeyScope.screen(.sla).title))
        #expect(text(s).contains("Keys"))
    }

    @Test func monoRendersTheScreenWithoutColour() throws {
        let (_, snap) = try fixture()
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        _ = s.handle(keys.key(for: .moveDown, in: .table))
        let canvas = SLAScreenFixture.render(s)
        let mono = Palette(theme: .mono, mode: .xterm256)
        let noColor = Palette(theme: Theme.fallback, mode: .mono)
        let coloured = canvas.cells.filter { mono.resolve($0.style).hasColor || noColor.resolve($0.style).hasColor }
        #expect(coloured.isEmpty)
        #expect(canvas.cells.contains { noColor.resolve($0.style).attributes.contains(.reverse) })
        #expect(canvas.cells.contains { Palette(theme: Theme.fallback, mode: .xterm256).resolve($0.style).hasColor })
    }

    @Test func asciiAndNarrowLayoutsKeepTheEssentials() throws {
        let (_, snap) = try fixture()
        let small = SLAScreenFixture.render(SLAScreenFixture.app(SLAScreen(snapshot: snap), width: 80, height: 24),
                                            glyphs: .ascii).text()
        #expect(small.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(small.contains("Net savings") && small.contains("Escalations/day") && small.contains(snap.rows[0].id))
        let big = text(SLAScreenFixture.app(SLAScreen(snapshot: snap), width: 200, height: 60))
        #expect(big.contains("Breach rate") && big.contains("Breach cost caught") && big.contains("Critical"))
        let tallNarrow = text(SLAScreenFixture.app(SLAScreen(snapshot: snap), width: 100, height: 50))
        #expect(tallNarrow.contains("Breach rate") && tallNarrow.contains("Breach cost caught"))
    }

    @Test func everySizeFromTheMinimumUpDrawsTheQueue() throws {
        let (_, snap) = try fixture()
        for (w, h) in [(60, 16), (61, 17), (79, 23), (100, 30), (119, 40), (120, 29), (200, 60), (240, 70)] {
            var s = SLAScreenFixture.app(SLAScreen(snapshot: snap), width: w, height: h)
            _ = s.handle(keys.key(for: .last, in: .table))
            _ = s.handle(keys.key(for: .open, in: .table))
            let detail = text(s)
            #expect(detail.contains("Ticket \(snap.rows[snap.rows.count - 1].id)"), "\(w)×\(h)")
            _ = s.handle(.escape)
            #expect(text(s).contains(snap.rows[snap.rows.count - 1].id), "\(w)×\(h)")
        }
    }
}
