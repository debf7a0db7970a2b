import ArgumentParser
import Engine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline headless, print the stage trace and KPIs, save the run."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Customers to generate.") var customers = 3200
    @Option(help: "Reps to generate.") var reps = 20
    @Option(help: "Tickets to generate.") var tickets = 20_000
    @Option(help: "Seed for every random choice.") var seed: UInt64 = 42
    @Flag(help: "Use the latest imported datasets in the store instead of generating.") var fromStore = false
    @Flag(help: "Do not save the run.") var dryRun = false

    func validate() throws {
        guard customers >= 0, reps >= 0, tickets >= 0 else { throw ValidationError("counts must be zero or more") }
    }

    func run() throws {
        try reportingErrors {
            let config = PipelineConfig(customers: customers, reps: reps, tickets: tickets, seed: seed)
            let db = try store.open()
            var outcome = try Pipeline.run(config: config, input: fromStore ? .stored(customers: nil, reps: nil, tickets: nil) : .synthetic,
                                           store: db)
            print(outcome.trace.rendered())
            print("")
            print(KPIReport.rendered(outcome.kpis))
            for r in outcome.gateReports where r.rowsRejected > 0 || !r.findings.isEmpty { print(r.rendered()) }
            if !dryRun {
                let id = try Pipeline.save(&outcome, to: db)
                try db.audit(user: Terminal.user, event: "run", detail: "run \(id) seed \(seed)")
                print("\nsaved run \(id) to \(db.path)")
            }
        }
    }
}

enum KPIReport {
    static func rendered(_ kpis: [KPI]) -> String {
        let width = max(10, kpis.map(\.name.count).max() ?? 0)
        return kpis.map { k in
            let name = k.name + String(repeating: " ", count: max(0, width - k.name.count))
            let value = k.value == k.value.rounded() && abs(k.value) < 1e12 ? String(Int64(k.value)) : String(format: "%.4f", k.value)
            var line = "\(name)  \(value)"
            if let t = k.target {
                let tv = t == t.rounded() ? String(Int64(t)) : String(format: "%.4f", t)
                line += "  (target \(k.higherIsBetter ? "≥" : "≤") \(tv): \(k.met ? "met" : "MISSED"))"
            }
            return line
        }.joined(separator: "\n")
    }
}
