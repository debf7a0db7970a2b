import Engine
import Foundation
import TUI

/// Loads the saved run's artifacts into screens 2–6. Lock decisions go to the store's
/// `decisions` table; `x` writes prep scripts beside the store, under `scripts/`.
enum RunScreensLoader {
    static func screens(store: Store, run: RunRecord) throws -> [any Screen] {
        let loaded: SalesScreens?
        do { loaded = try SalesScreens.load(store: store, run: run) } catch { throw CLIError(error.description) }
        guard let loaded else { return [] }
        let runId = run.id
        let user = Terminal.user
        let decisions = RouteDecisions(record: { action, subject, value in
            do {
                try store.recordDecision(run: runId, user: user, action: action, subject: subject, value: value)
                return nil
            } catch {
                return "\(error)"
            }
        }, history: { (try? store.fieldDayDecisions(run: runId)) ?? [] })
        let folder = URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("scripts")
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
        return loaded.screens(decisions: decisions, export: export)
    }
}
