import Mustache

/// A prep script as swift-mustache sees it: typed nodes that answer `child(named:)` with a
/// switch, in place of a `[String: Any]` tree built per script (`PrepScript.dictionaryContext`).
///
/// Same names and the same kinds of value as that tree — text as `MustacheText`, flags as
/// `Bool`, lists as arrays of nodes, `stop` as a node or nothing — so swift-mustache takes the
/// same branch for every tag and each template renders byte for byte the same. What is saved:
/// the dictionaries and their boxing per script, the casts of a dictionary to `MustacheParent`,
/// and `String(describing:)` on every value. Everything that depends only on the account lives
/// in one `PrepScriptAccountNode`, shared by the account's visit and call.
struct MustacheText: MustacheCustomRenderable, MustacheParent, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    var renderText: String { value }
    var isNull: Bool { false }
    /// A String on the context stack has no children either (its mirror is empty).
    func child(named: String) -> Any? { nil }
}

/// A list item with a single `text` (reasons, actions, compliance).
final class PrepScriptTextNode: MustacheParent, Sendable {
    let text: MustacheText
    init(_ text: String) { self.text = MustacheText(text) }
    func child(named name: String) -> Any? { name == "text" ? text : nil }
}

final class PrepScriptObjectionNode: MustacheParent, Sendable {
    let objection: MustacheText, response: MustacheText
    init(_ pair: (String, String)) { objection = MustacheText(pair.0); response = MustacheText(pair.1) }
    func child(named name: String) -> Any? {
        switch name {
        case "objection": objection
        case "response": response
        default: nil
        }
    }
}

final class PrepScriptTicketNode: MustacheParent, Sendable {
    let id: MustacheText, priority: MustacheText, type: MustacheText, ageDays: MustacheText
    let overdue: Bool
    init(_ t: PrepScript.OpenTicket) {
        id = MustacheText(t.id); priority = MustacheText(t.priority.rawValue); type = MustacheText(t.type)
        ageDays = MustacheText(String(t.ageDays)); overdue = t.overdue
    }
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "priority": priority
        case "type": type
        case "age_days": ageDays
        case "overdue": overdue
        default: nil
        }
    }
}

final class PrepScriptStopNode: MustacheParent, Sendable {
    let rep: MustacheText, sequence: MustacheText, arrival: MustacheText, day: MustacheText
    init(_ s: PrepScript.Stop) {
        rep = MustacheText(s.rep); sequence = MustacheText(String(s.sequence))
        arrival = MustacheText(PrepScript.clock(s.arrivalMinute)); day = MustacheText(String(s.day + 1))
    }
    func child(named name: String) -> Any? {
        switch name {
        case "rep": rep
        case "sequence": sequence
        case "arrival": arrival
        case "day": day
        default: nil
        }
    }
}

/// The names whose values depend only on the account (its figures, reasons, tickets, and the
/// actions and objections drawn from them), built once per account.
final class PrepScriptAccountNode: MustacheParent, Sendable {
    let account: MustacheText, tier: MustacheText, industry: MustacheText, segment: MustacheText, product: MustacheText
    let churnPct: MustacheText, potentialEUR: MustacheText, nbaScore: MustacheText, nbaRank: MustacheText
    let hasTickets: Bool
    let tickets: [PrepScriptTicketNode]
    let reasons: [PrepScriptTextNode], actions: [PrepScriptTextNode]
    let objections: [PrepScriptObjectionNode]
    /// Kept for the compliance list, which depends on the tier and the contact's channel.
    let strategic: Bool

    /// Only `script`'s account-level fields are read; its channel, day and stop are the contact's.
    init(_ script: PrepScript) {
        account = MustacheText(script.account); tier = MustacheText(script.tier.rawValue)
        industry = MustacheText(script.industry.rawValue); segment = MustacheText(script.segment)
        product = MustacheText(script.product.rawValue)
        churnPct = MustacheText(NBAReasons.percent(script.churnProbability))
        potentialEUR = MustacheText(NBAReasons.grouped(script.potential))
        nbaScore = MustacheText(NBAReasons.oneDecimal(script.nba)); nbaRank = MustacheText(String(script.nbaRank))
        hasTickets = !script.tickets.isEmpty
        tickets = script.tickets.map(PrepScriptTicketNode.init)
        reasons = script.reasons.map(PrepScriptTextNode.init)
        actions = script.actions.map(PrepScriptTextNode.init)
        let troubled = hasTickets || script.reasonTerms.contains(.friction)
        objections = Self.objectionLists[(troubled ? 1 : 0) | (script.reasonTerms.contains(.churn) ? 2 : 0)]
        strategic = script.tier == .strategic
    }

    func child(named name: String) -> Any? {
        switch name {
        case "account": account
        case "tier": tier
        case "industry": industry
        case "segment": segment
        case "product": product
        case "churn_pct": churnPct
        case "potential_eur": potentialEUR
        case "nba_score": nbaScore
        case "nba_rank": nbaRank
        case "has_tickets": hasTickets
        case "tickets": tickets
        case "reasons": reasons
        case "actions": actions
        case "objections": objections
        default: nil
        }
    }

    /// The objections depend on two yes/no facts, so the four possible lists are built once.
    private static let objectionLists: [[PrepScriptObjectionNode]] = (0..<4).map { k in
        let probe = PrepScript(account: "", tier: .a, industry: .saas, product: .cxSuite, segment: "", channel: .field, day: 0,
                               churnProbability: 0, potential: 0, nba: 0, nbaRank: 0, reasons: [],
                               reasonTerms: k & 2 != 0 ? [.churn] : [],
                               tickets: k & 1 != 0 ? [.init(id: "", priority: .low, type: "", ageDays: 0, overdue: false)] : [],
                               stop: nil)
        return probe.objections.map(PrepScriptObjectionNode.init)
    }
}

/// One contact: the account's node plus what the contact adds (channel, day, route stop,
/// compliance). Lookups not answered here go to the account.
final class PrepScriptContactNode: MustacheParent, Sendable {
    let account: PrepScriptAccountNode
    let channel: MustacheText, contactKind: MustacheText, day: MustacheText
    let stop: PrepScriptStopNode?
    let compliance: [PrepScriptTextNode]

    init(account: PrepScriptAccountNode, channel: SalesChannel, day: Int, stop: PrepScript.Stop?) {
        self.account = account
        self.channel = MustacheText(channel.rawValue)
        contactKind = MustacheText(PrepScript.contactKind(channel))
        self.day = MustacheText(String(day + 1))
        self.stop = stop.map(PrepScriptStopNode.init)
        compliance = Self.complianceLists[Self.complianceIndex(channel, strategic: account.strategic)]
    }

    convenience init(_ script: PrepScript) {
        self.init(account: PrepScriptAccountNode(script), channel: script.channel, day: script.day, stop: script.stop)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "channel": channel
        case "contact_kind": contactKind
        case "day": day
        case "stop": stop
        case "compliance": compliance
        default: account.child(named: name)
        }
    }

    /// The compliance list depends on the channel and on whether the tier is strategic only.
    private static let complianceLists: [[PrepScriptTextNode]] = SalesChannel.allCases.flatMap { channel in
        [Tier.a, Tier.strategic].map { tier in
            PrepScript.compliance(channel: channel, tier: tier).map(PrepScriptTextNode.init)
        }
    }

    private static func complianceIndex(_ channel: SalesChannel, strategic: Bool) -> Int {
        Int(channel.code) * 2 + (strategic ? 1 : 0)
    }
}
