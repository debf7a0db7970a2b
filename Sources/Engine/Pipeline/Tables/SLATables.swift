import Core
import Support
/// The SLA tables a run saves beside its snapshot (`sla-snapshot.bin`, what the SLA screen opens).

/// `sla_queue.csv`: the escalation queue by expected loss, as the run ranked it.
public enum SLAQueueTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var rank: Int
        public var ticket: String
        public var priority: String
        public var channel: String
        public var type: String
        public var pBreach: Double
        public var breachCost: Double
        public var expectedLoss: Double
        /// "2026-03-02 14:05", or empty while the clock is paused.
        public var deadline: String
        /// "feature=level; …", strongest first.
        public var reasons: String
    }
    public enum Column: String, CaseIterable, Sendable {
        case rank, ticket, priority, channel, type, pBreach = "p_breach", breachCost = "breach_cost", expectedLoss = "expected_loss"
        case deadline, reasons
    }
    public static let artifact = "sla_queue.csv"

    public static func rows(_ a: SupportAnalysis) -> [Row] {
        a.queue.entries.enumerated().map { k, e in
            Row(rank: k + 1, ticket: e.id, priority: e.priority, channel: e.channel, type: e.type, pBreach: e.probability,
                breachCost: e.breachCost, expectedLoss: e.expectedLoss, deadline: e.deadline.map { CivilDate.format(seconds: $0) } ?? "",
                reasons: e.reasons.map { "\($0.feature)=\($0.level)" }.joined(separator: "; "))
        }
    }

    public static func cell(_ q: Row, _ column: Column) -> String {
        switch column {
        case .rank: String(q.rank)
        case .ticket: q.ticket
        case .priority: q.priority
        case .channel: q.channel
        case .type: q.type
        case .pBreach: Pipeline.fmt(q.pBreach, 4)
        case .breachCost: Pipeline.fmt(q.breachCost, 2)
        case .expectedLoss: Pipeline.fmt(q.expectedLoss, 2)
        case .deadline: q.deadline
        case .reasons: q.reasons
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(rank: try r.int(.rank), ticket: r.text(.ticket), priority: r.text(.priority), channel: r.text(.channel), type: r.text(.type),
            pBreach: try r.number(.pBreach), breachCost: try r.number(.breachCost), expectedLoss: try r.number(.expectedLoss),
            deadline: r.text(.deadline), reasons: r.text(.reasons))
    }
}

/// `sla_groups.csv`: breach rate, resolution time and cost per priority, channel, type and product.
public enum SLAGroupsTable: RunTable {
    public typealias Row = SupportDiagnostics.Group
    public enum Column: String, CaseIterable, Sendable {
        case dimension, level, tickets, breaches, breachRate = "breach_rate", meanResolutionHours = "mean_resolution_hours"
        case breachCost = "breach_cost"
    }
    public static let artifact = "sla_groups.csv"

    public static func cell(_ g: Row, _ column: Column) -> String {
        switch column {
        case .dimension: g.dimension
        case .level: g.level
        case .tickets: String(g.tickets)
        case .breaches: String(g.breaches)
        case .breachRate: Pipeline.fmt(g.breachRate, 4)
        case .meanResolutionHours: Pipeline.fmt(g.meanResolutionHours, 2)
        case .breachCost: Pipeline.fmt(g.breachCost, 2)
        }
    }

    /// The breach rate is the breaches over the tickets: read back, it is recomputed.
    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(dimension: r.text(.dimension), level: r.text(.level), tickets: try r.int(.tickets), breaches: try r.int(.breaches),
            meanResolutionHours: try r.number(.meanResolutionHours), breachCost: try r.number(.breachCost))
    }
}

/// `sla_diagnostics.csv`: the diagnostics behind the breaches as one long table (section,
/// dimension, level, metric, value): summary, model quality, calibration, groups, heatmap,
/// associations and weeks. Saved with the run, so the export never refits the model.
public enum SLADiagnosticsTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var section: String
        public var dimension: String
        public var level: String
        public var metric: String
        /// Fixed decimals, or a p-value in scientific notation.
        public var value: String
    }
    public enum Column: String, CaseIterable, Sendable { case section, dimension, level, metric, value }
    public static let artifact = "sla_diagnostics.csv"

    public static func cell(_ d: Row, _ column: Column) -> String {
        switch column {
        case .section: d.section
        case .dimension: d.dimension
        case .level: d.level
        case .metric: d.metric
        case .value: d.value
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(section: r.text(.section), dimension: r.text(.dimension), level: r.text(.level), metric: r.text(.metric), value: r.text(.value))
    }

    public static func rows(_ a: SupportAnalysis) -> [Row] {
        var out: [Row] = []
        func add(_ s: String, _ d: String, _ l: String, _ m: String, _ v: String) { out.append(Row(section: s, dimension: d, level: l, metric: m, value: v)) }
        let fixed = fixedDecimal
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
        // Calibrated overall can still mean over- or under-promising one priority.
        for c in m.byPriority {
            add("calibration", "priority", c.priority, "count", String(c.count))
            add("calibration", "priority", c.priority, "mean_predicted", fixed(c.meanPredicted, 4))
            add("calibration", "priority", c.priority, "observed_rate", fixed(c.observedRate, 4))
            add("calibration", "priority", c.priority, "ece", fixed(c.ece, 4))
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
        return out
    }

    /// p-values span hundreds of orders of magnitude: four significant digits and an exponent.
    public static func scientific(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return x == 0 ? "0" : fixedDecimal(x, 4) }
        var e = 0, m = x
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        if fixedDecimal(m, 3) == "10.000" { m /= 10; e += 1 }
        return fixedDecimal(m, 3) + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
    }
}
