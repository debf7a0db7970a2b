import Engine
import Foundation

/// The ticket detail (`Enter` on a queue row): the SLA clock, why the model expects a
/// breach, and what has happened to the ticket so far, escalations included.
extension SLAScreen {
    func detailLines(_ row: Int) -> [TextLine] {
        let s = snapshot
        let r = s.rows[row]
        let st = r.state
        var lines: [TextLine] = [
            TextLine("\(r.id) · \(r.priority) · \(r.channel) · \(r.type) · \(r.product)",
                     role: .title, attributes: .bold),
        ]
        if let subject = r.subject, !subject.isEmpty { lines.append(TextLine("Subject   " + subject)) }
        lines.append(TextLine("Customer  " + (r.customerKey ?? "unknown") + "    Status  " + r.status))
        lines.append(TextLine(""))
        lines.append(TextLine("SLA clock (as of \(SLAFormat.instant(s.now)))", role: .title, attributes: .bold))
        lines.append(TextLine("  Target        " + SLAFormat.duration(st.target) + " of counted time"))
        lines.append(TextLine("  Counted       " + SLAFormat.duration(st.elapsed) + "  (wall clock "
                              + SLAFormat.duration(s.now - r.createdAt) + " since creation)"))
        if st.breached, let at = live?.breachedAt[r.id] {
            lines.append(TextLine("  Breached      at " + SLAFormat.instant(at) + " (while the clock ran): escalating now cannot save it",
                                  role: .breachRiskHigh, attributes: .bold))
        } else if st.breached {
            lines.append(TextLine("  Breached      " + SLAFormat.duration(-st.timeLeft)
                                  + " ago: escalating now cannot save it", role: .breachRiskHigh, attributes: .bold))
        } else if st.paused {
            lines.append(TextLine("  Time left     " + SLAFormat.duration(st.timeLeft)
                                  + "; clock stopped while waiting for the customer", role: .muted))
        } else {
            let at = r.deadline.map { " · breaches at " + SLAFormat.instant($0) } ?? ""
            lines.append(TextLine("  Time left     " + SLAFormat.duration(st.timeLeft) + at,
                                  role: st.timeLeft < 3600 ? .breachRiskMedium : .mainFg))
        }
        lines.append(TextLine(""))
        lines.append(TextLine("Breach risk", role: .title, attributes: .bold))
        lines.append(TextLine("  p(breach)     " + SLAFormat.probability(r.probability) + " now, "
                              + SLAFormat.probability(r.probabilityAtArrival) + " on arrival",
                              role: SLAFormat.risk(r.probability)))
        let loss = s.expectedLoss(r, effectiveness: currentEffectiveness, interventionCost: currentCost)
        lines.append(TextLine("  Breach cost   " + SLAFormat.money(r.breachCost) + "    expected saving of escalating "
                              + String(format: "%.1f", loss) + " (p × cost × effectiveness − cost of escalating)"))
        // Where the two rankings put it, and whether today's capacity reaches it in each.
        let n = Int(capacity.value), pr = ranking.probabilityRank(ofRow: row)
        let reach = row < n ? (pr < n ? "both rankings escalate it" : "only the expected-loss ranking escalates it")
            : (pr < n ? "only the probability-only ranking would escalate it" : "neither ranking reaches it")
        lines.append(TextLine("  Rank          #\(row + 1) by expected loss, #\(pr + 1) by probability alone; at \(n)/day " + reach))
        lines.append(TextLine(""))
        lines.append(TextLine("Why (what pushes the breach odds up)", role: .title, attributes: .bold))
        if r.reasons.isEmpty { lines.append(TextLine("  nothing above the base rate", role: .muted)) }
        for x in r.reasons {
            lines.append(TextLine("  " + (x.feature + " = " + x.level).padded(toCells: 30) + String(format: "  +%.2f", x.weight)))
        }
        lines.append(TextLine(""))
        lines.append(TextLine("History", role: .title, attributes: .bold))
        lines.append(TextLine("  " + SLAFormat.instant(r.createdAt) + "  created"))
        if let answered = r.firstResponseAt {
            lines.append(TextLine("  " + SLAFormat.instant(answered) + "  first response"))
        } else {
            lines.append(TextLine("  no response yet", role: .muted))
        }
        lines.append(TextLine("  " + SLAFormat.instant(live?.clock.base.now ?? s.now) + "  " + r.status + " (as of the run)"))
        if let e = escalated[r.id] {
            lines.append(TextLine("  " + e.at + "  escalated by " + e.user, role: .marker, attributes: .bold))
        }
        return lines
    }
}
