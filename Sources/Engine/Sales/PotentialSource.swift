import Core
/// Where an account's potential comes from when the file has no future-spend labels:
/// a revenue column of the CRM's own (Salesforce AnnualRevenue, HubSpot Annual Revenue),
/// else the lifetime value, else the last purchase amount. Nil when the file has none of
/// them: the NBA then drops its potential term, and the trace says so.
public struct PotentialSource: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    package static let revenueNames: Set<String> = ["annualrevenue", "revenue", "arr", "annualrecurringrevenue", "mrr",
                                            "monthlyrecurringrevenue", "totalrevenue", "annualspend", "spend"]

    public static func find(_ customers: [Customer], extras: CustomerExtras?) -> PotentialSource? {
        if let extras {
            for (j, c) in extras.columns.enumerated() where revenueNames.contains(normaliseLabel(Substring(c.name))) {
                let parsed = c.values.map { Double($0.filter { $0 != "," && $0 != " " && $0 != "$" && $0 != "€" }) }
                let values = (0..<extras.rowCount).map { r -> Double in
                    guard let v = parsed[Int(c.codes[r])] ?? nil, v.isFinite, v >= 0 else { return 0 }
                    return v
                }
                if values.contains(where: { $0 > 0 }) { return PotentialSource(name: extras.columns[j].name, values: values) }
            }
        }
        if customers.contains(where: { $0.lifetimeValue > 0 }) {
            return PotentialSource(name: "lifetime_value", values: customers.map(\.lifetimeValue))
        }
        if customers.contains(where: { ($0.amount ?? 0) > 0 }) {
            return PotentialSource(name: "amount", values: customers.map { max(0, $0.amount ?? 0) })
        }
        return nil
    }
}

extension SalesModels {
    /// The models on whatever labels the file has: both (the usual run), churn only (the
    /// potential from `PotentialSource`), or none (churn unknown, NBA terms dropped). A CRM
    /// export without labels is planned on, never refused; `ModelScores.notes` says how.
    package static func fitOnAvailableLabels(_ customers: [Customer], extras: CustomerExtras?, asOfDay: Int, config: SalesConfig,
                                     seed: UInt64, threads: Int) throws -> ModelScores {
        let need = max(minimumLabelled, config.folds)
        let churnLabels = customers.compactMap(\.churned)
        let churnKnown = churnLabels.count >= need && churnLabels.contains(true) && churnLabels.contains(false)
        let source = PotentialSource.find(customers, extras: extras)
        guard churnKnown else {
            let notes = ["no churn model: \(churnLabels.count) accounts have a churn label (at least \(need), of both kinds, are needed); "
                         + "the NBA leaves churn out", potentialNote(source)]
            return ModelScores(churn: [Double](repeating: 0, count: customers.count), potential: source?.values ?? Array(repeating: 0, count: customers.count),
                               labelled: 0, auc: .nan, ece: .nan, rmseLog: .nan, r2Log: .nan, calibration: [], importance: [],
                               churnModelled: false, valueModelled: false, potentialKnown: source != nil, notes: notes)
        }
        // Churn is learnt; the value model's slot learns the proxy and its output is set aside
        // for the proxy itself, so the potential is what the file says, not a model of it.
        var filled = customers
        for i in filled.indices where !(filled[i].futureSpend.map { $0.isFinite && $0 >= 0 } ?? false) {
            filled[i].futureSpend = source?.values[i] ?? 0
        }
        var scores = try run(filled, extras: extras, asOfDay: asOfDay, config: config, seed: seed, threads: threads)
        scores.potential = source?.values ?? Array(repeating: 0, count: customers.count)
        scores.rmseLog = .nan
        scores.r2Log = .nan
        scores.valueModelled = false
        scores.potentialKnown = source != nil
        scores.cards = scores.cards.filter { $0.target.column != "future_spend_6m" }
        scores.notes = [potentialNote(source)]
        return scores
    }

    private static func potentialNote(_ source: PotentialSource?) -> String {
        source.map { "potential: the file's \($0.name) (no future-spend labels to learn from)" }
            ?? "no potential: the file has no future spend, revenue, lifetime value or amount; the NBA leaves potential out"
    }
}
