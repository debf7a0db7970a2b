import Engine
import Foundation
import TUI

/// The SLA screen's policy replay for a saved run: `proposed-sla.conf` in the settings folder
/// against the current policy (sla.conf, else the defaults) on the run's own tickets, as
/// `opsdeck sla replay` prices it (same gates, model, folds and seed). Everything is read when
/// the panel asks, on its background thread, so an edited file is re-read on each replay.
enum SLAScreenReplay {
    static let fileName = "proposed-sla.conf"

    static func source(store: Store, run: RunRecord, environment env: [String: String]) -> SLAReplaySource? {
        guard let path = UserPaths.configFile(fileName, environment: env) else { return nil }
        let dataset = run.ticketsDataset, runID = run.id
        return SLAReplaySource(proposedPath: path) { report in
            guard FileManager.default.fileExists(atPath: path) else { return .absent(path: path) }
            do {
                report("reading the policies")
                let now = try SLAExport.policy(environment: env)
                let proposed = try SLAExport.policy(file: path)
                guard let dataset else { return .failed("run \(runID) has no ticket dataset to replay on") }
                report("loading the run's tickets")
                let (kept, extras) = try SLAReplayCommand.gatedTickets(store, dataset: dataset, statuses: now.statusMapping)
                report("replaying both policies on \(kept.count) tickets")
                let replay = try PolicyReplay.run(tickets: kept, extras: extras, current: now, proposed: proposed,
                                                  options: .init(folds: 3, seed: 42))
                return .replayed(replay, currentName: SLAExport.currentPolicyName(environment: env),
                                 proposedName: fileName, source: "run \(runID)'s \(kept.count) tickets (dataset \(dataset))")
            } catch let e as SLAPolicyError {
                return .failed(e.description)
            } catch {
                return .failed(String(describing: error))
            }
        }
    }
}
