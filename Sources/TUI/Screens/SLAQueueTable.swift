import Engine
import Foundation

/// A ticket marked escalated: who and when, as the store recorded the decision.
public struct SLAEscalation: Sendable, Equatable {
    public var ticket: String
    public var at: String
    public var user: String

    public init(ticket: String, at: String, user: String) {
        self.ticket = ticket
        self.at = at
        self.user = user
    }
}

extension SLAEscalation {
    /// The decision log's action names for an escalation and its withdrawal.
    public static let escalateAction = "escalate"
    public static let deescalateAction = "de-escalate"
    /// The two are states of one ticket: recording one that is already the ticket's state
    /// (another manager's screen got there first) is refused by the store.
    public static let exclusiveActions = [escalateAction, deescalateAction]

    /// The escalations standing after `decisions` (oldest first): an escalation marks its
    /// ticket, a de-escalation clears it.
    public static func standing(_ decisions: [Decision]) -> [SLAEscalation] {
        var marks: [String: SLAEscalation] = [:]
        var order: [String] = [], seen = Set<String>()
        for d in decisions {
            switch d.action {
            case escalateAction:
                if seen.insert(d.subject).inserted { order.append(d.subject) }
                marks[d.subject] = SLAEscalation(ticket: d.subject, at: d.at, user: d.user)
            case deescalateAction:
                marks[d.subject] = nil
            default: break
            }
        }
        return order.compactMap { marks[$0] }
    }
}

/// Saves an escalation of the ticket with this id and returns what was recorded.
public typealias SLAEscalate = @Sendable (String) throws -> SLAEscalation

/// The queue table's rows, built from the snapshot once per change of the escalation
/// cost, effectiveness or escalations — never on a slider move.
enum SLAQueueTable {
    /// The ticket id never shrinks below its longest value (up to 14 cells): it is what a
    /// manager reads out; less important columns drop first on a narrow terminal.
    /// `metrics`: the policy clocks more than one metric, so a last column names the one
    /// each ticket is ranked on (a resolution-only desk's table is unchanged).
    static func columns(idWidth: Int, metrics: Bool = false) -> [TableColumn] { [
        TableColumn("#", alignment: .right, minWidth: 3, maxWidth: 6, priority: 4),
        TableColumn("Ticket", minWidth: min(14, max(6, idWidth)), maxWidth: 14, priority: 0),
        TableColumn("Priority", minWidth: 4, maxWidth: 8, priority: 1),
        TableColumn("Channel", minWidth: 5, maxWidth: 12, priority: 5),
        TableColumn("Type", minWidth: 6, maxWidth: 22, priority: 6, flexible: true),
        TableColumn("Age", alignment: .right, minWidth: 6, maxWidth: 7, priority: 7),
        TableColumn("Left", alignment: .right, minWidth: 7, maxWidth: 8, priority: 2),
        TableColumn("p(br)", alignment: .right, minWidth: 5, maxWidth: 5, priority: 3),
        TableColumn("Exp.loss", alignment: .right, minWidth: 7, maxWidth: 9, priority: 0),
        TableColumn("Flag", minWidth: 4, maxWidth: 10, priority: 1),
    ] + (metrics ? [TableColumn("At risk", minWidth: 7, maxWidth: 7, priority: 3)] : []) }
    static let flagColumn = 9
    static let expectedLossColumn = 8

    /// `breachedAt`: tickets the running clock saw pass their target, and when (their flag
    /// says so with the time of day at `offset` seconds from UTC).
    static func data(_ s: SupportSnapshot, effectiveness: Double, interventionCost: Double,
                     escalated: [String: SLAEscalation], breachedAt: [String: Int64] = [:], offset: Int = 0) -> TableData {
        let metrics = s.policy.metrics.count > 1
        let rows: [[TableCell]] = s.rows.enumerated().map { k, r in
            let loss = s.expectedLoss(r, effectiveness: effectiveness, interventionCost: interventionCost)
            let age = s.now - r.createdAt
            let left = r.state.timeLeft
            return [
                .number(Double(k + 1), String(k + 1), role: .muted),
                TableCell(r.id),
                TableCell(r.priority, sortKey: .number(Double(r.priorityCode)),
                          role: Int(r.priorityCode) == s.policy.priorities.count - 1 && s.policy.priorities.count > 1
                              ? .breachRiskHigh : nil),
                TableCell(r.channel),
                TableCell(r.type),
                .number(Double(age), SLAFormat.duration(age)),
                .number(Double(left), SLAFormat.duration(left), role: left < 0 ? .breachRiskHigh : left < 3600 ? .breachRiskMedium : nil),
                .number(r.probability, SLAFormat.probability(r.probability), role: SLAFormat.risk(r.probability)),
                lossCell(loss),
                flag(r, escalated[r.id], breachedAt: breachedAt[r.id], offset: offset),
            ] + (metrics ? [TableCell(r.metric.short, role: r.metric == .firstReply ? .breachRiskMedium : nil)] : [])
        }
        let idWidth = s.rows.prefix(500).map(\.id.count).max() ?? 6
        return TableData(columns: columns(idWidth: idWidth, metrics: metrics), rows: rows)
    }

    /// The same rows with the expected-loss and flag cells rewritten and every other cell
    /// reused: what an escalation-cost, effectiveness or escalation change needs.
    static func updated(_ base: TableData, _ s: SupportSnapshot, effectiveness: Double, interventionCost: Double,
                        escalated: [String: SLAEscalation], breachedAt: [String: Int64] = [:], offset: Int = 0) -> TableData {
        var rows = base.rows
        for (k, r) in s.rows.enumerated() where k < rows.count {
            rows[k][expectedLossColumn] = lossCell(s.expectedLoss(r, effectiveness: effectiveness,
                                                                  interventionCost: interventionCost))
            rows[k][flagColumn] = flag(r, escalated[r.id], breachedAt: breachedAt[r.id], offset: offset)
        }
        return TableData(columns: base.columns, rows: rows)
    }

    static func lossCell(_ loss: Double) -> TableCell {
        .number(loss, SLAFormat.fixed1(loss), role: loss > 0 ? .mainFg : .muted)
    }

    static func flag(_ r: SupportSnapshot.QueueRow, _ e: SLAEscalation?, breachedAt: Int64? = nil, offset: Int = 0) -> TableCell {
        if e != nil { return TableCell("ESCALATED", role: .marker) }
        if let at = breachedAt { return TableCell("brch " + SLAFormat.clock(at, offset: offset), role: .breachRiskHigh) }
        if r.state.breached { return TableCell("breached", role: .breachRiskHigh) }
        if r.state.paused { return TableCell("waiting", role: .muted) }
        return TableCell("")
    }
}
