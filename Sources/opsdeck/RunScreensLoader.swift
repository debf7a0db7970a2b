import Engine
import Foundation
import TUI

/// Loads the saved run's artifacts into screens 2–6 behind the first frame (`ScreenLoading`:
/// started once screen 1 is drawn, each screen swapped in as soon as it is built). Lock
/// decisions go to the store's `decisions` table; `x` writes prep scripts beside the store,
/// under `scripts/`.
enum RunScreensLoader {
    /// `rows`: the run's customer and ticket counts (from the context), to weigh the progress line.
    static func loading(store: Store, run: RunRecord, rows: (customers: Int, tickets: Int)) -> ScreenLoading {
        let runId = run.id
        let user = Terminal.user
        let decisions = RouteDecisions(record: { action, subject, value in
            do {
                try store.recordDecision(run: runId, user: user, action: action, subject: subject, value: value)
                return nil
            } catch {
                return "\(error)"
            }
        }, history: { (try? store.fieldDayDecisions(run: runId)) ?? [] },
           newest: { (try? store.decisionSequence()) ?? 0 }, user: user)
        // Beside a file store; a shared PostgreSQL store's scripts go to this user's data folder.
        let base = store.isShared ? URL(fileURLWithPath: UserPaths.dataDirectory(environment: ProcessInfo.processInfo.environment))
            : URL(fileURLWithPath: store.path).deletingLastPathComponent()
        let folder = base.appendingPathComponent("scripts")
        let export = CustomerScriptExport { id, text in
            let safe = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
            let file = folder.appendingPathComponent("run\(runId)-\(safe).txt")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data((text + "\n").utf8).write(to: file, options: .atomic)
            } catch {
                throw CLIError("could not write \(file.path): \(error.localizedDescription)")
            }
            return file.path
        }
        return ScreenLoading(pending: SalesScreens.loadOrder, first: "channels") { feed in
            try SalesScreens.load(store: store, run: run, rows: rows, decisions: decisions, export: export, feed: feed)
        }
    }
}
