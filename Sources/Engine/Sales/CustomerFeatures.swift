import Core
import Learning
import Synthetic
/// The model view of customer records: every field a model may learn from, as a
/// `FeatureFrame` (ids, labels and the generator's oracle are left out), plus the two
/// targets. Recency replaces the last purchase date so that a model does not learn dates.
public enum CustomerFeatures {
    public static func frame(_ customers: [Customer], asOfDay: Int) throws -> FeatureFrame {
        var f = FeatureFrame(rowCount: customers.count)
        func num(_ name: String, _ v: (Customer) -> Double?) throws {
            try f.addNumeric(name, customers.map { v($0).map(Float.init) ?? .nan })
        }
        try num("lat") { $0.lat }
        try num("lon") { $0.lon }
        try num("recency_days") { $0.lastPurchaseDay.map { Double(asOfDay - $0) } }
        try num("amount") { $0.amount }
        try num("lifetime_value") { $0.lifetimeValue }
        try num("company_size") { Double($0.companySize) }
        try f.addLabels("industry", customers.map(\.industry), known: Industry.labels)
        try f.addLabels("tier", customers.map(\.tier), known: Tier.labels)
        try f.addCategory("preferred_channel", customers.map(\.preferredChannel))
        try f.addCategory("last_contact_channel", customers.map(\.lastContactChannel))
        try num("digital_engagement") { $0.digitalEngagement }
        try num("inbound_calls_30d") { Double($0.inboundCalls30d) }
        try num("outbound_connect_rate") { $0.outboundConnectRate }
        try num("web_sessions_30d") { Double($0.webSessions30d) }
        try num("abandoned_carts_30d") { Double($0.abandonedCarts30d) }
        try num("ecom_orders_30d") { Double($0.ecomOrders30d) }
        try num("support_tickets_90d") { Double($0.supportTickets90d) }
        try num("csat") { $0.csat }
        try num("recent_issue") { $0.recentIssue ? 1 : 0 }
        try num("touches_30d") { Double($0.touches30d) }
        try f.addLabels("product_interest", customers.map(\.productInterest), known: Product.labels)
        return f
    }

    /// Adds an imported file's extra columns to `frame` (the customers' built-in features):
    /// types inferred as `opsdeck model fit` does, leaks left out (see `ExtraFeatures`).
    /// `labelledRows` are the accounts the folds train on, with their `churn` and `value`.
    /// Nil, and the frame untouched, without extras.
    public static func addExtras(_ extras: CustomerExtras?, to frame: inout FeatureFrame, customers: Int, asOfDay: Int,
                                 labelledRows: [Int], churn: [Double], value: [Double]) throws -> ExtraFeatures? {
        guard let extras, !extras.isEmpty else { return nil }
        guard extras.rowCount == customers else {
            throw LearningError.columnLengthMismatch(column: "extra columns", expected: customers, got: extras.rowCount)
        }
        var extra = ExtraFeatures(extras.table(source: "customers"), asOfDay: asOfDay, taken: Set(frame.names))
        extra.dropLeaks(rows: labelledRows, churn: churn, value: value)
        try extra.add(to: &frame)
        return extra
    }


    /// Spend over the next six months; throws when a customer has none.
    public static func futureSpend(_ customers: [Customer]) throws -> [Double] {
        try customers.enumerated().map { i, c in
            guard let v = c.futureSpend, v.isFinite else { throw LearningError.nonFiniteTarget(row: i) }
            return v
        }
    }
}
