import Engine
import Foundation
import TUI

/// Builds screen 1 for a saved run: from its SLA snapshot artifact when it has one (no
/// model is computed), else by analysing the run's ticket dataset on open, and says which
/// on the status line. Escalations already decided on the run are loaded with it.
enum SLAScreenLoader {
    struct Loaded {
        var screen: SLAScreen?
        /// For the status line: how the screen got its data, when that is worth saying.
        var note: String?
    }

    static func load(store: Store, run: RunRecord, user: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Loaded {
        var note: String?
        var snapshot: SupportSnapshot?
        if let bytes = try store.artifact(run: run.id, name: SupportSnapshot.artifactName) {
            do {
                snapshot = try SupportSnapshot.decode(bytes)
            } catch {
                note = "computed on open: run \(run.id), artifact \(SupportSnapshot.artifactName) is unreadable: \(error)"
            }
        } else {
            note = "computed on open: run saved before the SLA snapshot existed"
        }
        if snapshot == nil {
            guard let dataset = run.ticketsDataset else {
                return Loaded(screen: nil, note: "SLA screen: run \(run.id) has no ticket dataset")
            }
            let tickets = try store.tickets(dataset: dataset)
            guard !tickets.isEmpty else { return Loaded(screen: nil, note: "SLA screen: the ticket dataset is empty") }
            do {
                snapshot = SupportSnapshot(try Pipeline.supportAnalysis(tickets: tickets, policy: SLAExport.policy(environment: environment),
                                                                        seed: run.seed))
            } catch let e as SLAPolicyError {
                throw CLIError(e.description)
            }
        }
        guard let snapshot else { return Loaded(screen: nil, note: note) }
        let marks = try store.decisions(run: run.id).filter { $0.action == escalateAction }
            .map { SLAEscalation(ticket: $0.subject, at: $0.at, user: $0.user) }
        let runId = run.id
        let screen = SLAScreen(snapshot: snapshot, escalations: marks, escalate: { id in
            let d = try store.recordDecision(run: runId, user: user, action: escalateAction, subject: id)
            return SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
        })
        return Loaded(screen: screen, note: note)
    }

    /// The decision's action name in the store.
    static let escalateAction = "escalate"
}
