import Engine
import Foundation
import Testing
@testable import TUI

/// Screen 1 with its clock running on a fixed, hand-moved clock: ticks, breaches, KPIs,
/// freezing, alerts and two command centers on one store.
@Suite struct SLAScreenLiveTests {
    let keys = KeyMap.standard

    private func saved() throws -> (SupportSnapshot, SLAClockCurves) {
        let a = try #require(SLAScreenFixture.analysis)
        let artifacts = SupportSnapshot.artifacts(from: a)
        return (try #require(try SupportSnapshot.load(artifacts)), try #require(try SLAClockCurves.load(artifacts)))
    }

    private func sla(_ s: AppState) throws -> SLAScreen { try #require(s.screen as? SLAScreen) }

    private func text(_ s: AppState) -> String { SLAScreenFixture.render(s).text() }

    private func tempStorePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-live-\(UInt64.random(in: 0...UInt64.max)).sqlite").path
    }

    private func remove(_ path: String) { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

    /// The soonest unpaused ticket still inside its target, and its deadline.
    private func soonest(_ snap: SupportSnapshot) throws -> (String, Int64) {
        let r = try #require(snap.rows.filter { !$0.state.paused && !$0.state.breached && $0.deadline != nil }
            .min { ($0.deadline ?? 0) < ($1.deadline ?? 0) })
        return (r.id, try #require(r.deadline))
    }

    @Test func atTheRunsInstantTheLiveScreenDrawsTheFrozenQueue() throws {
        let (snap, curves) = try saved()
        let frozen = text(SLAScreenFixture.app(SLAScreen(snapshot: snap)))
        let clock = FixedTimeSource(snap.now)
        let live = SLAScreenFixture.app(SLAScreen(snapshot: snap, live: SLALiveOptions(time: clock, curves: curves, user: "ana")))
        let rendered = text(live)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let frozenLines = frozen.split(separator: "\n", omittingEmptySubsequences: false)
        // Everything above the status line and key bar is the run's frozen rendering.
        #expect(Array(lines.prefix(46)) == Array(frozenLines.prefix(46)))
        #expect(lines.count >= 48)
        #expect(rendered.contains("as of \(SLAFormat.clock(snap.now)) live"))
    }

    @Test func theClockTicksEveryMinuteAndABreachShowsWithItsTime() throws {
        let (snap, curves) = try saved()
        let (id, deadline) = try soonest(snap)
        let clock = FixedTimeSource(snap.now)
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap, live: SLALiveOptions(time: clock, curves: curves, user: "ana")))
        #expect(s.idleInterval == 1500)
        let before = try sla(s).openQueueOutcome
        clock.advance(by: 30)
        do { let changed = s.idle(); #expect(!changed, "no tick before a minute has passed") }
        #expect(try sla(s).clockedAt == snap.now)
        clock.set(deadline + 61)
        do { let changed = s.idle(); #expect(changed) }
        let screen = try sla(s)
        #expect(screen.clockedAt == deadline + 61)
        #expect(screen.liveBreaches[id] == deadline)
        let k = try #require(screen.snapshot.rows.firstIndex { $0.id == id })
        #expect(screen.data.cell(k, SLAQueueTable.flagColumn).text == "brch " + SLAFormat.clock(deadline))
        #expect(screen.snapshot.rows[k].state.breached)
        // Today's tiles follow the re-clocked queue.
        #expect(screen.openQueueOutcome != before)
        #expect(text(s).contains("as of \(SLAFormat.clock(deadline + 61)) live"))
    }

    @Test func freezeStopsTheClockForAWhatIfAndUnfreezingCatchesUp() throws {
        let (snap, curves) = try saved()
        let clock = FixedTimeSource(snap.now)
        var s = SLAScreenFixture.app(SLAScreen(snapshot: snap, live: SLALiveOptions(time: clock, curves: curves, user: "ana")))
        let freeze = keys.key(for: .custom("freeze-clock"), in: .liveClock)
        _ = s.handle(freeze)
        #expect(try sla(s).isFrozen)
        #expect(text(s).contains("frozen at \(SLAFormat.clock(snap.now))"))
        clock.advance(by: 3600)
        do { let changed = s.idle(); #expect(!changed) }
        #expect(try sla(s).clockedAt == snap.now)
        // The what-if: sliders still move while frozen.
        _ = s.handle(keys.key(for: .increase, in: .slider))
        #expect(try sla(s).clockedAt == snap.now)
        _ = s.handle(freeze)
        #expect(try sla(s).isLive)
        #expect(try sla(s).clockedAt == snap.now + 3600)
        #expect(text(s).contains("as of \(SLAFormat.clock(snap.now + 3600)) live"))
    }

    @Test func freezeAndAlertKeysAreInTheBarAndHelpOnlyWithALiveClock() throws {
        let (snap, curves) = try saved()
        let live = SLAScreenFixture.app(SLAScreen(snapshot: snap, live: SLALiveOptions(time: FixedTimeSource(snap.now), curves: curves, user: "ana")))
        let bar = keys.barBindings(for: live.scopes).map(\.label)
        #expect(bar.contains("freeze") && bar.contains("alerts"))
        // After the global keys: a 100-column bar still says how to quit.
        var narrow = live
        narrow.width = 100; narrow.height = 30
        #expect(text(narrow).split(separator: "\n").last?.contains("q quit") == true)
        #expect(try #require(bar.firstIndex(of: "quit")) < (try #require(bar.firstIndex(of: "freeze"))))
        let still = SLAScreenFixture.app(SLAScreen(snapshot: snap))
        #expect(!keys.barBindings(for: still.scopes).map(\.label).contains("freeze"))
        #expect(HelpModal.lines(keys).contains { $0.text.contains("Freeze the SLA clock") })
        #expect(keys.conflicts().isEmpty)
    }

    /// Records hook commands instead of running them.
    final class RecordingRunner: AlertHookRunner, @unchecked Sendable {
        private let lock = NSLock()
        private var commands: [String] = []
        var ran: [String] { lock.lock(); defer { lock.unlock() }; return commands }
        func run(_ command: String, timeout: Double) -> AlertHookResult {
            lock.lock(); commands.append(command); lock.unlock()
            return .exited(0)
        }
    }

    @Test func alertsFireOncePerTicketAndRuleAcrossTicksAndAReopenedStore() throws {
        let (snap, curves) = try saved()
        let (id, deadline) = try soonest(snap)
        let path = tempStorePath()
        defer { remove(path) }
        let config = try AlertRuleParser.parse("""
            rule breached-now: left < 0s and p >= 0.99
            hook breached-now: notify {ticket}
            hook.min_interval = 0s
            """)
        let runner = RecordingRunner()
        let clock = FixedTimeSource(snap.now)
        func open() throws -> AppState {
            let store = try Store(path: path)
            return SLAScreenFixture.app(SLAScreen(snapshot: snap, live: SLALiveOptions(
                time: clock, curves: curves, alerts: config, hookRunner: runner, store: store, run: nil, user: "ana")))
        }
        var s = try open()
        let atStart = try sla(s).activeAlerts
        try sla(s).flushAlertHooks()
        let firstRun = runner.ran.count
        #expect(firstRun == atStart, "one hook per alert already holding at the start")
        #expect(!runner.ran.contains("notify '\(id)'"))
        clock.set(deadline + 120)
        do { let changed = s.idle(); #expect(changed) }
        try sla(s).flushAlertHooks()
        #expect(runner.ran.filter { $0 == "notify '\(id)'" }.count == 1)
        #expect(text(s).contains("\(try sla(s).activeAlerts) alerts"))
        // Later ticks while it holds: quiet.
        let afterBreach = runner.ran.count
        for _ in 0..<3 {
            clock.advance(by: 60)
            _ = s.idle()
        }
        try sla(s).flushAlertHooks()
        let later = runner.ran.count
        #expect(runner.ran.filter { $0 == "notify '\(id)'" }.count == 1)
        #expect(later >= afterBreach)
        // Reopened on the same store (a restart): nothing already fired fires again.
        var reopened = try open()
        _ = reopened.idle()
        try sla(reopened).flushAlertHooks()
        #expect(runner.ran.count == later)
        // Every alert is in the audit log, once, with who.
        let store = try Store(path: path)
        let audited = try store.auditLog(limit: 10_000).filter { $0.event == AlertAuditEntry.action }
        #expect(audited.count == later)
        #expect(audited.allSatisfy { $0.user == "ana" })
        #expect(try store.firedAlerts(limit: 10_000).count == later)
        // The list shows rule, ticket, when and the values.
        _ = reopened.idle()
        _ = reopened.handle(keys.key(for: .custom("alerts"), in: .liveClock))
        let list = text(reopened)
        #expect(list.contains("Alerts · "))
        #expect(list.contains("breached-now"))
        _ = reopened.handle(.escape)
        #expect(!text(reopened).contains("Alerts · "))
    }

    @Test func twoCommandCentersOnOneStoreSeeEachOthersEscalations() throws {
        let (snap, curves) = try saved()
        let path = tempStorePath()
        defer { remove(path) }
        let clock = FixedTimeSource(snap.now)
        func open(_ user: String) throws -> AppState {
            let store = try Store(path: path)
            let escalate: SLAEscalate = { id in
                let d = try store.recordDecision(run: nil, user: user, action: SLAEscalation.escalateAction, subject: id)
                return SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
            }
            return SLAScreenFixture.app(SLAScreen(snapshot: snap, escalate: escalate, live: SLALiveOptions(
                time: clock, curves: curves, store: store, run: nil, user: user)))
        }
        var ana = try open("ana"), bob = try open("bob")
        _ = ana.handle(keys.key(for: .custom("escalate"), in: .screen(.sla)))
        let id = snap.rows[0].id
        #expect(try sla(ana).escalations[id]?.user == "ana")
        #expect(try sla(bob).escalations[id] == nil)
        do { let changed = bob.idle(); #expect(changed, "bob's idle poll merges ana's decision") }
        #expect(try sla(bob).escalations[id]?.user == "ana")
        #expect(try sla(bob).data.cell(0, SLAQueueTable.flagColumn).text == "ESCALATED")
        let note = try #require(try sla(bob).statusMessage)
        #expect(note.hasPrefix("\(id) escalated by ana "))
        do { let changed = bob.idle(); #expect(!changed, "nothing new: no change") }
        // Bob withdraws it; ana sees that too.
        _ = bob.handle(keys.key(for: .custom("deescalate"), in: .liveClock))
        #expect(try sla(bob).escalations[id] == nil)
        do { let changed = ana.idle(); #expect(changed) }
        #expect(try sla(ana).escalations[id] == nil)
        #expect(try sla(ana).statusMessage?.hasPrefix("\(id) de-escalated by bob ") == true)
        // A command center opened later folds the log the same way.
        let standing = SLAEscalation.standing(try Store(path: path).decisions(run: nil))
        #expect(standing.isEmpty)
    }
}
