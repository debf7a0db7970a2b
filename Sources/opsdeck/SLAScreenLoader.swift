import Engine
import Foundation
import TUI

/// Builds screen 1 for a saved run from its SLA snapshot artifact (no model is computed, so
/// the screen and `opsdeck export queue` show the same run). A run without one says why on the
/// status line. Escalations already decided on the run are loaded with it.
enum SLAScreenLoader {
    struct Loaded {
        var screen: SLAScreen?
        /// For the status line: how the screen got its data, when that is worth saying.
        var note: String?
        /// For the end of the status line: the clock runs on from an old run's own instant.
        var clockNote: String? = nil
    }

    static func load(store: Store, run: RunRecord, user: String) throws -> Loaded {
        guard let bytes = try store.artifact(run: run.id, name: SupportSnapshot.artifactName) else {
            // The SLA stage counts the resolved tickets it learnt from; without any it analysed nothing.
            let analysed = run.trace.stages.contains { $0.name == "sla" && $0.counts.contains { $0.name == "resolved" } }
            if run.ticketsDataset == nil { return Loaded(screen: nil, note: "SLA screen: run \(run.id) has no ticket dataset") }
            if !analysed { return Loaded(screen: nil, note: "SLA screen: run \(run.id) had no resolved tickets to learn from") }
            return Loaded(screen: nil, note: StoreError.olderRun(run.id, "it has no \(SupportSnapshot.artifactName)").message)
        }
        let snapshot: SupportSnapshot
        do { snapshot = try SupportSnapshot.decode(bytes) } catch {
            if case .unsupportedVersion = error {
                return Loaded(screen: nil, note: StoreError.olderRun(run.id, "\(SupportSnapshot.artifactName): \(error)").message)
            }
            throw CLIError("run \(run.id), artifact \(SupportSnapshot.artifactName) cannot be read: \(error)")
        }
        var note: String? = nil
        // The sequence first: a decision recorded while the marks load is merged on the first poll.
        let seen = try store.decisionSequence()
        let marks = SLAEscalation.standing(try store.decisions(run: run.id))
        let runId = run.id
        let environment = ProcessInfo.processInfo.environment
        let replay = SLAScreenReplay.source(store: store, run: run, environment: environment)
        let curves: SLAClockCurves?
        do { curves = try store.artifact(run: run.id, name: SLAClockCurves.artifactName).map(SLAClockCurves.decode) } catch {
            throw CLIError("run \(run.id), artifact \(SLAClockCurves.artifactName) cannot be read: \(error)")
        }
        var alerts = AlertConfig()
        do { alerts = try AlertsCheckCommand.config(path: nil, environment: environment) } catch {
            note = "alerts off: \(error)"
        }
        // Data that ended more than a day ago (the demo, an old export): the clock runs on from
        // the run's own instant, not from now, where every ticket would long have breached.
        let behind = WallClock.now() - snapshot.now
        let time: any SLATimeSource = behind > 86_400 ? OffsetTimeSource(offset: -behind) : WallTimeSource()
        let clockNote = behind > 86_400
            ? "clock runs on from the run's \(CivilDate.format(seconds: snapshot.now)) UTC (data ends \(behind / 86_400) days ago)" : nil
        let live = SLALiveOptions(time: time, curves: curves, utcOffset: TimeZone.current.secondsFromGMT(),
                                  alerts: alerts, hookRunner: AlertShellRunner(), store: store, run: runId, user: user,
                                  decisionsSeen: seen)
        let screen = SLAScreen(snapshot: snapshot, escalations: marks, escalate: { id in
            // Exclusive: a second manager escalating the same ticket gets "already escalated by …".
            let d = try store.recordDecision(run: runId, user: user, action: escalateAction, subject: id,
                                             exclusive: SLAEscalation.exclusiveActions)
            return SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
        }, replay: replay, live: live)
        return Loaded(screen: screen, note: note, clockNote: clockNote)
    }

    /// The decision's action name in the store.
    static let escalateAction = SLAEscalation.escalateAction
}
