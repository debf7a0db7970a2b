import ArgumentParser
import Engine
import Foundation

/// `opsdeck sla …`: the support desk's policy tools.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla", abstract: "SLA policy tools.", subcommands: [SLAReplayCommand.self])
}

/// `opsdeck sla replay --policy FILE`: prices a proposed SLA policy on the desk's history
/// against the current one (sla.conf), side by side.
struct SLAReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Price a proposed SLA policy on the desk's history against the current one.",
        discussion: """
        Re-clocks every resolved ticket under each policy (targets per metric, policies matched \
        in order, calendars, pauses), learns its breaches out of fold and replays the daily \
        escalations at the policy's capacity (its `capacity` line, else the suggested one; \
        --capacity sets both). History: the store's latest tickets import, else (or with \
        --demo) the seeded demo desk. The current policy is $XDG_CONFIG_HOME/opsdeck/sla.conf \
        (the defaults without one) unless --current names another file.
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The proposed policy (sla.conf format).", valueName: "file")) var policy: String
    @Option(help: ArgumentHelp("The policy to compare against (default: the desk's sla.conf).", valueName: "file")) var current: String?
    @Option(parsing: .unconditional, help: "Escalations per day under both policies (default: each policy's own).") var capacity: Int?
    @Option(help: "Breach model: baseline (naive Bayes, fast) or gbm (the run's gradient boosting).") var model = "baseline"
    @Flag(help: "Replay on the seeded demo desk even when the store holds a tickets import.") var demo = false
    @Option(parsing: .unconditional, help: "Demo tickets to generate.") var tickets = 20_000
    @Option(parsing: .unconditional, help: "Seed for the demo and the out-of-fold split.") var seed: UInt64 = 42

    func validate() throws {
        try OptionCheck.count(tickets, "--tickets", 1...10_000_000)
        if let capacity { try OptionCheck.count(capacity, "--capacity", 0...1_000_000) }
        guard ["baseline", "gbm"].contains(model) else { throw ValidationError("--model: expected baseline or gbm, got \(model)") }
    }

    func run() throws {
        try reportingErrors {
            let env = ProcessInfo.processInfo.environment
            let now = try current.map(SLAExport.policy(file:)) ?? SLAExport.policy(environment: env)
            let proposed = try SLAExport.policy(file: policy)
            let (history, extras, source) = try self.history(statuses: now.statusMapping)
            let trainer: any BreachModelTrainer = model == "gbm" ? Pipeline.breachTrainer(seed: seed) : NaiveBayesBreachTrainer()
            let replay: PolicyReplay
            do {
                replay = try PolicyReplay.run(tickets: history, extras: extras, current: now, proposed: proposed, capacity: capacity,
                                              options: .init(folds: 3, seed: seed), trainer: trainer)
            } catch let e as SLAPolicyError { throw CLIError(e.description) }
            print("SLA replay on \(source); breach model: \(replay.modelName), 3 folds out of fold")
            print("")
            print(SLAReplayReport.rendered(replay, currentName: current ?? SLAExport.currentPolicyName(environment: env),
                                           proposedName: policy))
        }
    }

    /// The tickets a run would analyse: the latest import (gated, with its own columns), or the demo.
    func history(statuses: StatusMapping) throws -> ([Ticket], CustomerExtras?, String) {
        let db = try store.open()
        if !demo, let d = try db.latestImport(kind: "tickets") {
            let (kept, extras) = try Self.gatedTickets(db, dataset: d.id, statuses: statuses)
            return (kept, extras, "tickets dataset \(d.id) (\(kept.count) tickets from \(d.source))")
        }
        let cfg = PipelineConfig(tickets: tickets, seed: seed)
        let generated = TicketGenerator(seed: seed, days: cfg.ticketDays, asOfDay: cfg.asOfDay)
            .generate(count: tickets, customerCount: cfg.customers, customerID: CustomerGenerator.id)
        let (kept, _) = QualityGates.tickets(generated, source: "tickets")
        return (kept, nil, "the demo desk (\(kept.count) tickets, seed \(seed))")
    }

    /// A tickets dataset as a run analyses it: through the ticket gates, with the extra
    /// columns of the tickets they kept.
    static func gatedTickets(_ db: Store, dataset: Int64, statuses: StatusMapping) throws -> ([Ticket], CustomerExtras?) {
        let loaded = try db.tickets(dataset: dataset, statuses: statuses)
        let (kept, _) = QualityGates.tickets(loaded, source: "tickets")
        let extras = try db.customerExtras(dataset: dataset).map { $0.aligned(fromIDs: loaded.map(\.id), toIDs: kept.map(\.id)) }
        return (kept, extras)
    }
}
