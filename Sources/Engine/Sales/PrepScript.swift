import Core
/// Everything one prep script says about one contact (a visit or a call), before templating.
public struct PrepScript: Sendable, Equatable {
    public struct OpenTicket: Sendable, Equatable {
        public var id: String
        public var priority: String
        public var type: String
        public var ageDays: Int
        public var overdue: Bool
        public init(id: String, priority: String, type: String, ageDays: Int, overdue: Bool) {
            self.id = id; self.priority = priority; self.type = type; self.ageDays = ageDays; self.overdue = overdue
        }
    }

    public struct Stop: Sendable, Equatable {
        public var rep: String
        public var sequence: Int
        /// Minutes after midnight.
        public var arrivalMinute: Int
        public var day: Int
        public init(rep: String, sequence: Int, arrivalMinute: Int, day: Int) {
            self.rep = rep; self.sequence = sequence; self.arrivalMinute = arrivalMinute; self.day = day
        }
    }

    public var account: String
    /// The CRM's own labels (tier, industry, product of interest); empty when unknown.
    public var tier: String
    public var industry: String
    public var product: String
    public var segment: String
    public var channel: SalesChannel
    public var day: Int
    public var churnProbability: Double
    public var potential: Double
    public var nba: Double
    public var nbaRank: Int
    public var reasons: [String]
    /// The NBA terms behind the reasons, to pick actions and objections.
    public var reasonTerms: [NBATerm]
    public var tickets: [OpenTicket]
    public var stop: Stop?

    public init(account: String, tier: String, industry: String, product: String, segment: String, channel: SalesChannel,
                day: Int, churnProbability: Double, potential: Double, nba: Double, nbaRank: Int, reasons: [String],
                reasonTerms: [NBATerm], tickets: [OpenTicket], stop: Stop?) {
        self.account = account; self.tier = tier; self.industry = industry; self.product = product; self.segment = segment
        self.channel = channel; self.day = day; self.churnProbability = churnProbability; self.potential = potential
        self.nba = nba; self.nbaRank = nbaRank; self.reasons = reasons; self.reasonTerms = reasonTerms
        self.tickets = tickets; self.stop = stop
    }

    public var contactKind: String { Self.contactKind(channel) }

    package static func contactKind(_ channel: SalesChannel) -> String {
        channel == .field ? "visit" : (channel == .ecomSelf ? "message" : "call")
    }

    /// What to do, from the reasons first and then the channel.
    public var actions: [String] {
        var out: [String] = []
        if !tickets.isEmpty { out.append("Close out the \(tickets.count) open ticket(s) before any offer; confirm the fix with the contact.") }
        for t in reasonTerms {
            switch t {
            case .churn: out.append("Ask what would make them stay; agree one concrete retention step with a date.")
            case .potential:
                let path = product.isEmpty ? "the expansion path" : "the \(product) expansion path"
                let sized = industry.isEmpty ? "an account of this tier" : "a \(industry.lowercased()) account of this tier"
                out.append("Present \(path) sized to \(sized).")
            case .recency: out.append("Propose a re-order based on the last purchase and check why buying paused.")
            case .engagement: out.append("Walk them through the online portal so routine orders need no call.")
            case .friction: out.append("Review their support history and name an owner for anything still open.")
            case .segment: out.append("Update the account plan for segment \(segment) and the next review date.")
            }
        }
        if out.isEmpty { out.append("Check in, confirm contacts and log the next step.") }
        return out
    }

    public var objections: [(String, String)] {
        var out: [(String, String)] = [("It's too expensive.", "Tie the price to the outcome they named; offer the smaller starting package, never an unapproved discount.")]
        if !tickets.isEmpty || reasonTerms.contains(.friction) {
            out.append(("Your support has let us down.", "Acknowledge it, give the ticket status and the owner, and agree when you will call back."))
        }
        if reasonTerms.contains(.churn) {
            out.append(("We're looking at a competitor.", "Ask what they offer that matters most; compare on total cost and service, not list price."))
        }
        out.append(("Now is not a good time.", "Agree a specific date for the follow-up and send a one-page summary."))
        return out
    }

    public var compliance: [String] { Self.compliance(channel: channel, tier: Tier.planned(tier)) }

    package static func compliance(channel: SalesChannel, tier: Tier) -> [String] {
        var out = ["Record the outcome in the CRM the same day."]
        if channel == .outboundCC { out.append("Check call consent and the do-not-call list before dialling; state the purpose of the call.") }
        if channel == .field { out.append("Gifts and hospitality within policy; log the visit and anyone met.") }
        if channel == .ecomAssisted || channel == .ecomSelf { out.append("Only message contacts with marketing consent (GDPR); include the opt-out.") }
        if tier == .strategic { out.append("Strategic account: the account director approves any commercial change.") }
        out.append("No promises on prices or terms outside the approved price list.")
        return out
    }

    /// The script as a plain `[String: Any]` tree (names as in `PrepScriptTemplate.fields`): how
    /// scripts were rendered before `PrepScriptFill` and `PrepScriptPlan`, kept as the reference
    /// they are tested and benchmarked against.
    package var dictionaryContext: [String: Any] {
        var c: [String: Any] = [
            "account": account, "tier": tier, "industry": industry, "segment": segment,
            "product": product, "channel": channel.rawValue, "contact_kind": contactKind, "day": String(day + 1),
            "churn_pct": NBAReasons.percent(churnProbability), "potential_eur": NBAReasons.grouped(potential),
            "nba_score": NBAReasons.oneDecimal(nba), "nba_rank": String(nbaRank),
            "has_tickets": !tickets.isEmpty,
            "tickets": tickets.map { ["id": $0.id, "priority": $0.priority, "type": $0.type, "age_days": String($0.ageDays), "overdue": $0.overdue] as [String: Any] },
            "reasons": reasons.map { ["text": $0] },
            "actions": actions.map { ["text": $0] },
            "objections": objections.map { ["objection": $0.0, "response": $0.1] },
            "compliance": compliance.map { ["text": $0] },
        ]
        if let s = stop {
            c["stop"] = ["rep": s.rep, "sequence": String(s.sequence), "arrival": Self.clock(s.arrivalMinute), "day": String(s.day + 1)]
        }
        return c
    }

    package static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}
