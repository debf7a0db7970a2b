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
            let now = try current.map(Self.policy(file:)) ?? SLAExport.policy(environment: env)
            let proposed = try Self.policy(file: policy)
            let (history, extras, source) = try self.history(statuses: now.statusMapping)
            let trainer: any BreachModelTrainer = model == "gbm" ? Pipeline.breachTrainer(seed: seed) : NaiveBayesBreachTrainer()
            let replay: PolicyReplay
            do {
                replay = try PolicyReplay.run(tickets: history, extras: extras, current: now, proposed: proposed, capacity: capacity,
                                              options: .init(folds: 3, seed: seed), trainer: trainer)
            } catch let e as SLAPolicyError { throw CLIError(e.description) }
            print("SLA replay on \(source); breach model: \(replay.modelName), 3 folds out of fold")
            print("")
            let dir = env["XDG_CONFIG_HOME"].map { $0 + "/opsdeck" } ?? env["HOME"].map { $0 + "/.config/opsdeck" }
            let hasConf = dir.map { FileManager.default.fileExists(atPath: $0 + "/sla.conf") } ?? false
            print(SLAReplayReport.rendered(replay, currentName: current ?? (hasConf ? "current (sla.conf)" : "current (defaults)"),
                                           proposedName: policy))
        }
    }

    static func policy(file: String) throws -> SLAPolicy {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError("cannot read \(file) as UTF-8 text") }
        do { return try SLAPolicy.parse(text, file: file) } catch let e as SLAPolicyError { throw CLIError(e.description) }
    }

    /// The tickets a run would analyse: the latest import (gated, with its own columns), or the demo.
    func history(statuses: StatusMapping) throws -> ([Ticket], CustomerExtras?, String) {
        let db = try store.open()
        if !demo, let d = try db.latestImport(kind: "tickets") {
            let loaded = try db.tickets(dataset: d.id, statuses: statuses)
            let (kept, _) = QualityGates.tickets(loaded, source: "tickets")
            let extras = try db.customerExtras(dataset: d.id).map { $0.aligned(fromIDs: loaded.map(\.id), toIDs: kept.map(\.id)) }
            return (kept, extras, "tickets dataset \(d.id) (\(kept.count) tickets from \(d.source))")
        }
        let cfg = PipelineConfig(tickets: tickets, seed: seed)
        let generated = TicketGenerator(seed: seed, days: cfg.ticketDays, asOfDay: cfg.asOfDay)
            .generate(count: tickets, customerCount: cfg.customers, customerID: CustomerGenerator.id)
        let (kept, _) = QualityGates.tickets(generated, source: "tickets")
        return (kept, nil, "the demo desk (\(kept.count) tickets, seed \(seed))")
    }
}

/// The replay as text: one row per figure, the two policies and the change side by side.
enum SLAReplayReport {
    static func rendered(_ r: PolicyReplay, currentName: String, proposedName: String) -> String {
        let a = r.current, b = r.proposed
        var rows: [(String, String, String, String)] = []
        func add(_ name: String, _ x: String, _ y: String, _ d: String = "") { rows.append((name, x, y, d)) }
        add("", currentName, proposedName, "change")
        add("resolved tickets", count(a.resolved), count(b.resolved))
        add("clocked on some target", count(a.clocked), count(b.clocked), signed(Double(b.clocked - a.clocked)))
        for m in SLAMetric.allCases {
            let x = a.metrics.first { $0.metric == m }, y = b.metrics.first { $0.metric == m }
            guard x != nil || y != nil else { continue }
            let show = { (c: PolicyReplay.MetricCount?) in c.map { "\(count($0.breaches)) of \(count($0.clocked))" } ?? "not clocked" }
            add("\(m.title) breaches", show(x), show(y), signed(Double((y?.breaches ?? 0) - (x?.breaches ?? 0))))
        }
        add("tickets breached", count(a.breaches), count(b.breaches), signed(Double(b.breaches - a.breaches)))
        add("breach cost", money(a.breachCost), money(b.breachCost), signed(b.breachCost - a.breachCost))
        add("escalations per day", capacity(a), capacity(b))
        add("reviews", count(a.escalation.reviews), count(b.escalation.reviews), signed(Double(b.escalation.reviews - a.escalation.reviews)))
        add("breaches prevented", money(a.escalation.breachesPrevented), money(b.escalation.breachesPrevented),
            signed(b.escalation.breachesPrevented - a.escalation.breachesPrevented))
        add("breach cost avoided", money(a.escalation.grossSavings), money(b.escalation.grossSavings),
            signed(b.escalation.grossSavings - a.escalation.grossSavings))
        add("cost of reviews", money(a.escalation.operationsCost), money(b.escalation.operationsCost),
            signed(b.escalation.operationsCost - a.escalation.operationsCost))
        add("net savings", money(a.escalation.netSavings), money(b.escalation.netSavings),
            signed(b.escalation.netSavings - a.escalation.netSavings))
        let w0 = rows.map(\.0.count).max() ?? 0, w1 = rows.map(\.1.count).max() ?? 0, w2 = rows.map(\.2.count).max() ?? 0
        return rows.map { r in
            pad(r.0, w0) + "  " + left(r.1, w1) + "  " + left(r.2, w2) + "  " + r.3
        }.joined(separator: "\n").replacingOccurrences(of: " +\n", with: "\n", options: .regularExpression)
    }

    static func capacity(_ o: PolicyReplay.Outcome) -> String { "\(o.capacity)" + (o.capacitySuggested ? " (suggested)" : "") }
    static func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    static func left(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
    static func count(_ n: Int) -> String { grouped(String(abs(n)), negative: n < 0) }
    static func money(_ x: Double) -> String {
        let r = x.rounded()
        return grouped(String(Int64(abs(r))), negative: r < 0)
    }
    static func signed(_ x: Double) -> String {
        let r = x.rounded()
        return r == 0 ? "0" : (r > 0 ? "+" : "") + money(r)
    }
    static func grouped(_ digits: String, negative: Bool) -> String {
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(" ") }
            out.append(ch)
        }
        return (negative ? "−" : "") + out
    }
}
