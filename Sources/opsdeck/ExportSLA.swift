import Engine
import Foundation

/// The SLA tables `opsdeck export` writes: `queue`, `sla-backtest`, `sla-curve`,
/// `sla-diagnostics`, from what the run saved: the first three from its SLA snapshot (what the
/// SLA screen shows), the diagnostics from `sla_diagnostics.csv`. Nothing is refitted, so an
/// export always agrees with the saved run. Numbers have fixed decimals (same run, same bytes).
enum SLAExport: String, CaseIterable {
    case queue
    case backtest = "sla-backtest"
    case curve = "sla-curve"
    case diagnostics = "sla-diagnostics"

    /// Capacities listed in the backtest table, plus the suggested one.
    static let backtestCapacities = [0, 5, 10, 25, 50, 100, 200]

    func table(_ a: SupportSnapshot) -> DataTable {
        switch self {
        case .queue: return Self.queueTable(a)
        case .backtest: return Self.backtestTable(a)
        case .curve: return Self.curveTable(a)
        case .diagnostics: preconditionFailure("the diagnostics are a saved table, not a view of the snapshot")
        }
    }

    private static func queueTable(_ a: SupportSnapshot) -> DataTable {
        var t = DataTable(
            columns: ["rank", "ticket_id", "priority", "channel", "type", "p_breach", "p_breach_at_arrival",
                      "breach_cost", "expected_loss",
                      "elapsed_hours", "time_left_hours", "deadline", "state", "reason_1", "reason_2", "reason_3"],
            kinds: [.number, .text, .text, .text, .text, .number, .number, .number, .number, .number, .number,
                    .text, .text, .text, .text, .text])
        for (k, e) in a.rows.enumerated() {
            let state = e.state.breached ? "breached" : e.state.paused ? "paused" : "running"
            let reasons = (0..<3).map { r -> String in
                guard r < e.reasons.count else { return "" }
                let x = e.reasons[r]
                return x.feature + "=" + x.level + " (+" + fixed(x.weight, 2) + ")"
            }
            t.append([String(k + 1), e.id, e.priority, e.channel, e.type, fixed(e.probability, 4),
                      fixed(e.probabilityAtArrival, 4),
                      fixed(e.breachCost, 2), fixed(e.expectedLoss, 2), fixed(Double(e.state.elapsed) / 3600, 2),
                      fixed(Double(e.state.timeLeft) / 3600, 2), e.deadline.map { CivilDate.format(seconds: $0) } ?? "",
                      state] + reasons)
        }
        return t
    }

    private static func backtestTable(_ a: SupportSnapshot) -> DataTable {
        var t = DataTable(
            columns: ["capacity_per_day", "ranking", "valued_by", "reviews", "breaches_prevented", "gross_savings",
                      "operations_cost", "net_savings", "roi", "suggested"],
            kinds: [.number, .text, .text, .number, .number, .number, .number, .number, .number, .text])
        let suggested = a.suggestedCapacity()
        let caps = Array(Set(backtestCapacities + [suggested])).sorted()
        for n in caps {
            let v = a.capacity(n)
            let rows: [(String, String, CapacityOutcome)] = [
                ("expected_loss", "history_truth", v.backtest),
                ("probability_only", "history_truth", v.probabilityOnly),
                ("expected_loss", "open_queue_expectation", v.openQueue),
            ]
            for (ranking, valued, o) in rows {
                t.append([String(n), ranking, valued, String(o.reviews), fixed(o.breachesPrevented, 2),
                          fixed(o.grossSavings, 2), fixed(o.operationsCost, 2), fixed(o.netSavings, 2),
                          o.roi.map { fixed($0, 4) } ?? "", n == suggested ? "yes" : ""])
            }
        }
        return t
    }

    private static func curveTable(_ a: SupportSnapshot) -> DataTable {
        let e = a.policy.effectiveness, c = a.policy.interventionCost
        let el = a.backtest.curve(effectiveness: e, interventionCost: c)
        let po = a.backtestProbabilityOnly.curve(effectiveness: e, interventionCost: c)
        let ex = a.expectedHistory.curve(effectiveness: e, interventionCost: c)
        let total = Double(max(a.backtest.ticketCount, 1))
        var t = DataTable(
            columns: ["capacity_per_day", "reviews", "reviewed_share", "captured_share", "captured_share_probability_only",
                      "net_savings", "net_savings_probability_only", "expected_net_savings"],
            kinds: Array(repeating: .number, count: 8))
        for n in el.indices {
            t.append([String(n), String(el[n].reviews), fixed(Double(el[n].reviews) / total, 4),
                      fixed(el[n].capturedShare, 4), fixed(po[n].capturedShare, 4), fixed(el[n].netSavings, 2),
                      fixed(po[n].netSavings, 2), fixed(ex[n].netSavings, 2)])
        }
        return t
    }

    /// The saved diagnostics; their value column holds numbers (p-values in scientific notation).
    static func diagnosticsTable(_ rows: [SLADiagnosticsTable.Row]) -> DataTable {
        var t = SLADiagnosticsTable.table(rows)
        t.kinds = [.text, .text, .text, .text, .number]
        return t
    }
}

extension SLAExport {
    static func fixed(_ x: Double, _ decimals: Int) -> String { fixedDecimal(x, decimals) }

    static func scientific(_ x: Double) -> String { SLADiagnosticsTable.scientific(x) }
}

extension SLAExport {
    /// For `ExportRegistry.producers`: `… + SLAExport.producers`, each from the run's saved SLA
    /// artifacts; a run without them says why in one line.
    static var producers: [(String, ExportRegistry.Producer)] {
        allCases.map { kind in (kind.rawValue, { ctx in try kind.table(saved: ctx) }) }
    }

    func table(saved ctx: ExportContext) throws -> DataTable {
        if self == .diagnostics {
            _ = try ctx.slaSnapshotBytes()  // the same "no analysis" / "older run" lines as the others
            do { return Self.diagnosticsTable(try SLADiagnosticsTable.load(ctx.store, run: ctx.run.id)) } catch {
                throw CLIError(error.description)
            }
        }
        return table(try ctx.slaSnapshot())
    }

    /// The SLA policy: `sla.conf` in `$XDG_CONFIG_HOME/opsdeck/` (else `~/.config/opsdeck/`)
    /// when present, the defaults otherwise.
    static func policy(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SLAPolicy {
        guard let path = UserPaths.configFile("sla.conf", environment: environment),
              FileManager.default.fileExists(atPath: path) else { return SLAPolicy() }
        return try policy(file: path)
    }

    /// A policy file in sla.conf's format (sla.conf itself, or a proposed one to replay).
    static func policy(file: String) throws -> SLAPolicy {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError("cannot read \(file) as UTF-8 text") }
        do { return try SLAPolicy.parse(text, file: file) } catch let e as SLAPolicyError { throw CLIError(e.description) }
    }

    /// How a replay names the current policy: the user's sla.conf, or the defaults.
    static func currentPolicyName(environment: [String: String]) -> String {
        let hasConf = UserPaths.configFile("sla.conf", environment: environment).map { FileManager.default.fileExists(atPath: $0) } ?? false
        return hasConf ? "current (sla.conf)" : "current (defaults)"
    }
}
