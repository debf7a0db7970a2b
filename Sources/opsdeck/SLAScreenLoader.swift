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
        let note: String? = nil
        let marks = try store.decisions(run: run.id).filter { $0.action == escalateAction }
            .map { SLAEscalation(ticket: $0.subject, at: $0.at, user: $0.user) }
        let runId = run.id
        let replay = SLAScreenReplay.source(store: store, run: run, environment: ProcessInfo.processInfo.environment)
        let screen = SLAScreen(snapshot: snapshot, escalations: marks, escalate: { id in
            let d = try store.recordDecision(run: runId, user: user, action: escalateAction, subject: id)
            return SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
        }, replay: replay)
        return Loaded(screen: screen, note: note)
    }

    /// The decision's action name in the store.
    static let escalateAction = "escalate"
}
