import Dispatch
import Engine
import Foundation

/// Runs alert hooks off the main loop, one at a time and in order, then records what each
/// hook did; the rate limit's memory lives on its queue.
final class SLAHookQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "opsdeck.alert-hooks")
    private var schedule: AlertHookSchedule
    private let config: AlertConfig
    private let runner: (any AlertHookRunner)?
    private let timeout: Double
    private let store: Store?
    private let user: String
    private let lock = NSLock()
    private var failures: [String] = []
    private var done = 0

    init(schedule: AlertHookSchedule, config: AlertConfig, runner: (any AlertHookRunner)?, timeout: Double, store: Store?, user: String) {
        self.schedule = schedule; self.config = config; self.runner = runner; self.timeout = timeout
        self.store = store; self.user = user
    }

    func submit(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        queue.async { [self] in
            let outcomes: [AlertHookOutcome?] = runner.map { schedule.dispatch(alerts, config: config, runner: $0, timeout: timeout) }
                ?? alerts.map { _ in nil }
            let entries = zip(alerts, outcomes).map { AlertAuditEntry($0, hook: $1) }
            do { try store?.recordHookOutcomes(entries, user: user) } catch {
                lock.lock(); failures.append("alerts not audited: \(error)"); lock.unlock()
            }
            lock.lock(); done += 1; lock.unlock()
        }
    }

    /// Waits for the hooks submitted so far (tests; quitting).
    func flush() { queue.sync {} }

    /// Batches whose hooks ran and were audited so far.
    var completed: Int { lock.lock(); defer { lock.unlock() }; return done }

    /// Audit failures since the last call, for the status line.
    func takeFailures() -> [String] {
        lock.lock(); defer { lock.unlock() }
        let f = failures
        failures = []
        return f
    }
}

/// Alerts on the SLA screen: the rules of alerts.conf over each re-clocked queue, the
/// store's claim that fires each (ticket, rule) once, the hooks and the alert list (`!`).
extension SLAScreen {
    /// The rules over the re-clocked queue: new (ticket, rule) pairs are claimed in the store
    /// (one command center fires each pair once, restarts included), their hooks run in the
    /// background and each lands in the audit log.
    mutating func evaluateAlerts(at instant: Int64) {
        guard var l = live, !l.options.alerts.rules.isEmpty else { return }
        let inputs = snapshot.rows.map { AlertInput(row: $0, at: instant) }
        let (found, next) = AlertEvaluator.evaluate(l.options.alerts.rules, inputs: inputs, state: l.alertState, at: instant)
        l.alertState = next
        var fresh = found
        if let store = l.options.store {
            do {
                fresh = try store.claimAlerts(found, run: l.options.run, user: l.options.user)
                if !found.isEmpty { l.fired = try store.firedAlerts() }
            } catch {
                fresh = []
                notice = "alerts: \(error)"
            }
        } else {
            let run = l.options.run, user = l.options.user
            l.fired = Array(fresh.map { FiredAlert(ticket: $0.ticket, rule: $0.rule, runId: run, at: $0.at, user: user,
                                                   entry: AlertAuditEntry($0)) }.reversed()) + l.fired
        }
        l.hooks.submit(fresh)
        live = l
        if let first = fresh.first {
            notice = fresh.count == 1 ? "alert \(first.rule): \(first.ticket)" : "\(fresh.count) new alerts (! lists them)"
        }
    }

    /// Hooks finished since the list was read: read it again, with their outcomes.
    mutating func reloadFiredAfterHooks() -> Bool {
        guard var l = live, let store = l.options.store else { return false }
        let done = l.hooks.completed
        guard done != l.hooksSeen else { return false }
        l.hooksSeen = done
        do { l.fired = try store.firedAlerts() } catch { notice = "alerts: \(error)" }
        live = l
        return true
    }

    /// The alert list's lines, newest first.
    func alertLines() -> [TextLine] {
        guard let l = live else { return [] }
        var lines: [TextLine] = []
        if l.options.alerts.rules.isEmpty {
            lines.append(TextLine("No rules: write them in alerts.conf in the config folder (see `opsdeck alerts check --help`).", role: .muted))
        }
        if l.fired.isEmpty, !l.options.alerts.rules.isEmpty { lines.append(TextLine("No alert has fired yet.", role: .muted)) }
        for f in l.fired {
            let v = f.entry.values
            let holding = l.alertState.isActive(ticket: f.ticket, rule: f.rule)
            let when = SLAFormat.instant(f.at)
            var text = when + "  " + f.rule.padded(toCells: 18) + " " + f.ticket.padded(toCells: 12)
                + " p " + SLAFormat.probability(v.probability) + "  left " + AlertHookCommand.durationText(v.timeLeft)
                + "  loss " + SLAFormat.fixed1(v.expectedLoss)
            switch f.entry.hook {
            case nil: break
            case .ran(let status)?: text += status == 0 ? "  hook ran" : "  hook exited \(status)"
            case .timedOut?: text += "  hook timed out"
            case .failedToStart(let why)?: text += "  hook failed: \(why)"
            case .rateLimited?: text += "  hook skipped (rate limit)"
            }
            if f.user != l.options.user { text += "  (seen by \(f.user))" }
            lines.append(TextLine(text, role: holding ? .breachRiskHigh : .mainFg))
        }
        return lines
    }

    mutating func handleAlerts(_ action: Action, body: Rect) -> Bool {
        guard var l = live else { return false }
        switch action {
        case .back, .custom("alerts"):
            l.alertsOpen = false
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let area = layout(body).detail.inset(dx: 2, dy: 1)
            let total = TextView.wrap(alertLines(), width: area.width).count
            _ = l.alertScroll.handle(action, total: total, page: area.height)
        case .custom("freeze-clock"):
            live = l
            toggleFreeze()
            return true
        case .custom("tick-now"):
            live = l
            if !l.frozen { clockTick(at: l.options.time.now()) }
            return true
        default:
            break
        }
        live = l
        return true
    }
}
