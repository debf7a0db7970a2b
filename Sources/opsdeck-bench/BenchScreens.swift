import ArgumentParser
import Engine
import Foundation
import TUI

/// `opsdeck bench screens`: frame render time of screens 2–6 (and the drill-down views) on a
/// saved run, at a fixed terminal size, against the placeholder frame rendered in the same
/// sitting; then map redraws after zoom and pan. Budgets: 5 ms a frame, 16 ms a map redraw.
struct BenchScreens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screens",
        abstract: "Frame render time of the sales screens on a saved run (budget 5 ms; map pan/zoom 16 ms).")

    @Option(help: "Customers in the run built for the bench (ignored with --reuse).") var customers = 100_000
    @Option(help: "Reps in the run built for the bench.") var reps = 20
    @Option(help: "Seed.") var seed: UInt64 = 42
    @Option(help: "Store the run is saved to (deleted first unless --reuse).") var db = "/tmp/opsdeck-bench-screens.sqlite"
    @Flag(help: "Reuse the latest run already in --db instead of building one.") var reuse = false
    @Option(help: "Terminal width.") var width = 200
    @Option(help: "Terminal height.") var height = 60
    @Option(help: "Frames timed per screen (the median is reported).") var frames = 40

    func validate() throws {
        guard width >= CommandCenterView.minimumWidth, height >= CommandCenterView.minimumHeight else {
            throw ValidationError("--width/--height must be at least \(CommandCenterView.minimumWidth)×\(CommandCenterView.minimumHeight)")
        }
        guard frames >= 1, customers >= 100 else { throw ValidationError("--frames must be ≥ 1 and --customers ≥ 100") }
    }

    func run() throws {
        try reportingErrors {
            let store = try openStore()
            guard let run = try store.latestRun() else { throw CLIError("no run in \(db)") }
            let t0 = WallClock.monotonic()
            guard let data = try SalesScreens.load(store: store, run: run) else { throw CLIError("run \(run.id) has no sales artifacts") }
            let t1 = WallClock.monotonic()
            let screens = data.screens(decisions: .none, export: CustomerScriptExport { _, _ in "" })
            let t2 = WallClock.monotonic()
            print("run \(run.id): \(data.customers.count) customers, \(data.routes.reps.count) reps; \(width)×\(height), median of \(frames) frames")
            print(String(format: "load artifacts %.0f ms · build screens (tables) %.0f ms", (t1 - t0) * 1000, (t2 - t1) * 1000))
            let context = CommandCenterContext(title: "OpsDeck", summary: ["bench"])
            var empty = AppState(screens: [], themeNames: ["default"], theme: "default", width: width, height: height)
            _ = empty.handle(.char("2"))
            let reference = median { _ = CommandCenterView.render(empty, context: context, width: width, height: height, glyphs: .unicode) }
            print(String(format: "reference: placeholder frame %.3f ms", reference * 1000))
            print(pad("frame", 44) + lpad("median", 10) + lpad("×ref", 8) + lpad("budget", 9) + "  verdict")
            let keys = KeyMap.standard
            func key(_ action: Action, _ scope: KeyScope) -> Key { keys.bindings.first { $0.action == action && $0.scope == scope }?.keys.first ?? .char("\u{0}") }
            let cases: [(String, [Key])] = [
                ("2 Territories (map + table)", [.char("2")]),
                ("3 Reps & routes", [.char("3")]),
                ("3 › rep's day (stops, mini-map)", [.char("3"), .enter]),
                ("4 Customers (\(data.customers.count) rows)", [.char("4")]),
                ("4 › customer card", [.char("4"), .enter]),
                ("5 Channels", [.char("5")]),
                ("6 Models & run", [.char("6")]),
            ]
            for (name, path) in cases {
                var app = AppState(screens: screens, themeNames: ["default"], theme: "default", width: width, height: height)
                for k in path { _ = app.handle(k) }
                let t = median { _ = CommandCenterView.render(app, context: context, width: width, height: height, glyphs: .unicode) }
                report(name, t, reference, budget: 0.005)
            }
            // Map redraws: each timed frame is one key (alternating, so the viewport changes every
            // frame and the map's cache never hits) and the frame it causes: all accounts redrawn.
            let t = KeyScope.screen(.territories)
            let steps: [(String, [Key])] = [
                ("zoom in / out", [key(.custom("zoomIn"), t), key(.custom("zoomOut"), t)]),
                ("pan east / west", [key(.custom("panRight"), t), key(.custom("panLeft"), t)]),
                ("pan north / south (zoomed ×2.25)", [key(.custom("panUp"), t), key(.custom("panDown"), t)]),
            ]
            for (name, pair) in steps {
                var app = AppState(screens: screens, themeNames: ["default"], theme: "default", width: width, height: height)
                _ = app.handle(.char("2"))
                if name.hasPrefix("pan north") {
                    _ = app.handle(key(.focusNext, .global))
                    for _ in 0..<2 { _ = app.handle(key(.custom("zoomIn"), t)) }
                }
                var k = 0
                let time = median {
                    _ = app.handle(pair[k % 2])
                    k += 1
                    _ = CommandCenterView.render(app, context: context, width: width, height: height, glyphs: .unicode)
                }
                report("map redraw, \(name)", time, reference, budget: 0.016)
            }
        }
    }

    func openStore() throws -> Store {
        if reuse { return try Store(path: db) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try Store(path: db)
        let config = PipelineConfig(customers: customers, reps: reps, tickets: customers >= 100_000 ? 100_000 : 20_000, seed: seed)
        print("building a \(customers)-customer run into \(db) …")
        var outcome: RunOutcome
        do { outcome = try Pipeline.run(config: config, input: .synthetic, store: store, saveDatasets: true) } catch { throw CLIError(error.description) }
        try Pipeline.save(&outcome, to: store)
        return store
    }

    /// Median seconds of `frames` calls after two warm-up calls.
    func median(_ body: () -> Void) -> Double {
        body(); body()
        var times: [Double] = []
        for _ in 0..<frames {
            let s = WallClock.monotonic()
            body()
            times.append(WallClock.monotonic() - s)
        }
        times.sort()
        return times[times.count / 2]
    }

    func report(_ name: String, _ t: Double, _ reference: Double, budget: Double) {
        print(pad(name, 44) + lpad(String(format: "%.3f ms", t * 1000), 10) + lpad(String(format: "%.1f", t / max(reference, 1e-9)), 8)
              + lpad(String(format: "%.0f ms", budget * 1000), 9) + "  " + (t <= budget ? "met" : "MISSED") + String(format: " (%.2f of budget)", t / budget))
    }

    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
}
