import Core
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
    /// Whether waiting-on-customer intervals stop the clock (`pauseStates` holds waiting).
    public var pauseWhilePending: Bool {
        get { pauseStates.contains(.waitingOnCustomer) }
        set { if newValue { pauseStates.insert(.waitingOnCustomer) } else { pauseStates.remove(.waitingOnCustomer) } }
    }
    /// The status meanings that stop the resolution clock (`pause.statuses`); waiting on the
    /// customer by default, as Zendesk's requester wait time.
    public var pauseStates: Set<TicketState> = [.waitingOnCustomer]
    /// Status labels (normalised) that stop it too, whatever they mean: a desk can pause on
    /// "Waiting on Third Party" without pausing on every hold.
    public var pauseStatusLabels: Set<String> = []
    /// First-reply target in hours per priority label (top-level `first_reply.<priority>`);
    /// empty: the desk's policy clocks resolution only.
    public var firstReplyHours = LabelTable<Double>()
    /// The desk's ordered policies (`[policy NAME]` sections); empty: one policy made of the
    /// top-level targets and calendar.
    public var rules: [SLAPolicyRule] = []
    /// With sections, whether the top-level targets also form a last, unconditional policy
    /// (the file wrote `target.*` or `first_reply.*` lines outside any section).
    public var deskPolicyIsFallback = false
    /// Escalations per day the desk plans (`capacity`); nil: the suggested capacity.
    public var capacity: Int?
    /// Named calendars (`[calendar NAME]`), by normalised name.
    public var calendars: [String: SLACalendar] = [:]
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
        self.statusOverrides = statusOverrides
        self.pauseWhilePending = pauseWhilePending
    }

    /// The desk's own policy: the top-level targets on its calendar, no conditions.
    public var deskRule: SLAPolicyRule {
        var r = SLAPolicyRule(name: "default")
        r.targetHours[SLAMetric.firstReply.rawValue] = firstReplyHours
        r.targetHours[SLAMetric.resolution.rawValue] = targetHours
        return r
    }

    /// The policies in matching order.
    public var effectiveRules: [SLAPolicyRule] {
        rules.isEmpty ? [deskRule] : rules + (deskPolicyIsFallback ? [deskRule] : [])
    }

    /// Whether the resolution clock stops for a ticket whose status is `label` meaning `state`.
    public func pauses(state: TicketState, label: String) -> Bool {
        pauseStates.contains(state) || (!pauseStatusLabels.isEmpty && pauseStatusLabels.contains(normaliseLabel(Substring(label))))
    }

    /// The demo's labels and those of the common help desks (Zendesk urgent/high/normal/low,
    /// Freshdesk Urgent…Low, Jira Highest…Lowest, ServiceNow "1 - Critical"…"5 - Planning",
    /// P1…P5), five urgency levels.
    package static let levels: [(labels: [String], hours: Double, cost: Double)] = [
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
    /// `extras`: the ticket file's own columns (row i is ticket i), which conditions on
    /// group, organisation, tier or tags read.
    public func resolved(for tickets: [Ticket], extras: CustomerExtras? = nil) throws -> ResolvedSLAPolicy {
        // Coded through the distinct values first (few, compared rather than hashed): the
        // same vocabulary and codes as coding every cell, and the matcher reuses them.
        let priorities = DistinctValues.coding(tickets) { $0.priority }
        let coded = Vocabulary.coding(priorities.values)
        var vocabulary = coded.vocabulary
        var rowCode = priorities.codes.map { coded.codes[Int($0)] }
        let sectioned = !self.rules.isEmpty
        let ordered = effectiveRules
        let empty = vocabulary.code(of: "")
        if let empty {
            let n = rowCode.lazy.filter { $0 == empty }.count
            guard let d = defaultPriority else {
                throw SLAPolicyError.missingDefault(tickets: n, labels: vocabulary.labels.filter { !$0.isEmpty })
            }
            guard sectioned || targetHours[d] != nil, breachCost[d] != nil else { throw SLAPolicyError.badDefault(d) }
            let dc = vocabulary.code(d)
            for k in rowCode.indices where rowCode[k] == empty { rowCode[k] = dc }
        }
        var levels: [(label: String, target: Int64, cost: Double, code: Int)] = []
        for (c, label) in vocabulary.labels.enumerated() where c != empty {
            // One policy: every priority needs its target. Several: a priority a policy
            // leaves out has no target there, and urgency is read from the shortest target.
            let h: Double
            if sectioned {
                let resolution = ordered.compactMap { $0.target(.resolution)[label] }.min()
                h = resolution ?? ordered.compactMap { $0.target(.firstReply)[label] }.min() ?? Self.maxTargetHours
            } else {
                guard let t = targetHours[label] else { throw SLAPolicyError.missingTarget(label) }
                h = t
            }
            guard let cost = breachCost[label] else { throw SLAPolicyError.missingCost(label) }
            levels.append((label, Int64((h * 3600).rounded()), cost, c))
        }
        guard levels.count <= 255 else { throw SLAPolicyError.tooManyPriorities(levels.count) }
        levels.sort { ($1.target, $0.cost, $0.label) < ($0.target, $1.cost, $1.label) }
        var codeOf = [UInt8](repeating: 0, count: vocabulary.count)
        for (k, l) in levels.enumerated() { codeOf[l.code] = UInt8(k) }
        let priorityCode = rowCode.map { codeOf[$0] }
        let labels = levels.map(\.label)
        let ruleOf = try PolicyMatcher(rules: ordered).match(tickets, extras: extras, priorities: priorities)
        let targets = Self.ticketTargets(rules: ordered, labels: labels, priorityCode: priorityCode, ruleOf: ruleOf)
        return ResolvedSLAPolicy(labels: labels, targetSeconds: levels.map(\.target), cost: levels.map(\.cost),
                                 priorityCode: priorityCode, policy: self, rules: ordered,
                                 ruleCalendars: try ordered.map { try calendar(of: $0) }, ruleOf: ruleOf, targets: targets)
    }

    /// Per metric, per ticket: target seconds of its policy for its priority (0: none).
    package static func ticketTargets(rules: [SLAPolicyRule], labels: [String], priorityCode: [UInt8], ruleOf: [Int32]) -> [[Int64]] {
        SLAMetric.allCases.map { m in
            let byCode = rules.map { r in labels.map { l in r.target(m)[l].map { Int64(($0 * 3600).rounded()) } ?? 0 } }
            return priorityCode.indices.map { i in
                let r = Int(ruleOf[i])
                return r < 0 ? 0 : byCode[r][Int(priorityCode[i])]
            }
        }
    }

    /// The calendar a policy's clock counts in (a named one without a zone takes the desk's).
    package func calendar(of rule: SLAPolicyRule) throws -> SLACalendar {
        switch rule.calendar {
        case .desk: return SLACalendar(calendar: calendar, zone: zone)
        case .none: return SLACalendar()
        case .named(let name):
            guard var c = calendars[normaliseLabel(Substring(name))] else {
                throw SLAPolicyError.unknownCalendar(name, policy: rule.name)
            }
            if c.zone == nil { c.zone = zone }
            return c
        }
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
    /// The policies in matching order (one, unconditional, for a file without sections).
    public let rules: [SLAPolicyRule]
    /// Per policy: the calendar its clock counts in.
    public let ruleCalendars: [SLACalendar]
    /// Per ticket: the index of the first policy it meets; -1 when none does (no target,
    /// counted in `unmatched`, never dropped).
    public let ruleOf: [Int32]
    /// Per metric (`SLAMetric.rawValue`), per ticket: target seconds; 0 when its policy
    /// sets none for its priority.
    public let targets: [[Int64]]

    /// Tickets no policy covers.
    public var unmatched: Int { ruleOf.lazy.filter { $0 < 0 }.count }

    /// Metrics with a target for at least one ticket, in `SLAMetric` order.
    public var metrics: [SLAMetric] { SLAMetric.allCases.filter { m in targets[m.rawValue].contains { $0 > 0 } } }

    /// The calendar ticket `row` is clocked in (the desk's for an unmatched one).
    @inline(__always)
    public func calendar(row: Int) -> SLACalendar {
        let r = Int(ruleOf[row])
        return r >= 0 ? ruleCalendars[r] : SLACalendar(calendar: policy.calendar, zone: policy.zone)
    }

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
    case unknownCalendar(String, policy: String)
    /// A condition names a field neither the tickets nor their file's columns have.
    case unknownField(String, policy: String, columns: [String])
    case nextReplyUnsupported
    case noTargets(tickets: Int, unmatched: Int)
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
            return "unknown SLA setting \"\(TerminalText.safe(k, limit: 60))\"; known: target.<priority>, first_reply.<priority>, cost.<priority>, priority.default, status.<status>, pause.statuses, intervention_cost, effectiveness, escalation.minutes, escalation.hourly_rate, escalation.effect, escalation.service_level, escalation.answer_minutes, escalation.interval_minutes, escalation.shrinkage, pause_pending, calendar.weekdays, calendar.hours, calendar.holidays, calendar.timezone, and [policy NAME] / [calendar NAME] sections"
        case .badValue(let k, let v, let e):
            return "SLA setting \(TerminalText.safe(k, limit: 60)): \"\(TerminalText.safe(v, limit: 60))\" is not \(e)"
        case .unknownCalendar(let c, let p):
            return "policy \"\(TerminalText.safe(p, limit: 40))\" uses calendar \"\(TerminalText.safe(c, limit: 40))\", which no [calendar \(TerminalText.safe(c, limit: 40))] section defines"
        case .unknownField(let f, let p, let columns):
            let shown = columns.prefix(12).map { TerminalText.safe($0, limit: 30) }.joined(separator: ", ")
            return "policy \"\(TerminalText.safe(p, limit: 40))\" has a condition on \"\(TerminalText.safe(f, limit: 40))\", a field the tickets do not have; known: "
                + (SLACondition.ticketFields + (shown.isEmpty ? [] : [shown])).joined(separator: ", ")
        case .nextReplyUnsupported:
            return "next_reply targets need the time of every reply, which ticket exports do not carry; use first_reply and resolution"
        case .noTargets(let n, let u):
            return "no ticket of \(n) has an SLA target (\(u) matched no policy); give the policies targets for the desk's priorities or add a policy without conditions"
        case .atLine(let f, let l, let inner):
            return "\(f):\(l): \(inner.description)"
        }
    }
}
