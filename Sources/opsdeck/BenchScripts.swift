import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench scripts`: the prep-script stage of a seeded run rendered both ways in the
/// same process — swift-mustache over typed context nodes (what the run does) and over a
/// `[String: Any]` tree per contact (the reference) — with the time of each, the ratio, and
/// whether every script came out byte for byte the same.
struct BenchScripts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scripts",
        abstract: "Render a run's prep scripts from typed nodes vs dictionaries: ms, ratio, identical output.")

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
            var best: [PrepScriptBuilder.Context: Double] = [:]
            var out: [PrepScriptBuilder.Context: [SalesRun.Script]] = [:]
            for _ in 0..<max(1, repeats) {
                for way in [PrepScriptBuilder.Context.dictionary, .typed] {
                    let t0 = WallClock.monotonic()
                    out[way] = PrepScriptBuilder.scripts(for: outcome, template: template, context: way)
                    best[way] = min(best[way] ?? .infinity, WallClock.monotonic() - t0)
                }
            }
            let old = out[.dictionary] ?? [], new = out[.typed] ?? []
            let differing = zip(old, new).filter { $0 != $1 }.count + abs(old.count - new.count)
            let dict = best[.dictionary] ?? 0, typed = best[.typed] ?? 0
            print("== prep scripts of a \(customers)-customer run (seed \(seed), \(threads) threads): \(new.count) scripts, "
                  + "\(new.map(\.text.utf8.count).reduce(0, +) / 1024) KiB; best of \(repeats)")
            print(String(format: "dictionary context (reference)  %8.1f ms", dict * 1000))
            print(String(format: "typed context nodes             %8.1f ms", typed * 1000))
            print(String(format: "speed-up %.1f×; scripts differing: %d", dict / max(typed, 1e-9), differing))
            if differing > 0 { throw CLIError("the typed context rendered \(differing) scripts differently from the reference") }
        }
    }
}
