import Dispatch
import Engine
import Foundation

/// What the SLA screen's running clock is given: where the time comes from, the run's saved
/// elapsed-time curves, the alert rules and the store that several command centers share.
public struct SLALiveOptions {
    public var time: any SLATimeSource
    public var curves: SLAClockCurves?
    /// Seconds between two re-clockings of the queue.
    public var tickSeconds: Int64
    /// The app's idle tick (ms): the decision feed is polled this often.
    public var pollMilliseconds: Int
    /// The user's zone, for the times of day the screen shows (seconds east of UTC).
    public var utcOffset: Int
    public var alerts: AlertConfig
    /// Runs the rules' hooks; nil runs none.
    public var hookRunner: (any AlertHookRunner)?
    public var hookTimeout: Double
    /// The shared store (fired alerts, audit log, other managers' decisions); nil: none.
    public var store: Store?
    public var run: Int64?
    public var user: String
    /// The newest decision already loaded with the screen's escalations.
    public var decisionsSeen: Int64?

    public init(time: any SLATimeSource, curves: SLAClockCurves?, tickSeconds: Int64 = 60, pollMilliseconds: Int = 1500,
                utcOffset: Int = 0, alerts: AlertConfig = AlertConfig(), hookRunner: (any AlertHookRunner)? = nil,
                hookTimeout: Double = 10, store: Store? = nil, run: Int64? = nil, user: String,
                decisionsSeen: Int64? = nil) {
        self.time = time; self.curves = curves; self.tickSeconds = max(1, tickSeconds)
        self.pollMilliseconds = max(100, pollMilliseconds); self.utcOffset = utcOffset
        self.alerts = alerts; self.hookRunner = hookRunner; self.hookTimeout = hookTimeout
        self.store = store; self.run = run; self.user = user; self.decisionsSeen = decisionsSeen
    }
}

/// The running clock's state on the SLA screen.
struct SLALiveState {
    let options: SLALiveOptions
    let clock: SLALiveClock
    /// The instant the queue is clocked at (what the status line shows).
    var shownAt: Int64
    var frozen = false
    /// Tickets that passed their target while the clock ran, and when.
    var breachedAt: [String: Int64] = [:]
    var alertState = AlertState()
    /// Fired alerts (this store, every command center), newest first, for the list.
    var fired: [FiredAlert] = []
    var alertsOpen = false
    var alertScroll = TextViewState()
    var decisionsSeen: Int64
    /// `order[j]`: the run's queue row now ranked j (`SLALiveClock.advance`).
    var order: [Int]
    let hooks: SLAHookQueue
    /// Hook batches already reflected in `fired`.
    var hooksSeen = 0
    var problem: String?

    init(options: SLALiveOptions, snapshot: SupportSnapshot) {
        self.options = options
        clock = SLALiveClock(snapshot, curves: options.curves)
        shownAt = snapshot.now
        order = Array(snapshot.rows.indices)
        var seen = options.decisionsSeen ?? 0
        var lastRun: [String: Int64] = [:]
        var fired: [FiredAlert] = []
        var problem: String?
        if let store = options.store {
            do {
                if options.decisionsSeen == nil { seen = try store.decisionSequence() }
                fired = try store.firedAlerts()
                for f in fired {
                    switch f.entry.hook {
                    case .ran?, .timedOut?, .failedToStart?: lastRun[f.rule] = max(lastRun[f.rule] ?? .min, f.at)
                    default: break
                    }
                }
            } catch {
                problem = "live clock: \(error)"
            }
        }
        self.fired = fired
        self.problem = problem
        decisionsSeen = seen
        hooks = SLAHookQueue(schedule: AlertHookSchedule(lastRun: lastRun), config: options.alerts, runner: options.hookRunner,
                             timeout: options.hookTimeout, store: options.store, user: options.user)
    }

    var clockText: String {
        let t = SLAFormat.clock(shownAt, offset: options.utcOffset)
        return frozen ? "frozen at \(t)" : "as of \(t) live"
    }

    var alertText: String? {
        guard !options.alerts.rules.isEmpty else { return nil }
        let n = alertState.activeCount
        return "\(n) alert\(n == 1 ? "" : "s")"
    }
}

extension SLAScreen {
    /// The screen with its clock running from `options.time`: re-clocked at once (the run may
    /// be hours old) and then every `tickSeconds`.
    public init(snapshot: SupportSnapshot, escalations: [SLAEscalation] = [], escalate: SLAEscalate? = nil,
                escalateOff: String = "no store to save decisions in", replay: SLAReplaySource? = nil, live options: SLALiveOptions) {
        self.init(snapshot: snapshot, escalations: escalations, escalate: escalate, escalateOff: escalateOff, replay: replay)
        live = SLALiveState(options: options, snapshot: snapshot)
        notice = live?.problem
        _ = clockTick(at: options.time.now())
    }

    /// Whether the clock runs (a what-if freezes it).
    public var isLive: Bool { live.map { !$0.frozen } ?? false }
    public var isFrozen: Bool { live?.frozen ?? false }
    /// The instant the queue is clocked at.
    public var clockedAt: Int64 { snapshot.now }
    /// Tickets the running clock saw pass their target, and when.
    public var liveBreaches: [String: Int64] { live?.breachedAt ?? [:] }
    /// Alerts whose condition holds now.
    public var activeAlerts: Int { live?.alertState.activeCount ?? 0 }
    public var firedAlerts: [FiredAlert] { live?.fired ?? [] }
    /// The escalation marks as the screen shows them.
    public var escalations: [String: SLAEscalation] { escalated }
    /// The open-queue KPIs of the tiles ("today …") at the current sliders.
    public var openQueueOutcome: CapacityOutcome { view.openQueue }

    /// Waits for the alert hooks submitted so far (tests, and before quitting).
    public func flushAlertHooks() { live?.hooks.flush() }

    public var idleInterval: Int? { live?.options.pollMilliseconds }

    public var statusFields: [String] {
        guard let live else { return [] }
        return [live.clockText] + (live.alertText.map { [$0] } ?? [])
    }

    /// The idle tick: other managers' decisions, then the clock when a tick is due.
    public mutating func idle() -> Bool {
        guard let l = live else { return false }
        var changed = pollDecisions()
        if let failures = live?.hooks.takeFailures(), let last = failures.last { notice = last; changed = true }
        changed = reloadFiredAfterHooks() || changed
        if !l.frozen {
            let now = l.options.time.now()
            if now - l.shownAt >= l.options.tickSeconds { changed = clockTick(at: now) || changed }
        }
        return changed
    }

    /// Re-clocks the queue at `instant` from the run's saved numbers, keeps the selection
    /// and an open ticket on the same ticket, then evaluates the alert rules.
    @discardableResult
    mutating func clockTick(at instant: Int64) -> Bool {
        guard var l = live else { return false }
        let selectedId = table.selectedRow.map { snapshot.rows[$0].id }
        let detailId = detailRow.map { snapshot.rows[$0].id }
        let breached = l.clock.advance(&snapshot, order: &l.order, to: instant)
        l.shownAt = instant
        l.breachedAt.merge(breached) { a, _ in a }
        live = l
        ranking = RankingComparison(snapshot.rows)
        view = snapshot.capacity(Int(capacity.value), effectiveness: currentEffectiveness, interventionCost: currentCost)
        capacityChanged()
        data = SLAQueueTable.data(snapshot, effectiveness: currentEffectiveness, interventionCost: currentCost,
                                  escalated: escalated, breachedAt: l.breachedAt, offset: l.options.utcOffset)
        table.refresh(data)
        reselect(selectedId, detail: detailId)
        evaluateAlerts(at: instant)
        return true
    }

    private mutating func reselect(_ selectedId: String?, detail detailId: String?) {
        guard selectedId != nil || detailId != nil else { return }
        var index: [String: Int] = [:]
        for (k, r) in snapshot.rows.enumerated() where r.id == selectedId || r.id == detailId { index[r.id] = k }
        if let id = selectedId, let k = index[id] { table.select(dataRow: k, data: data, pageSize: pageSize) }
        if let id = detailId { detailRow = index[id] }
    }

    /// Merges decisions other command centers recorded on the store since the last poll.
    mutating func pollDecisions() -> Bool {
        guard var l = live, let store = l.options.store else { return false }
        let decisions: [Decision]
        do {
            guard try store.decisionSequence() > l.decisionsSeen else { return false }
            decisions = try store.decisions(after: l.decisionsSeen, run: l.options.run)
            l.decisionsSeen = max(l.decisionsSeen, try store.decisionSequence())
        } catch {
            notice = "decisions: \(error)"
            return true
        }
        live = l
        var notes: [String] = []
        for d in decisions {
            switch d.action {
            case SLAEscalation.escalateAction where escalated[d.subject] == nil:
                escalated[d.subject] = SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
                notes.append("\(d.subject) escalated by \(d.user) \(Self.timeOfDay(d.at))")
            case SLAEscalation.deescalateAction where escalated[d.subject] != nil:
                escalated[d.subject] = nil
                notes.append("\(d.subject) de-escalated by \(d.user) \(Self.timeOfDay(d.at))")
            default: break
            }
        }
        guard !notes.isEmpty else { return false }
        rebuildTable()
        notice = notes.count == 1 ? notes[0] : "\(notes.count) decisions by others; last: \(notes[notes.count - 1])"
        return true
    }

    /// "14:31" from the store's `YYYY-MM-DD HH:MM:SS`.
    static func timeOfDay(_ at: String) -> String {
        let parts = at.split(separator: " ")
        guard parts.count == 2 else { return at }
        return String(parts[1].prefix(5))
    }

    /// `F`: freeze for a what-if, or let the clock run again (re-clocked at once).
    mutating func toggleFreeze() {
        guard var l = live else { return }
        l.frozen.toggle()
        live = l
        if l.frozen {
            notice = "clock frozen at \(SLAFormat.clock(l.shownAt, offset: l.options.utcOffset)) for a what-if; F lets it run"
        } else {
            clockTick(at: l.options.time.now())
            notice = "clock running again"
        }
    }

    /// `E`: withdraws the selected ticket's escalation.
    mutating func deescalateSelected() {
        guard let row = detailRow ?? table.selectedRow, let l = live, let store = l.options.store else { return }
        let id = snapshot.rows[row].id
        guard escalated[id] != nil else {
            notice = "\(id) is not escalated"
            return
        }
        do {
            let d = try store.recordDecision(run: l.options.run, user: l.options.user, action: SLAEscalation.deescalateAction, subject: id,
                                             exclusive: SLAEscalation.exclusiveActions)
            escalated[id] = nil
            rebuildTable()
            notice = "\(id) de-escalated by \(d.user) at \(d.at); saved as a decision"
        } catch {
            notice = "\(id) was not de-escalated: \(error)"
        }
    }

    /// Live keys outside the alert list; nil when the action is not one of them.
    mutating func handleLive(_ action: Action) -> Bool? {
        guard live != nil else { return nil }
        switch action {
        case .custom("freeze-clock"):
            toggleFreeze()
        case .custom("tick-now"):
            if let l = live { clockTick(at: l.options.time.now()) }
            notice = "queue re-clocked at \(SLAFormat.clock(snapshot.now, offset: live?.options.utcOffset ?? 0))"
        case .custom("alerts"):
            live?.alertsOpen = true
            live?.alertScroll = TextViewState()
        case .custom("deescalate"):
            deescalateSelected()
        default:
            return nil
        }
        return true
    }

    func liveAvailability(_ action: Action) -> Availability? {
        guard let l = live else { return nil }
        switch action {
        case .custom("tick-now"): return l.frozen ? .disabled("the clock is frozen (F lets it run)") : .enabled
        case .custom("deescalate"):
            if l.options.store == nil { return .disabled(escalateOff) }
            return snapshot.rows.isEmpty ? .disabled("the queue is empty") : .enabled
        case .custom("freeze-clock"), .custom("alerts"): return .enabled
        default: return nil
        }
    }
}
