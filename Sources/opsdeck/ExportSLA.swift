import Engine
import Foundation

/// The SLA tables `opsdeck export` writes: `queue`, `sla-backtest`, `sla-curve`,
/// `sla-diagnostics`. Numbers are formatted here with fixed decimals, so the same analysis
/// gives the same bytes.
enum SLAExport: String, CaseIterable {
    case queue
    case backtest = "sla-backtest"
    case curve = "sla-curve"
    case diagnostics = "sla-diagnostics"

    /// Capacities listed in the backtest table, plus the suggested one.
    static let backtestCapacities = [0, 5, 10, 25, 50, 100, 200]

    func table(_ a: SupportAnalysis) -> DataTable {
        switch self {
        case .queue: return Self.queueTable(a)
        case .backtest: return Self.backtestTable(a)
        case .curve: return Self.curveTable(a)
        case .diagnostics: return Self.diagnosticsTable(a)
        }
    }

    private static func queueTable(_ a: SupportAnalysis) -> DataTable {
        var t = DataTable(
            columns: ["rank", "ticket_id", "priority", "channel", "type", "p_breach", "p_breach_at_arrival",
                      "breach_cost", "expected_loss",
                      "elapsed_hours", "time_left_hours", "deadline", "state", "reason_1", "reason_2", "reason_3"],
            kinds: [.number, .text, .text, .text, .text, .number, .number, .number, .number, .number, .number,
                    .text, .text, .text, .text, .text])
        for (k, e) in a.queue.entries.enumerated() {
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

    private static func backtestTable(_ a: SupportAnalysis) -> DataTable {
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

    private static func curveTable(_ a: SupportAnalysis) -> DataTable {
        let e = a.policy.policy.effectiveness, c = a.policy.policy.interventionCost
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

    private static func diagnosticsTable(_ a: SupportAnalysis) -> DataTable {
        var t = DataTable(columns: ["section", "dimension", "level", "metric", "value"],
                          kinds: [.text, .text, .text, .text, .number])
        func add(_ s: String, _ d: String, _ l: String, _ m: String, _ v: String) { t.append([s, d, l, m, v]) }
        let d = a.diagnostics, m = a.metrics
        add("summary", "", "", "resolved_tickets", String(d.resolvedTickets))
        add("summary", "", "", "breaches", String(d.breaches))
        add("summary", "", "", "breach_cost", fixed(d.breachCost, 2))
        add("summary", "", "", "open_tickets", String(a.queue.entries.count))
        add("summary", "", "", "suggested_capacity", String(a.suggestedCapacity()))
        add("model", a.modelName, "out_of_fold", "roc_auc", fixed(m.auc, 4))
        add("model", a.modelName, "out_of_fold", "average_precision", fixed(m.averagePrecision, 4))
        add("model", a.modelName, "out_of_fold", "ece", fixed(m.ece, 4))
        for b in m.reliability {
            let level = fixed(b.lower, 1) + "-" + fixed(b.upper, 1)
            add("calibration", "p_breach", level, "count", String(b.count))
            add("calibration", "p_breach", level, "mean_predicted", fixed(b.meanPredicted, 4))
            add("calibration", "p_breach", level, "observed_rate", fixed(b.observedRate, 4))
        }
        for g in d.groups {
            add("group", g.dimension, g.level, "tickets", String(g.tickets))
            add("group", g.dimension, g.level, "breach_rate", fixed(g.breachRate, 4))
            add("group", g.dimension, g.level, "mean_resolution_hours", fixed(g.meanResolutionHours, 2))
            add("group", g.dimension, g.level, "breach_cost", fixed(g.breachCost, 2))
        }
        for (p, priority) in d.heatmapPriorities.enumerated() {
            for (c, channel) in d.heatmapChannels.enumerated() where d.heatmapCount[p][c] > 0 {
                add("heatmap", priority, channel, "breach_rate", fixed(d.heatmapRate[p][c], 4))
            }
        }
        for x in d.associations {
            add("association", x.dimension, "breach", "chi_square", fixed(x.test.statistic, 4))
            add("association", x.dimension, "breach", "df", String(x.test.degreesOfFreedom))
            add("association", x.dimension, "breach", "p_value", scientific(x.test.pValue))
            add("association", x.dimension, "breach", "cramers_v", fixed(x.test.cramersV, 4))
        }
        for w in d.weeks {
            let week = CivilDate.format(days: w.monday)
            add("week", "created", week, "tickets", String(w.tickets))
            add("week", "created", week, "breaches", String(w.breaches))
            add("week", "created", week, "breach_cost", fixed(w.breachCost, 2))
        }
        return t
    }
}

extension SLAExport {
    static func fixed(_ x: Double, _ decimals: Int) -> String { fixedDecimal(x, decimals) }

    /// p-values span hundreds of orders of magnitude: four significant digits and an exponent.
    static func scientific(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return x == 0 ? "0" : fixed(x, 4) }
        var e = 0, m = x
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        if fixed(m, 3) == "10.000" { m /= 10; e += 1 }
        return fixed(m, 3) + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
    }
}

extension SLAExport {
    /// For `ExportRegistry.producers`: `… + SLAExport.producers`. Each export analyses the
    /// run's tickets under the desk's SLA policy (see `policy()`) exactly as the run did.
    static var producers: [(String, ExportRegistry.Producer)] {
        allCases.map { kind in (kind.rawValue, { ctx in try kind.table(analysing: ctx.tickets(), policy: policy(), seed: ctx.run.seed) }) }
    }

    func table(analysing tickets: [Ticket], policy: SLAPolicy, seed: UInt64) throws -> DataTable {
        do {
            return table(try Pipeline.supportAnalysis(tickets: tickets, policy: policy, seed: seed))
        } catch let e as SLAPolicyError {
            throw CLIError(e.description)
        }
    }

    /// The SLA policy: `sla.conf` in `$XDG_CONFIG_HOME/opsdeck/` (else `~/.config/opsdeck/`)
    /// when present, the defaults otherwise.
    static func policy(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SLAPolicy {
        let dir = environment["XDG_CONFIG_HOME"].map { $0 + "/opsdeck" }
            ?? environment["HOME"].map { $0 + "/.config/opsdeck" }
        guard let dir, FileManager.default.fileExists(atPath: dir + "/sla.conf") else { return SLAPolicy() }
        let path = dir + "/sla.conf"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("cannot read \(path) as UTF-8 text")
        }
        do { return try SLAPolicy.parse(text, file: path) } catch let e as SLAPolicyError { throw CLIError(e.description) }
    }
}
