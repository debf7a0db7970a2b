import Engine

/// One account's card: facts, the model's reasons, open tickets and the prep script to read
/// before the visit or call, scrollable; `x` writes the script to a file.
struct CustomerCard {
    let account: Int
    var text = TextViewState()

    init(account: Int) { self.account = account }

    var scopes: [KeyScope] { [.screen(.customers), .table] }

    /// The card scrolls with the list keys; the list's other keys say why they are off.
    static func availability(of action: Action) -> Availability {
        switch action {
        case .open, .search, .sortNext, .sortPrevious, .reverseSort: return .disabled("the customer card is text; Esc goes back")
        default: return .enabled
        }
    }

    static func lines(_ m: CustomersModel, _ i: Int) -> [TextLine] {
        let c = m.customers[i]
        var out: [TextLine] = [TextLine("Facts", role: .title, attributes: .bold)]
        let facts = [c.industry.isEmpty ? nil : c.industry, c.tier.isEmpty ? nil : "tier \(c.tier)", "\(c.companySize) employees",
                     c.productInterest.isEmpty ? nil : "interested in \(c.productInterest)"].compactMap { $0 }
        out.append(TextLine("  " + facts.joined(separator: " · ")))
        out.append(TextLine("  lifetime value \(fixed(c.lifetimeValue, 0)) EUR · last purchase \(fixed(Double(m.recencyDays[i]), 0)) days ago"
                            + (c.amount.map { " (\(fixed($0, 0)) EUR)" } ?? "")))
        out.append(TextLine("  prefers \(c.preferredChannel?.rawValue ?? "no channel") · last contact \(c.lastContactChannel?.rawValue ?? "–") · engagement "
                            + "\(fixed(c.digitalEngagement, 0))/100 · CSAT " + (c.csat.map { fixed($0, 1) } ?? "–")))
        out.append(TextLine("  \(c.webSessions30d) web sessions, \(c.ecomOrders30d) orders, \(c.inboundCalls30d) inbound calls, "
                            + "\(c.supportTickets90d) tickets in 90 days"))
        out.append(TextLine(""))
        out.append(TextLine("Scores", role: .title, attributes: .bold))
        let churn = Double(m.churn[i])
        out.append(TextLine("  churn \(fixed(churn * 100, 1)) % · 6-month potential \(compactAmount(Double(m.potential[i]))) EUR · "
                            + "segment \(m.segment(i))", role: churn >= 0.5 ? .breachRiskHigh : .mainFg))
        let day = Int(m.day[i])
        out.append(TextLine("  NBA \(fixed(Double(m.nba[i]), 3)) (rank \(m.nbaRank[i]) of \(m.count)) · channel \(m.channelName(i)) · "
                            + (day >= 0 ? "day \(day + 1)" : "no day") + " · territory \(Int(m.territory[i]) + 1)"))
        if m.isAnomaly(i) {
            out.append(TextLine("  anomaly (score \(fixed(Double(m.anomalyScore[i]), 3))): " + (m.anomalyWhy[i] ?? "unusual profile"),
                                role: .warning))
        }
        out.append(TextLine(""))
        out.append(TextLine("Why this action", role: .title, attributes: .bold))
        out += m.reasonWords(i).map { TextLine("  · " + $0) }
        out.append(TextLine(""))
        let tickets = m.tickets[i] ?? []
        out.append(TextLine("Open tickets (\(m.openTickets[i]))", role: .title, attributes: .bold))
        if tickets.isEmpty { out.append(TextLine("  none", role: .muted)) }
        out += tickets.map { TextLine("  \($0.id) · \($0.priority.isEmpty ? "no priority" : $0.priority) · \($0.channel) · " + ($0.subject ?? $0.type)) }
        out.append(TextLine(""))
        out.append(TextLine("Prep script", role: .title, attributes: .bold))
        if let script = m.scripts[i] {
            out += script.split(separator: "\n", omittingEmptySubsequences: false).map { TextLine("  " + $0) }
        } else {
            out.append(TextLine("  The run wrote no script for this account (scripts cover the planned contacts).", role: .muted))
        }
        return out
    }

    mutating func handle(_ action: Action, model: CustomersModel, body: Rect) -> Bool {
        let area = CustomerCard.textArea(body)
        let total = TextView.wrap(CustomerCard.lines(model, account), width: area.width).count
        return text.handle(action, total: total, page: area.height)
    }

    /// Writes the script to a file through `export`; returns the status line.
    func export(model: CustomersModel, with export: CustomerScriptExport) -> String {
        let id = model.customers[account].id
        guard let script = model.scripts[account] else { return "export: the run wrote no script for \(id)" }
        do { return "script of \(id) written to " + (try export.write(id, script)) } catch { return "export: \(error)" }
    }

    static func textArea(_ body: Rect) -> Rect {
        let inner = body.inset(dx: 1, dy: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    func draw(model: CustomersModel, into canvas: inout Canvas, in body: Rect, trail: String) {
        let c = model.customers[account]
        canvas.drawBox(body, title: "\(trail) › " + (c.name.map { "\($0) (\(c.id))" } ?? c.id), focused: true)
        TextView.draw(CustomerCard.lines(model, account), state: text, into: &canvas, in: CustomerCard.textArea(body))
    }
}
