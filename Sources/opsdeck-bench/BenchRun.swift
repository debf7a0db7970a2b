import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench run`: the whole pipeline end to end per size (generate → gates → every
/// stage → save into a throwaway store), with time per stage, total, peak RSS and the ratio
/// to the goal for that size.
struct BenchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Time `opsdeck run` end to end per size: stages, total, peak RSS, ratio to the goal.")

    @Option(help: "Customer counts, comma-separated, run in this order (peak RSS is the process's so far: go ascending).")
    var sizes = "3200,20000,100000"
    @Option(help: "Reps.") var reps = 20
    @Option(help: "Seed.") var seed: UInt64 = 42
    @Option(help: "Worker threads.") var threads = 2
    @Option(help: "Throwaway store the runs are saved to (deleted first).") var db = "/tmp/opsdeck-bench-run.sqlite"

    static let goals: [Int: Double] = [3_200: 0.3, 20_000: 1.5, 100_000: 6, 1_000_000: 90]

    func run() throws {
        try reportingErrors {
            let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw CLIError("--sizes needs positive counts, e.g. 3200,20000") }
            for n in counts {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
                let store = try Store(path: db)
                let tickets = n >= 100_000 ? 100_000 : 20_000
                let config = PipelineConfig(customers: n, reps: reps, tickets: tickets, seed: seed, threads: threads)
                let c0 = cpuSeconds()
                let t0 = WallClock.monotonic()
                var outcome: RunOutcome
                do { outcome = try Pipeline.run(config: config, input: .synthetic, store: store, saveDatasets: true) } catch let e as PipelineError {
                    throw CLIError(e.description)
                }
                let t1 = WallClock.monotonic()
                try Pipeline.save(&outcome, to: store)
                let t2 = WallClock.monotonic()
                let total = t2 - t0
                print("== \(n) customers, \(reps) reps, \(tickets) tickets, seed \(seed), \(threads) threads")
                for s in outcome.trace.stages { print(pad(s.name, 24) + lpad(ms(s.seconds), 10)) }
                print(pad("save run (store)", 24) + lpad(ms(t2 - t1), 10))
                print(pad("total", 24) + lpad(ms(total), 10) + String(format: "   CPU %.2f s   peak RSS %.0f MiB", cpuSeconds() - c0, peakRSSMiB()))
                if let goal = Self.goals[n] {
                    print(String(format: "goal ≤ %.1f s: %@ (time/goal %.2f)", goal, total <= goal ? "met" : "MISSED", total / goal))
                }
                print("")
            }
        }
    }

    /// User + system CPU of this process: a second view of the cost when other jobs share the cores.
    func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    func ms(_ s: Double) -> String { s < 10 ? String(format: "%.0f ms", s * 1000) : String(format: "%.2f s", s) }
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
}
