import Engine
import Foundation

/// The first-run experience: an empty store gets the seeded demo, with a progress line, so
/// `opsdeck` always opens on something real.
enum DemoBootstrap {
    static func latestOrDemo(store: Store, seed: UInt64) throws -> RunRecord {
        if let run = try store.latestRun() { return run }
        let config = PipelineConfig(seed: seed)
        let err = FileHandle.standardError
        err.write(Data("opsdeck: empty store at \(store.path); building the demo (seed \(seed))\n".utf8))
        var outcome = try Pipeline.run(config: config, input: .synthetic, store: store, saveDatasets: true) { stage in
            err.write(Data("\r\u{1B}[2K  running: \(stage)…".utf8))
        }
        err.write(Data("\r\u{1B}[2K  saving…".utf8))
        try Pipeline.save(&outcome, to: store)
        err.write(Data("\r\u{1B}[2K".utf8))
        try store.audit(user: Terminal.user, event: "demo", detail: "seed \(seed)")
        guard let run = try store.latestRun() else { throw CLIError("the demo run was not saved in \(store.path)") }
        return run
    }
}
