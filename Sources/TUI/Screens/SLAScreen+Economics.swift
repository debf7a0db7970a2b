import Engine
import Foundation

/// The lines under the sliders: what an escalation costs and does and where each number came
/// from; the expected-loss ranking beside the probability-only one at the chosen capacity;
/// the senior agents to roster per hour (Erlang C) for the escalations it picks. Short
/// terminals get the first two, the roster's peak folded into the second; the smallest ones
/// only the ranking line, or nothing where the queue would lose its last rows.
extension SLAScreen {
    /// Rows the economics lines take, `below` being the rows left under the sliders: the
    /// queue keeps at least six (its box, header and a few tickets).
    static func economicsRows(tall: Bool, below: Int) -> Int { tall ? 3 : max(0, min(2, below - 6)) }

    func drawEconomics(into canvas: inout Canvas, in rect: Rect) {
        guard rect.height >= 1 else { return }
        let label = CellStyle(fg: .title, attributes: .bold), plain = CellStyle(), muted = CellStyle(fg: .muted)
        var y = rect.y
        func line(_ parts: [(String, CellStyle)]) {
            guard y < rect.maxY else { return }
            var x = rect.x
            for (text, style) in parts { x += canvas.write(text, x: x, y: y, style: style, maxX: rect.maxX) }
            y += 1
        }
        // Below 130 cells the same facts in fewer words.
        let compact = rect.width < 130
        if rect.height >= 2 {
            line([(compact ? "Escal. " : "Escalation ", label)] + economicsParts(plain: plain, muted: muted, compact: compact))
        }
        let tall = rect.height >= 3
        line([(compact ? "At " : "Ranking at ", label)] + rankingParts(plain: plain, muted: muted, rosterPeak: !tall, compact: compact))
        if tall { drawRoster(into: &canvas, x: rect.x, y: y, maxX: rect.maxX, label: label, muted: muted) }
    }

    /// "20 min × 45/h = 15.00 (default) · effect 60 % (sla.conf:3) · …"; a slider moved off
    /// the config shows the slider's figure and the config's beside it.
    func economicsParts(plain: CellStyle, muted: CellStyle, compact: Bool = false) -> [(String, CellStyle)] {
        let e = snapshot.policy.escalation
        var parts: [(String, CellStyle)] = []
        let configured = e.flatCost != nil
            ? "flat " + String(format: "%.2f", e.cost)
            : compact ? Self.number(e.minutes) + "m×" + Self.number(e.hourlyRate) + "/h=" + String(format: "%.2f", e.cost)
            : Self.number(e.minutes) + " min × " + Self.number(e.hourlyRate) + "/h = " + String(format: "%.2f", e.cost)
        let slider = compact ? " slider" : " on the slider"
        if abs(currentCost - e.cost) > 1e-9 {
            parts.append((String(format: "%.2f", currentCost) + slider, plain))
            parts.append((" (" + (compact ? "" : "config ") + configured + ", " + e.costOrigin + ")", muted))
        } else {
            parts.append((configured, plain))
            parts.append((compact ? " " + e.costOrigin : " (" + e.costOrigin + ")", muted))
        }
        parts.append((compact ? " · effect " : " · prevents ", plain))
        let of = compact ? "" : " of breaches"
        if abs(currentEffectiveness - e.effect) > 1e-9 {
            parts.append((Self.percent(currentEffectiveness, compact) + of + slider, plain))
            parts.append((" (" + (compact ? "" : "config ") + Self.percent(e.effect, compact) + ", "
                          + e.source(EscalationEconomics.effectKey).description + ")", muted))
        } else {
            parts.append((Self.percent(e.effect, compact) + of, plain))
            let source = e.source(EscalationEconomics.effectKey).description
            parts.append((compact ? " " + source : " (" + source + ")", muted))
        }
        parts.append(((compact ? " · SL " : " · roster ") + Self.percent(e.serviceLevel, compact) + (compact ? "/" : " within ")
                      + Self.number(e.answerMinutes) + (compact ? "m" : " min"), plain))
        let rosterSource = [EscalationEconomics.serviceLevelKey, EscalationEconomics.answerKey]
            .map { e.source($0) }.first { $0 != .standard } ?? .standard
        parts.append((compact ? " " + rosterSource.description : " (" + rosterSource.description + ")", muted))
        return parts
    }

    /// At the chosen capacity: each ranking's backtest net savings and today's expectation,
    /// and how many of today's top tickets the two rankings disagree on.
    func rankingParts(plain: CellStyle, muted: CellStyle, rosterPeak: Bool, compact: Bool = false) -> [(String, CellStyle)] {
        let n = Int(capacity.value), c = comparison
        let gain = view.backtest.netSavings - view.probabilityOnly.netSavings
        let net = CellStyle(fg: view.backtest.netSavings >= 0 ? .savingsPositive : .savingsNegative)
        if compact {
            var parts: [(String, CellStyle)] = [
                ("\(n)/day: by loss ", plain), (SLAFormat.money(view.backtest.netSavings), net),
                (", by p " + SLAFormat.money(view.probabilityOnly.netSavings), plain),
                (" · today \(c.differing)/\(c.capacity) differ", plain),
            ]
            if rosterPeak { parts.append((" · senior peak \(roster.peak)", plain)) }
            return parts
        }
        var parts: [(String, CellStyle)] = [
            ("\(n)/day: expected loss nets ", plain), (SLAFormat.money(view.backtest.netSavings), net),
            (" vs probability only " + SLAFormat.money(view.probabilityOnly.netSavings), plain),
            (" (backtest, " + (gain >= 0 ? "+" : "") + SLAFormat.money(gain) + ")", muted),
            (" · today's top \(c.capacity): \(c.differing) differ, expected " + SLAFormat.money(c.expectedLoss)
             + " vs " + SLAFormat.money(c.probabilityOnly), plain),
        ]
        if rosterPeak { parts.append((" · roster peak \(roster.peak) senior", plain)) }
        return parts
    }

    /// "Roster/h  00 01 … 23" as a heat row of rostered agents, then the day's totals.
    func drawRoster(into canvas: inout Canvas, x: Int, y: Int, maxX: Int, label: CellStyle, muted: CellStyle) {
        var cx = x + canvas.write("Roster/h ", x: x, y: y, style: label, maxX: maxX)
        let hours = roster.hourly
        let peak = max(1, hours.max() ?? 0)
        // Three cells an hour when there is room for the totals after them, else two.
        let cell = maxX - cx >= 24 * 3 + 40 ? 3 : 2
        for (h, agents) in hours.enumerated() {
            let role = agents == 0 ? Role.muted : Role.heat[min(4, 1 + 3 * agents / peak)]
            let text = agents > 99 ? "++" : String(agents)
            let padded = String(repeating: " ", count: max(0, cell - text.count)) + text
            cx += canvas.write(padded, x: cx, y: y, style: CellStyle(fg: role, attributes: h % 6 == 0 ? .bold : []), maxX: maxX)
        }
        let e = snapshot.policy.escalation
        let totals = "peak \(roster.peak) · " + String(format: "%.0f", roster.agentHours) + " agent-h for "
            + String(format: "%.1f", roster.escalationsPerDay) + "/day × " + Self.number(e.minutes) + " min"
        let tail = (cell == 3 ? "  senior agents by hour from 0h · " : "  senior ") + totals
        canvas.write(tail, x: cx, y: y, style: muted, maxX: maxX)
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(format: "%.0f", v) : String(format: "%.2f", v) }
    static func percent(_ v: Double, _ compact: Bool = false) -> String { String(format: compact ? "%.0f%%" : "%.0f %%", v * 100) }
}
