/// One B2B account as a sales-ops team has it. Optional fields are missing in the source.
/// Dates are whole days since 1970-01-01 (see `CivilDate`).
public struct Customer: Sendable, Equatable {
    public var id: String
    public var lat: Double
    public var lon: Double
    public var lastPurchaseDay: Int?
    /// Amount of the last purchase, EUR.
    public var amount: Double?
    public var lifetimeValue: Double
    /// Employees.
    public var companySize: Int
    /// The CRM's own industry label ("Insurance", "COMPUTER_SOFTWARE", …); empty when unknown.
    public var industry: String
    /// The CRM's own tier label; `Tier.planned` reads its meaning for the field plan.
    public var tier: String
    /// Nil: no known preference (the file had none, or a label none of the five channels means).
    public var preferredChannel: SalesChannel?
    public var lastContactChannel: SalesChannel?
    /// 0–100.
    public var digitalEngagement: Double
    public var inboundCalls30d: Int
    /// 0–1.
    public var outboundConnectRate: Double
    public var webSessions30d: Int
    public var abandonedCarts30d: Int
    public var ecomOrders30d: Int
    public var supportTickets90d: Int
    /// 0–10.
    public var csat: Double?
    public var recentIssue: Bool
    public var touches30d: Int
    /// The product the account is interested in, as the CRM names it; empty when unknown.
    public var productInterest: String
    /// Label: churned within the outcome window (nil when unknown, e.g. on scoring data).
    public var churned: Bool?
    /// Label: spend over the next 6 months, EUR.
    public var futureSpend: Double?
    /// The generator's true churn logit; only synthetic data has it (an oracle for tests).
    public var churnLogit: Double?
    /// The account's name as the CRM holds it (tickets may name their account by it).
    public var name: String?
    /// Opening hours and visit length; nil: the rep's day and the plan's visit length.
    public var visitWindow: VisitWindow?
    /// The account's web domain (`acme.com`, from a CRM's Website or Domain), which a
    /// ticket's requester e-mail links to; nil when the CRM has none.
    public var domain: String?

    public init(
        id: String, lat: Double, lon: Double, lastPurchaseDay: Int?, amount: Double?, lifetimeValue: Double,
        companySize: Int, industry: String, tier: String, preferredChannel: SalesChannel?,
        lastContactChannel: SalesChannel?, digitalEngagement: Double, inboundCalls30d: Int,
        outboundConnectRate: Double, webSessions30d: Int, abandonedCarts30d: Int, ecomOrders30d: Int,
        supportTickets90d: Int, csat: Double?, recentIssue: Bool, touches30d: Int, productInterest: String,
        churned: Bool? = nil, futureSpend: Double? = nil, churnLogit: Double? = nil, name: String? = nil,
        visitWindow: VisitWindow? = nil, domain: String? = nil
    ) {
        self.id = id; self.lat = lat; self.lon = lon; self.lastPurchaseDay = lastPurchaseDay
        self.amount = amount; self.lifetimeValue = lifetimeValue; self.companySize = companySize
        self.industry = industry; self.tier = tier; self.preferredChannel = preferredChannel
        self.lastContactChannel = lastContactChannel; self.digitalEngagement = digitalEngagement
        self.inboundCalls30d = inboundCalls30d; self.outboundConnectRate = outboundConnectRate
        self.webSessions30d = webSessions30d; self.abandonedCarts30d = abandonedCarts30d
        self.ecomOrders30d = ecomOrders30d; self.supportTickets90d = supportTickets90d; self.csat = csat
        self.recentIssue = recentIssue; self.touches30d = touches30d; self.productInterest = productInterest
        self.churned = churned; self.futureSpend = futureSpend; self.churnLogit = churnLogit; self.name = name
        self.visitWindow = visitWindow; self.domain = domain
    }

    /// The tier's meaning for the field plan.
    public var plannedTier: Tier { Tier.planned(tier) }
}

/// When an account can be visited and for how long, as a CRM holds it (opening hours and
/// a visit length). Minutes after midnight, local time.
public struct VisitWindow: Sendable, Equatable {
    public var opens: Int?
    public var closes: Int?
    /// Length of a visit; nil: the plan's default.
    public var minutes: Int?

    public init(opens: Int? = nil, closes: Int? = nil, minutes: Int? = nil) {
        self.opens = opens; self.closes = closes; self.minutes = minutes
    }
}
