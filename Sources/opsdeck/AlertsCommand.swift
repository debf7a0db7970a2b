import ArgumentParser
import Engine
import Foundation

/// `opsdeck alerts check`: the alert rules of `alerts.conf` over the latest run's open queue,
/// for a server's cron or to try a rule before the screen shows it.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Alert rules (alerts.conf) over the SLA queue.",
        subcommands: [AlertsCheckCommand.self]
    )
}

struct AlertsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate alerts.conf over the latest run's open queue, print the alerts and run their hooks.",
        discussion: """
        Rules are read from alerts.conf in $XDG_CONFIG_HOME/opsdeck/ (else ~/.config/opsdeck/). \
        Each (ticket, rule) that holds is printed once as ticket, rule, p, left, elapsed share, \
        expected loss; with --state, only those that were not holding at the previous check. \
        With --at, an unpaused ticket's clock moves with the wall clock from the run's time; p \
        and expected loss stay as the run scored them until the ticket passes its target.
        """
    )

    @Option(help: "The instant to evaluate at, ISO 8601 (default: the run's time).") var at: String?
    @Flag(name: .customLong("dry-run"), help: "Print the alerts without running any hook.") var dryRun = false
    @Option(help: "alerts.conf to read (default: the one in the config folder).") var rules: String?
    @Option(name: .customLong("state"), help: "JSON file keeping which alerts already fired and when hooks ran, so a repeated check (cron) alerts only on what is new.")
    var statePath: String?
    @Option(name: .customLong("run"), help: "Run id (default: the latest).") var runId: Int64?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let config = try Self.config(path: rules)
            let at = try at.map { text in
                guard let t = CivilDate.parseTimestamp(Substring(text)) else {
                    throw CLIError("--at '\(text)': expected an ISO 8601 time such as 2026-12-01T09:30Z")
                }
                return t
            }
            let context = try ExportContext(store: try store.open(create: false), runId: runId)
            let snapshot = try context.slaSnapshot()
            let now = at ?? snapshot.now
            let inputs = AlertInput.rows(snapshot.rows, clockedAt: snapshot.now, at: now, interventionCost: snapshot.policy.interventionCost)
            var saved = try statePath.map(Self.loadState) ?? SavedState()
            let (alerts, next) = AlertEvaluator.evaluate(config.rules, inputs: inputs, state: saved.alerts, at: now)
            let outcomes = dryRun ? alerts.map { _ in nil } : saved.hooks.dispatch(alerts, config: config, runner: AlertShellRunner())
            // A dry run leaves the state as it was, so the real run still fires.
            if let statePath, !dryRun {
                saved.alerts = next
                do { try FileSystem.write(statePath, Array(try JSONEncoder().encode(saved))) } catch {
                    throw CLIError("cannot write \(statePath): \(error)")
                }
            }
            print("\(alerts.count) alert\(alerts.count == 1 ? "" : "s") at \(CivilDate.format(seconds: now)) UTC, run \(context.run.id), \(inputs.count) open tickets, \(config.rules.count) rules")
            for (a, outcome) in zip(alerts, outcomes) { print(Self.line(a, hook: outcome)) }
            let skipped = outcomes.filter { $0 == .rateLimited }.count
            if skipped > 0 { print("\(skipped) hook run\(skipped == 1 ? "" : "s") skipped by hook.min_interval = \(config.hookMinInterval)s") }
        }
    }

    /// One alert: `T-1  late-and-likely  p 0.83  left 1h20m  elapsed 67%  loss 312.50  hook ran`.
    static func line(_ a: Alert, hook: AlertHookOutcome?) -> String {
        let v = AlertHookCommand.values(a)
        let share = a.input.target > 0 ? fixedDecimal(Double(a.input.elapsed) * 100 / Double(a.input.target), 0) + "%" : "-"
        var s = "\(TerminalText.safe(a.ticket))  \(a.rule)  p \(v["p"] ?? "")  left \(v["left"] ?? "")  elapsed \(share)  loss \(v["expected_loss"] ?? "")"
        switch hook {
        case nil: break
        case .ran(let status)?: s += status == 0 ? "  hook ran" : "  hook exited \(status)"
        case .timedOut?: s += "  hook timed out"
        case .failedToStart(let why)?: s += "  hook failed to start: \(why)"
        case .rateLimited?: s += "  hook skipped (rate limit)"
        }
        return s
    }

    /// What `--state` keeps between checks.
    struct SavedState: Codable {
        var alerts = AlertState()
        var hooks = AlertHookSchedule()
    }

    static func loadState(_ path: String) throws -> SavedState {
        guard FileSystem.exists(path) else { return SavedState() }
        do { return try JSONDecoder().decode(SavedState.self, from: Data(try FileSystem.read(path))) } catch {
            throw CLIError("\(path): expected the alert state a previous `opsdeck alerts check --state` wrote (\(error))")
        }
    }

    /// No file means no rules (nothing to alert on), not an error.
    static func config(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AlertConfig {
        guard let file = path ?? UserPaths.configFile("alerts.conf", environment: environment) else { return AlertConfig() }
        if path == nil, !FileSystem.exists(file) { return AlertConfig() }
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(file) } catch { throw CLIError("cannot read \(file): \(error)") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CLIError("\(file): expected UTF-8 text") }
        return try AlertRuleParser.parse(text, file: file)
    }
}
