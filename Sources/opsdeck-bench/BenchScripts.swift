import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench scripts`: the prep-script stage of a seeded run rendered three ways in the
/// same process — swift-mustache over a `[String: Any]` tree per contact (the reference), over
/// typed nodes per contact, and once per shape of script with each script filling its shape's
/// plan (what the run does) — with the time of each, the ratio to the reference, and whether
/// every script came out byte for byte the same.
struct BenchScripts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scripts",
        abstract: "Render a run's prep scripts planned, typed and from dictionaries: ms, ratio, identical output.")

    @Option(help: "Customers.") var customers = 3_200
    @Option(help: "Reps.") var reps = 20
    @Option(help: "Tickets.") var tickets = 20_000
    @Option(help: "Seed.") var seed: UInt64 = 42
    @Option(help: "Worker threads.") var threads = 2
    @Option(help: "Timing repeats of each way, interleaved (the minimum is reported).") var repeats = 5

    func run() throws {
        try reportingErrors {
            let config = PipelineConfig(customers: customers, reps: reps, tickets: tickets, seed: seed, threads: threads)
            let outcome: RunOutcome
            do { outcome = try Pipeline.run(config: config, input: .synthetic, store: nil) } catch let e as PipelineError { throw CLIError(e.description) }
            let template: PrepScriptTemplate
            do { template = try PrepScriptTemplate.builtIn() } catch let e as SalesError { throw CLIError(e.description) }
            let ways: [(PrepScriptBuilder.Context, String)] = [
                (.dictionary, "dictionary context (reference)"), (.typed, "typed nodes, one render each"),
                (.planned, "planned per shape (the run)")]
            var best = [Double](repeating: .infinity, count: ways.count)
            var out = [[SalesRun.Script]](repeating: [], count: ways.count)
            for _ in 0..<max(1, repeats) {
                for (k, way) in ways.enumerated() {
                    let t0 = WallClock.monotonic()
                    out[k] = PrepScriptBuilder.scripts(for: outcome, template: template, context: way.0)
                    best[k] = min(best[k], WallClock.monotonic() - t0)
                }
            }
            let reference = out[0]
            print("== prep scripts of a \(customers)-customer run (seed \(seed), \(threads) threads): \(reference.count) scripts, "
                  + "\(reference.map(\.text.utf8.count).reduce(0, +) / 1024) KiB; best of \(repeats)")
            var differing = 0
            for (k, way) in ways.enumerated() {
                let d = zip(reference, out[k]).filter { a, b in a.account != b.account || a.channel != b.channel || a.day != b.day || !a.text.utf8.elementsEqual(b.text.utf8) }.count + abs(reference.count - out[k].count)
                differing += d
                print(way.1.padding(toLength: 32, withPad: " ", startingAt: 0)
                      + String(format: "%8.1f ms   %5.1f× faster than the reference   %d scripts differ", best[k] * 1000,
                               best[0] / max(best[k], 1e-9), d))
            }
            if differing > 0 { throw CLIError("\(differing) scripts differ from the reference rendering") }
        }
    }
}
