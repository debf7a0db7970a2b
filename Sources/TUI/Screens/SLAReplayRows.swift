import Engine

/// The rows of a policy replay, one per figure: the two policies and the change side by
/// side. Shared by `opsdeck sla replay` (its text report) and the SLA screen's replay panel,
/// so both show the same figures in the same words.
package enum SLAReplayRows {
    package struct Row: Sendable, Equatable {
        package var name: String
        package var current: String
        package var proposed: String
        package var change: String
    }

    /// The header row (`"" | currentName | proposedName | "change"`) first, then the figures.
    package static func rows(_ r: PolicyReplay, currentName: String, proposedName: String) -> [Row] {
        let a = r.current, b = r.proposed
        var rows: [Row] = []
        func add(_ name: String, _ x: String, _ y: String, _ d: String = "") { rows.append(Row(name: name, current: x, proposed: y, change: d)) }
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
        return rows
    }

    /// Aligned text: names left, the three columns right-aligned, trailing blanks dropped.
    package static func lines(_ rows: [Row]) -> [String] {
        let w0 = rows.map(\.name.count).max() ?? 0, w1 = rows.map(\.current.count).max() ?? 0
        let w2 = rows.map(\.proposed.count).max() ?? 0
        return rows.map { r in
            var s = pad(r.name, w0) + "  " + left(r.current, w1) + "  " + left(r.proposed, w2) + "  " + r.change
            while s.last == " " { s.removeLast() }
            return s
        }
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
