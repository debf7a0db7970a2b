import Engine
import Foundation

/// The first-run experience: a store with imports but no run first runs on them, an empty
/// store gets the seeded demo, each with a progress line, so `opsdeck` always opens on
/// something real and never shows generated data in place of the user's own.
enum DemoBootstrap {
    static func latestOrDemo(store: Store, seed: UInt64) throws -> RunRecord {
        let imported = try store.hasImports()
        if let run = try store.latestRun() {
            if imported, try newerImport(than: run, store) {
                Terminal.warn("the store holds imports newer than run \(run.id); `opsdeck run` plans on them")
            }
            return run
        }
        let config = PipelineConfig(seed: seed)
        let err = FileHandle.standardError
        let input: PipelineInput
        if imported {
            err.write(Data("opsdeck: no run yet in \(store.path); running on its imports\n".utf8))
            input = .stored(customers: nil, reps: nil, tickets: nil)
        } else {
            err.write(Data("opsdeck: empty store at \(store.path); building the demo (seed \(seed))\n".utf8))
            input = .synthetic
        }
        var outcome = try Pipeline.run(config: config, input: input, store: store, slaPolicy: try SLAExport.policy(),
                                       saveDatasets: !imported) { stage in
            err.write(Data("\r\u{1B}[2K  running: \(stage)…".utf8))
        }
        err.write(Data("\r\u{1B}[2K  saving…".utf8))
        try Pipeline.save(&outcome, to: store)
        err.write(Data("\r\u{1B}[2K".utf8))
        try store.audit(user: Terminal.user, event: imported ? "first run" : "demo", detail: "seed \(seed)")
        guard let run = try store.latestRun() else { throw CLIError("the first run was not saved in \(store.path)") }
        return run
    }

    /// Whether any import came after the run's own datasets (the run does not read it).
    private static func newerImport(than run: RunRecord, _ store: Store) throws -> Bool {
        let used = [run.customersDataset, run.repsDataset, run.ticketsDataset].compactMap { $0 }.max() ?? 0
        for kind in ["customers", "reps", "tickets"] {
            if let d = try store.latestImport(kind: kind), d.id > used { return true }
        }
        return false
    }
}
