import Dispatch
import Engine
import Testing
@testable import TUI

/// The SLA screen's "Policy replay" panel: `P` runs the executable's replay off the draw
/// loop, then shows `PolicyReplay`'s figures as `opsdeck sla replay` prints them; an absent
/// file and a bad one each say so in the panel; `Esc` closes it.
@Suite struct SLAReplayPanelTests {
    let keys = KeyMap.standard
    static let path = "/home/desk/.config/opsdeck/proposed-sla.conf"

    static let proposedText = """
    cost.Critical = 500
    cost.High = 200
    cost.Medium = 50
    cost.Low = 10
    capacity = 6

    [policy email]
    if.channel = Email
    first_reply.Critical = 1
    first_reply.High = 4
    resolution.Critical = 6
    resolution.High = 12
    resolution.Medium = 36
    resolution.Low = 96

    [policy rest]
    resolution.Critical = 4
    resolution.High = 8
    resolution.Medium = 24
    resolution.Low = 72
    """

    /// The fixture's own desk (the tickets its snapshot was built from), replayed once.
    static let replay: PolicyReplay? = {
        let tickets = TicketGenerator(seed: 11, days: 30).generate(count: 2500)
        guard let proposed = try? SLAPolicy.parse(proposedText, file: "proposed-sla.conf") else { return nil }
        return try? PolicyReplay.run(tickets: tickets, current: SLAPolicy(), proposed: proposed, options: .init(folds: 3, seed: 7))
    }()

    private func snapshot() throws -> SupportSnapshot {
        let a = try #require(SLAScreenFixture.analysis)
        return try #require(try SupportSnapshot.load(SupportSnapshot.artifacts(from: a)))
    }

    private func sla(_ s: AppState) throws -> SLAScreen { try #require(s.screen as? SLAScreen) }

    private func text(_ s: AppState) -> String { SLAScreenFixture.render(s).text() }

    /// An app on the fixture whose replay answers `result`, with the panel opened by `P` and finished.
    private func opened(_ result: SLAReplayResult, width: Int = 160, height: Int = 48) throws -> AppState {
        let source = SLAReplaySource(proposedPath: Self.path) { _ in result }
        var s = SLAScreenFixture.app(SLAScreen(snapshot: try snapshot(), replay: source), width: width, height: height)
        _ = s.handle(keys.key(for: SLAScreen.replayAction, in: .screen(.sla)))
        #expect(try sla(s).replay?.job.wait(seconds: 60) == true)
        s.tick()
        #expect(try sla(s).replay?.isRunning == false)
        return s
    }

    private func replayed() throws -> SLAReplayResult {
        .replayed(try #require(Self.replay), currentName: "current (defaults)", proposedName: "proposed-sla.conf",
                  source: "run 1's 2500 tickets (dataset 3)")
    }

    @Test func goldenReplayAt160x48And80x24() throws {
        assertGolden(text(try opened(try replayed())), named: "sla-replay-160x48")
        assertGolden(text(try opened(try replayed(), width: 80, height: 24)), named: "sla-replay-80x24")
    }

    @Test func thePanelShowsPolicyReplaysFiguresAsTheCommandPrintsThem() throws {
        let r = try #require(Self.replay)
        let shown = text(try opened(try replayed()))
        let rows = SLAReplayRows.rows(r, currentName: "current (defaults)", proposedName: "proposed-sla.conf")
        // Every line of the command's report is on the screen as it is.
        for line in SLAReplayRows.lines(rows) { #expect(shown.contains(line), "panel misses \(line)") }
        func row(_ name: String) throws -> SLAReplayRows.Row { try #require(rows.first { $0.name == name }) }
        func grouped(_ x: Double) -> String { SLAReplayRows.money(x) }
        let a = r.current, b = r.proposed
        #expect(try row("tickets breached").current == grouped(Double(a.breaches)))
        #expect(try row("tickets breached").proposed == grouped(Double(b.breaches)))
        #expect(try row("breach cost").proposed == grouped(b.breachCost))
        #expect(try row("escalations per day").proposed == "6")
        #expect(try row("escalations per day").current == "\(a.capacity) (suggested)")
        #expect(try row("reviews").proposed == grouped(Double(b.escalation.reviews)))
        #expect(try row("breaches prevented").proposed == grouped(b.escalation.breachesPrevented))
        #expect(try row("breach cost avoided").proposed == grouped(b.escalation.grossSavings))
        #expect(try row("cost of reviews").proposed == grouped(b.escalation.operationsCost))
        #expect(try row("net savings").current == grouped(a.escalation.netSavings))
        #expect(try row("net savings").proposed == grouped(b.escalation.netSavings))
        let change = (b.escalation.netSavings - a.escalation.netSavings).rounded()
        #expect(try row("net savings").change == (change > 0 ? "+" : "") + grouped(change) || change == 0)
        for m in b.metrics {
            #expect(try row("\(m.metric.title) breaches").proposed == "\(grouped(Double(m.breaches))) of \(grouped(Double(m.clocked)))")
        }
    }

    @Test func anAbsentFileSaysWhereToWriteIt() throws {
        let shown = text(try opened(.absent(path: Self.path)))
        #expect(shown.contains("Policy replay"))
        #expect(shown.contains("No proposed policy at \(Self.path)."))
        #expect(shown.contains("Write one in sla.conf's format"))
    }

    @Test func aBadPolicyFileShowsItsOneLineError() throws {
        let bad = "capacity = 6\ncost.High = lots\n"
        var message = ""
        do { _ = try SLAPolicy.parse(bad, file: "proposed-sla.conf") } catch let e as SLAPolicyError { message = e.description }
        #expect(message.hasPrefix("proposed-sla.conf:2:"))
        let shown = text(try opened(.failed(message)))
        #expect(shown.contains(message))
        #expect(!shown.contains("net savings"))
    }

    @Test func theReplayRunsOffTheDrawLoopWithAProgressLineAndEscCloses() throws {
        let gate = DispatchSemaphore(value: 0), reported = DispatchSemaphore(value: 0)
        let source = SLAReplaySource(proposedPath: Self.path) { report in
            report("loading the run's tickets")
            reported.signal()
            gate.wait()
            return .absent(path: Self.path)
        }
        var s = SLAScreenFixture.app(SLAScreen(snapshot: try snapshot(), replay: source))
        _ = s.handle(keys.key(for: SLAScreen.replayAction, in: .screen(.sla)))
        // The key returned while the work waits: the app is busy and draws the progress line.
        #expect(s.isBusy)
        #expect(reported.wait(timeout: .now() + 10) == .success)
        s.tick()
        #expect(s.isBusy)
        let shown = text(s)
        #expect(shown.contains("Replaying proposed-sla.conf against the current policy · loading the run's tickets"))
        // Screen keys wait for the panel to close; tabs and help stay the app's.
        _ = s.handle(keys.key(for: .custom("escalate"), in: .screen(.sla)))
        #expect(s.message?.contains("close the policy replay first") == true)
        gate.signal()
        #expect(try sla(s).replay?.job.wait(seconds: 10) == true)
        s.tick()
        #expect(!s.isBusy)
        #expect(text(s).contains("No proposed policy at"))
        #expect(s.handle(.escape) == .none)
        #expect(try sla(s).replay == nil)
        #expect(text(s).contains("Open tickets by expected loss"))
    }

    @Test func withoutASourceTheKeyIsRefusedWithAReason() throws {
        var s = SLAScreenFixture.app(SLAScreen(snapshot: try snapshot()))
        _ = s.handle(keys.key(for: SLAScreen.replayAction, in: .screen(.sla)))
        #expect(try sla(s).replay == nil)
        #expect(s.message?.contains("no tickets to replay a policy on") == true)
    }
}
