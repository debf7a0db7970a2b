import Engine

/// The replay as text: one row per figure, the two policies and the change side by side.
package enum SLAReplayReport {
    package static func rendered(_ r: PolicyReplay, currentName: String, proposedName: String) -> String {
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
