import ArgumentParser
import Engine
import Foundation
import Logging

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline headless, print the stage trace and KPIs, save the run.",
        discussion: """
        Sales weights, targets and capacities come from --config, else from
        $XDG_CONFIG_HOME/opsdeck/sales.json (~/.config/opsdeck/sales.json) when it exists.
        Prep scripts use $XDG_CONFIG_HOME/opsdeck/templates/prep_script.mustache when it exists;
        the SLA stage uses $XDG_CONFIG_HOME/opsdeck/sla.conf when it exists.
        A store that holds imports runs on the latest import of each kind (either desk runs on
        its own: tickets without customers run the support side); --demo generates the seeded
        demo instead, which never shadows an import.
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(parsing: .unconditional, help: "Customers to generate.") var customers = 3200
    @Option(parsing: .unconditional, help: "Reps to generate.") var reps = 20
    @Option(parsing: .unconditional, help: "Tickets to generate.") var tickets = 20_000
    @Option(parsing: .unconditional, help: "Seed for every random choice.") var seed: UInt64 = 42
    @Option(help: ArgumentHelp("Sales config (JSON): NBA weights, targets, capacities.", valueName: "file")) var config: String?
    @Option(parsing: .unconditional, help: "Worker threads.") var threads = 2
    @Option(help: ArgumentHelp("Travel times from your own router: an OSRM table response (.json, with an \"ids\" list) or a CSV of from,to,seconds, keyed by account and rep ids; pairs it lacks use straight-line × detour.",
                               valueName: "file")) var travelMatrix: String?
    @Flag(help: "Use the latest imported datasets (the default when the store holds any).") var fromStore = false
    @Flag(help: "Generate the seeded demo even when the store holds imports.") var demo = false
    @Flag(help: "Do not save the run.") var dryRun = false
    @OptionGroup var logging: LogOptions

    func validate() throws {
        try OptionCheck.count(customers, "--customers", 0...1_000_000)
        try OptionCheck.count(reps, "--reps", 0...1_000)
        try OptionCheck.count(tickets, "--tickets", 0...10_000_000)
        try OptionCheck.count(threads, "--threads", 1...64)
        guard !(demo && fromStore) else { throw ValidationError("--demo and --from-store exclude each other") }
    }

    func run() throws {
        try reportingErrors {
            let log = logging.logger("run"), started = ContinuousClock.now
            let env = ProcessInfo.processInfo.environment
            let sales = try SalesConfigFile.load(explicit: config, environment: env)
            let template: PrepScriptTemplate
            do { template = try PrepScriptTemplate.load(environment: env) } catch let e as SalesError { throw CLIError(e.description) }
            let slaPolicy = try SLAExport.policy(environment: env)
            var cfg = PipelineConfig(customers: customers, reps: reps, tickets: tickets, seed: seed, sales: sales, threads: threads)
            if let travelMatrix {
                do throws(InputError) {
                    let opened = try TravelMatrixFile.open(Self.absolute(travelMatrix))
                    cfg.travelMatrix = opened.file
                    print("travel matrix: \(opened.matrix.source), \(opened.matrix.count) pairs (fingerprint \(opened.file.fingerprint))")
                } catch { throw CLIError(error.description) }
            }
            let db = try store.open()
            let imported = try db.hasImports()
            if fromStore && !imported {
                throw CLIError("the store at \(db.path) holds no imported data; import some (opsdeck import tickets FILE) or drop --from-store")
            }
            let useImports = !demo && imported
            if useImports { print(try ImportedData.summary(db)) }
            log.info("run started", metadata: [
                "input": .string(useImports ? "imports" : "synthetic"), "customers": "\(customers)", "reps": "\(reps)",
                "tickets": "\(tickets)", "seed": "\(seed)", "threads": "\(threads)", "store": .string(db.path)])
            var outcome: RunOutcome
            do {
                outcome = try Pipeline.run(config: cfg, input: useImports ? .stored(customers: nil, reps: nil, tickets: nil) : .synthetic,
                                           store: db, template: template, slaPolicy: slaPolicy, saveDatasets: !dryRun,
                                           progress: { stage in log.debug("stage started", metadata: ["stage": .string(stage), "at": elapsed(since: started)]) })
            } catch let e as PipelineError { throw CLIError(e.description) }
            RunLog.stages(outcome, to: log)
            print(outcome.trace.rendered())
            print("")
            print(KPIReport.rendered(outcome.kpis))
            if let s = outcome.sales { print(""); print(RunSummary.channels(s)) }
            for r in outcome.gateReports where r.rowsRejected > 0 || !r.findings.isEmpty { print(r.rendered()) }
            if !dryRun {
                let id = try Pipeline.save(&outcome, to: db)
                try db.audit(user: Terminal.user, event: "run", detail: "run \(id) seed \(seed)")
                print("\nsaved run \(id) to \(db.path)")
                log.info("run saved", metadata: ["run": "\(id)", "store": .string(db.path), "seconds": elapsed(since: started)])
            }
        }
    }
}

extension RunCommand {
    /// The matrix's path as saved with the run: absolute, so a screen opened elsewhere finds it.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// The finished run for the log: each stage with its timing and counts, each gate's rows.
enum RunLog {
    static func stages(_ outcome: RunOutcome, to log: Logger) {
        for s in outcome.trace.stages {
            var m: Logger.Metadata = ["stage": .string(s.name), "start": .string(String(format: "%.3f", s.start)),
                                      "seconds": .string(String(format: "%.3f", s.seconds))]
            for c in s.counts { m[c.name] = "\(c.value)" }
            log.info("stage finished", metadata: m)
            for w in s.warnings { log.notice("stage warning", metadata: ["stage": .string(s.name), "warning": .string(w)]) }
        }
        for r in outcome.gateReports {
            log.info("rows gated", metadata: ["dataset": .string(r.dataset), "file": .string(r.file), "read": "\(r.rowsRead)",
                                              "kept": "\(r.rowsKept)", "refused": "\(r.rowsRejected)"])
        }
    }
}

/// Finds and parses the sales config file.
enum SalesConfigFile {
    static func defaultPath(_ env: [String: String]) -> String? {
        UserPaths.configFile("sales.json", environment: env)
    }

    static func load(explicit: String?, environment env: [String: String]) throws -> SalesConfig {
        let path: String
        if let explicit { try InputPath.check(explicit, "sales config"); path = explicit } else {
            guard let p = defaultPath(env), FileSystem.exists(p) else { return SalesConfig() }
            path = p
        }
        do {
            return try SalesConfig.parse(try FileSystem.read(path), source: path)
        } catch let e as SalesError {
            throw CLIError(e.description)
        } catch let e as FileSystem.Failure {
            throw CLIError("cannot read the sales config: \(e.description)")
        }
    }
}

enum RunSummary {
    static func channels(_ s: SalesRun) -> String {
        // demand = today + later + beyond = best fit + in − out (see ChannelSummary).
        var lines = ["channel        capacity   demand  today  later  beyond  best fit    in   out  confidence"]
        for c in s.allocation.summary {
            lines.append(pad(c.channel.rawValue, 14) + lpad(String(c.capacity), 9) + lpad(String(c.demand), 9) + lpad(String(c.allocated), 7)
                         + lpad(String(c.deferred), 7) + lpad(String(c.beyondHorizon), 8) + lpad(String(c.bestFit), 10)
                         + lpad(String(c.movedIn), 6) + lpad(String(c.movedOut), 6) + lpad(String(Int((c.confidence * 100).rounded())) + "%", 12))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    static func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
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
