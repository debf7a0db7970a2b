/// What the desk promised and what a miss costs: resolution targets and breach costs per
/// priority, the price and effect of an escalation, and when the clock runs.
///
/// Pauses: tickets carry no status history, so time spent waiting for the customer is given
/// separately as `SLAPause` intervals per ticket (see `SLAClock`). `pauseWhilePending`
/// decides whether those intervals stop the clock.
public struct SLAPolicy: Sendable, Equatable {
    /// Resolution target in hours, per priority label. A label absent here cannot be clocked.
    public var targetHours: LabelTable<Double>
    /// Cost of one breach, per priority label. Data holding a label absent here is refused
    /// with `SLAPolicyError.missingCost` naming it.
    public var breachCost: LabelTable<Double>
    /// The priority whose target and cost a ticket with an empty priority takes
    /// (`priority.default`); nil: such tickets are refused by count.
    public var defaultPriority: String?
    /// What an escalation costs and does (minutes × rate, effect), with where each came from.
    public var escalation = EscalationEconomics()
    /// Cost of one escalation (a senior agent's review), whatever its outcome: `escalation.cost`.
    public var interventionCost: Double {
        get { escalation.cost }
        set { escalation.setFlatCost(newValue) }
    }
    /// Share of would-be breaches an escalation prevents, 0…1: `escalation.effect`.
    public var effectiveness: Double {
        get { escalation.effect }
        set { escalation.setEffect(newValue) }
    }
    /// Nil: the clock runs around the clock, every day.
    public var calendar: BusinessCalendar?
    /// The desk's zone (`calendar.timezone`): business hours are its wall-clock hours, and
    /// imported times written without a zone are read in it. Nil: UTC.
    public var zone: DeskTimeZone?
    /// Whether waiting-on-customer intervals stop the clock.
    public var pauseWhilePending: Bool
    /// What each status label means, beyond the common help desks' defaults (`status.<label>`).
    public var statusOverrides: [String: TicketState]

    public init(targetHours: LabelTable<Double> = SLAPolicy.defaultTargets,
                breachCost: LabelTable<Double> = SLAPolicy.defaultCosts,
                defaultPriority: String? = nil,
                interventionCost: Double? = nil, effectiveness: Double? = nil,
                calendar: BusinessCalendar? = nil, pauseWhilePending: Bool = true,
                statusOverrides: [String: TicketState] = [:]) {
        self.targetHours = targetHours
        self.breachCost = breachCost
        self.defaultPriority = defaultPriority
        if let interventionCost { escalation.setFlatCost(interventionCost) }
        if let effectiveness { escalation.setEffect(effectiveness) }
        self.calendar = calendar
        self.pauseWhilePending = pauseWhilePending
        self.statusOverrides = statusOverrides
    }

    /// The demo's labels and those of the common help desks (Zendesk urgent/high/normal/low,
    /// Freshdesk Urgent…Low, Jira Highest…Lowest, ServiceNow "1 - Critical"…"5 - Planning",
    /// P1…P5), five urgency levels.
    static let levels: [(labels: [String], hours: Double, cost: Double)] = [
        (["Critical", "Urgent", "Highest", "1 - Critical", "P1", "Blocker", "Emergency"], 4, 500),
        (["High", "2 - High", "P2", "Major"], 8, 200),
        (["Medium", "Normal", "Moderate", "3 - Moderate", "P3"], 24, 50),
        (["Low", "4 - Low", "P4", "Minor"], 72, 10),
        (["Lowest", "Planning", "5 - Planning", "P5", "Trivial"], 120, 5),
    ]
    public static let defaultTargets = LabelTable(levels.flatMap { l in l.labels.map { ($0, l.hours) } })
    public static let defaultCosts = LabelTable(levels.flatMap { l in l.labels.map { ($0, l.cost) } })

    /// The status meanings this policy reads tickets with.
    public var statusMapping: StatusMapping { StatusMapping(overrides: statusOverrides) }

    /// Targets and costs per priority code, after checking that every priority occurring in
    /// `tickets` has both. Codes run from the least urgent (longest target) to the most, so
    /// the demo's Low…Critical keep codes 0…3; the arrays are what hot loops index.
    public func resolved(for tickets: [Ticket]) throws -> ResolvedSLAPolicy {
        var (vocabulary, rowCode) = Vocabulary.coding(tickets.map(\.priority))
        let empty = vocabulary.code(of: "")
        if let empty {
            let n = rowCode.lazy.filter { $0 == empty }.count
            guard let d = defaultPriority else {
                throw SLAPolicyError.missingDefault(tickets: n, labels: vocabulary.labels.filter { !$0.isEmpty })
            }
            guard targetHours[d] != nil, breachCost[d] != nil else { throw SLAPolicyError.badDefault(d) }
            let dc = vocabulary.code(d)
            for k in rowCode.indices where rowCode[k] == empty { rowCode[k] = dc }
        }
        var levels: [(label: String, target: Int64, cost: Double, code: Int)] = []
        for (c, label) in vocabulary.labels.enumerated() where c != empty {
            guard let h = targetHours[label] else { throw SLAPolicyError.missingTarget(label) }
            guard let cost = breachCost[label] else { throw SLAPolicyError.missingCost(label) }
            levels.append((label, Int64((h * 3600).rounded()), cost, c))
        }
        guard levels.count <= 255 else { throw SLAPolicyError.tooManyPriorities(levels.count) }
        levels.sort { ($1.target, $0.cost, $0.label) < ($0.target, $1.cost, $1.label) }
        var codeOf = [UInt8](repeating: 0, count: vocabulary.count)
        for (k, l) in levels.enumerated() { codeOf[l.code] = UInt8(k) }
        return ResolvedSLAPolicy(labels: levels.map(\.label), targetSeconds: levels.map(\.target), cost: levels.map(\.cost),
                                 priorityCode: rowCode.map { codeOf[$0] }, policy: self)
    }
}

/// A policy checked against a data set: per-priority-code arrays, codes from the least
/// urgent to the most, and each ticket's code.
public struct ResolvedSLAPolicy: Sendable {
    /// Per code: the priority label as the data spells it.
    public let labels: [String]
    /// Per code: target in (business) seconds.
    public let targetSeconds: [Int64]
    /// Per code: cost of one breach.
    public let cost: [Double]
    /// Per ticket of the data set it was resolved for: its priority code (an empty priority
    /// takes `priority.default`'s).
    public let priorityCode: [UInt8]
    public let policy: SLAPolicy

    /// The code of a priority label of this data set (the default's for an empty one).
    public func code(of label: String) -> UInt8? {
        if label.isEmpty, let d = policy.defaultPriority { return code(of: d) }
        let key = LabelTable<Double>.key(label)
        return labels.firstIndex { LabelTable<Double>.key($0) == key }.map(UInt8.init)
    }
}

public enum SLAPolicyError: Error, Equatable, CustomStringConvertible {
    case missingCost(String)
    case missingTarget(String)
    /// `labels`: the priorities the other tickets have, to choose from.
    case missingDefault(tickets: Int, labels: [String])
    case badDefault(String)
    case tooManyPriorities(Int)
    case noWorkdays
    case badHours(opens: Int64, closes: Int64)
    case unknownKey(String)
    case badValue(key: String, value: String, expected: String)
    indirect case atLine(file: String, line: Int, SLAPolicyError)

    public var description: String {
        switch self {
        case .missingCost(let p):
            return "priority \"\(TerminalText.safe(p, limit: 40))\" occurs in the tickets but has no breach cost; add cost.\(TerminalText.safe(p, limit: 40)) = <amount> to sla.conf"
        case .missingTarget(let p):
            return "priority \"\(TerminalText.safe(p, limit: 40))\" occurs in the tickets but has no SLA target; add target.\(TerminalText.safe(p, limit: 40)) = <hours> to sla.conf"
        case .missingDefault(let n, let labels):
            let shown = labels.prefix(8).map { TerminalText.safe($0, limit: 30) }.joined(separator: ", ")
            return "\(n) ticket\(n == 1 ? " has" : "s have") no priority; add priority.default = <label> to sla.conf"
                + (labels.isEmpty ? "" : " (the desk's priorities: \(shown)\(labels.count > 8 ? ", …" : ""))")
        case .badDefault(let d):
            return "priority.default = \(TerminalText.safe(d, limit: 40)) has no target or no cost; add target.\(TerminalText.safe(d, limit: 40)) and cost.\(TerminalText.safe(d, limit: 40))"
        case .tooManyPriorities(let n):
            return "the tickets hold \(n) different priorities; at most 255 can be clocked (is the priority column mapped right?)"
        case .noWorkdays:
            return "business calendar: at least one weekday must be a working day"
        case .badHours(let o, let c):
            return "business calendar: opening time (\(o / 60) min) must be before closing time (\(c / 60) min) within one day"
        case .unknownKey(let k):
            return "unknown SLA setting \"\(TerminalText.safe(k, limit: 60))\"; known: target.<priority>, cost.<priority>, priority.default, status.<status>, intervention_cost, effectiveness, escalation.minutes, escalation.hourly_rate, escalation.effect, escalation.service_level, escalation.answer_minutes, escalation.interval_minutes, escalation.shrinkage, pause_pending, calendar.weekdays, calendar.hours, calendar.holidays, calendar.timezone"
        case .badValue(let k, let v, let e):
            return "SLA setting \(TerminalText.safe(k, limit: 60)): \"\(TerminalText.safe(v, limit: 60))\" is not \(e)"
        case .atLine(let f, let l, let inner):
            return "\(f):\(l): \(inner.description)"
        }
    }
}
