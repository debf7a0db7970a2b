import Core
/// The documented ground truth behind the synthetic labels. Models never see these
/// functions; tests compare a fitted model with them (the oracle).
///
/// Churn within the outcome window is Bernoulli(σ(logit + ε)), ε ~ N(0, 0.35²), where
///
///     logit = −2.30
///           + 0.90 · ln(1 + recencyDays / 30)         long since the last purchase → churn
///           − 0.35 · (csat − 7)                        unhappy accounts leave (missing CSAT → 7)
///           + 0.22 · supportTickets90d                 friction
///           − 0.028 · (digitalEngagement − 50)         engaged accounts stay
///           + tierEffect (A −0.25, B 0, C +0.40, Strategic −0.80)
///           + 0.75 · recentIssue
///           + 0.45 · recentIssue · 𝟙[csat < 6]         the interaction: an issue left unresolved
///
/// and future 6-month spend is
///
///     ln(spend) = 0.20 + 0.62 · ln(lifetimeValue) + 0.30 · ln(companySize)
///               + industryEffect (Retail 0, Healthcare +0.15, SaaS +0.35, Education −0.25,
///                 Manufacturing +0.10) + η,   η ~ N(0, 0.40²)
///
/// scaled down by half for accounts that churn (they spend until they go).
public enum ChurnTruth {
    public static let intercept = -2.30
    public static let labelNoiseSD = 0.35

    public static func tierEffect(_ t: Tier) -> Double {
        switch t {
        case .a: -0.25
        case .b: 0
        case .c: 0.40
        case .strategic: -0.80
        }
    }

    public static func industrySpendEffect(_ i: Industry) -> Double {
        switch i {
        case .retail: 0
        case .healthcare: 0.15
        case .saas: 0.35
        case .education: -0.25
        case .manufacturing: 0.10
        }
    }

    /// The true churn logit (without the label noise).
    public static func logit(recencyDays: Double, csat: Double?, supportTickets90d: Int,
                             digitalEngagement: Double, tier: Tier, recentIssue: Bool) -> Double {
        let c = csat ?? 7
        let issue = recentIssue ? 1.0 : 0.0
        var z = intercept
        z += 0.90 * _log(1 + max(0, recencyDays) / 30)
        z -= 0.35 * (c - 7)
        z += 0.22 * Double(supportTickets90d)
        z -= 0.028 * (digitalEngagement - 50)
        z += tierEffect(tier)
        z += 0.75 * issue
        z += 0.45 * issue * (c < 6 ? 1 : 0)
        return z
    }

    /// The expected log of future spend before noise.
    public static func logSpendMean(lifetimeValue: Double, companySize: Int, industry: Industry) -> Double {
        0.20 + 0.62 * _log(max(1, lifetimeValue)) + 0.30 * _log(Double(max(1, companySize)))
            + industrySpendEffect(industry)
    }
}
