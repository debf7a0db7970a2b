import ArgumentParser
import Dispatch
import Engine
import Foundation
import OpsDeckCLI
import Synchronization

/// Issue 20's two measures, PostgreSQL against SQLite in the same sitting: saving and loading
/// one run (its datasets, run row and artifacts), and managers escalating concurrently.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Save and load a run, and concurrent escalations, on PostgreSQL against SQLite.")

    @Option(help: "A PostgreSQL server (its maintenance database), e.g. postgresql://opsdeck@127.0.0.1:54329/postgres?sslmode=disable.")
    var postgres: String
    @Option(help: "Customers in the run.") var customers = 100_000
    @Option(help: "Tickets in the run.") var tickets = 100_000
    @Option(help: "Alternated save-and-load rounds.") var rounds = 3
    @Option(help: "Concurrent escalating clients.") var clients = 8
    @Option(help: "Seconds the clients escalate.") var seconds = 60.0
    @Option(help: "Tickets the clients share.") var subjects = 500
    @Flag(help: "Only the concurrent escalations.") var concurrencyOnly = false

    func run() throws {
        try reportingErrors {
            if !concurrencyOnly { try saveAndLoad() }
            try concurrency()
        }
    }

    private func place(_ kind: String, _ label: String) throws -> String {
        if kind == "sqlite" {
            let path = "/tmp/opsdeck-bench-store-\(label)-\(getpid()).sqlite"
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
            return path
        }
        return try PostgresAdmin.freshDatabase("bench_\(label)_\(getpid())", server: postgres)
    }

    private func saveAndLoad() throws {
        var config = PipelineConfig(customers: customers, tickets: tickets, seed: 42)
        config.demo = true
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        print("run of \(customers) customers, \(outcome.reps.count) reps, \(tickets) tickets computed; saving and loading it \(rounds)× per store, alternated")
        var times: [String: [(save: Double, load: Double)]] = [:]
        for round in 1...rounds {
            for kind in ["sqlite", "postgres"] {
                let path = try place(kind, "run\(round)")
                let store = try Store(path: path)
                var copy = outcome
                let t0 = WallClock.monotonic()
                let id = try Pipeline.save(&copy, to: store)
                let t1 = WallClock.monotonic()
                let reader = try Store(path: path)
                let l0 = WallClock.monotonic()
                guard let run = try reader.storedRun(id: id) else { throw CLIError("run \(id) did not come back") }
                var bytes = 0
                for name in try reader.artifactNames(run: id) { bytes += try reader.artifact(run: id, name: name)?.count ?? 0 }
                let c = try reader.customers(dataset: run.customersDataset ?? -1)
                let r = try reader.reps(dataset: run.repsDataset ?? -1)
                let t = try reader.tickets(dataset: run.ticketsDataset ?? -1)
                let l1 = WallClock.monotonic()
                guard c == outcome.customers, r == outcome.reps, t.count == outcome.tickets.count else {
                    throw CLIError("\(kind): the loaded datasets differ from the saved ones")
                }
                times[kind, default: []].append((t1 - t0, l1 - l0))
                print(String(format: "  round %d %-8@ save %.3f s, load %.3f s (%d artifact bytes)", round, kind as NSString, t1 - t0, l1 - l0, bytes))
            }
        }
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
        let sq = times["sqlite"] ?? [], pg = times["postgres"] ?? []
        let ss = median(sq.map(\.save)), sl = median(sq.map(\.load)), ps = median(pg.map(\.save)), pl = median(pg.map(\.load))
        print(String(format: "median save: SQLite %.3f s, PostgreSQL %.3f s → %.2f×", ss, ps, ps / ss))
        print(String(format: "median load: SQLite %.3f s, PostgreSQL %.3f s → %.2f×", sl, pl, pl / sl))
        print(String(format: "save + load: %.2f× SQLite's time (goal ≤ 3×)", (ps + pl) / (ss + sl)))
    }

    /// Each client opens its own store (its own connections, as a manager's terminal does),
    /// picks tickets with its own seeded stream and escalates them; a ticket another client
    /// escalated first is refused ("already escalated by …") and then withdrawn instead.
    private func concurrency() throws {
        for kind in ["postgres", "sqlite"] {
            let path = try place(kind, "race")
            let setup = try Store(path: path)
            let counts = Counts()
            let stores = try (0..<clients).map { _ in try Store(path: path) }
            let end = WallClock.monotonic() + seconds
            let actions = ["escalate", "de-escalate"]
            DispatchQueue.concurrentPerform(iterations: clients) { i in
                var rng = SeededRNG(seed: UInt64(1000 + i))
                while WallClock.monotonic() < end {
                    let subject = "T\(Int.random(in: 0..<subjects, using: &rng))"
                    for action in actions {
                        do {
                            try stores[i].recordDecision(run: nil, user: "m\(i)", action: action, subject: subject, exclusive: actions)
                            counts.recorded()
                            break
                        } catch {
                            if "\(error)".contains("is already") { counts.refused(); continue }
                            counts.failed("\(error)")
                            break
                        }
                    }
                }
            }
            let decisions = try setup.decisions(run: nil)
            var doubled = 0
            var state: [String: String] = [:]
            for d in decisions {
                if state[d.subject] == d.action || (state[d.subject] == nil && d.action != "escalate") { doubled += 1 }
                state[d.subject] = d.action
            }
            let recorded = counts.total
            print(String(format: "%@: %d clients × %.0f s on %d tickets: %d decisions (%.0f/s), %d refused as already decided, %d failed; stored %d → lost %d, doubled %d",
                         kind as NSString, clients, seconds, subjects, recorded, Double(recorded) / seconds, counts.refusals,
                         counts.failures.count, decisions.count, recorded - decisions.count, doubled))
            if let f = counts.failures.first { print("  first failure: \(f)") }
        }
    }

    /// What the clients did, tallied under one lock.
    final class Counts: Sendable {
        private let state = Mutex<(recorded: Int, refused: Int, failures: [String])>((0, 0, []))
        func recorded() { state.withLock { $0.recorded += 1 } }
        func refused() { state.withLock { $0.refused += 1 } }
        func failed(_ why: String) { state.withLock { $0.failures.append(why) } }
        var total: Int { state.withLock { $0.recorded } }
        var refusals: Int { state.withLock { $0.refused } }
        var failures: [String] { state.withLock { $0.failures } }
    }
}
