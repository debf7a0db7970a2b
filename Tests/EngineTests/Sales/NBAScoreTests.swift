import Testing
import Sales

@Suite struct NBAScoreTests {
    // Account 0: high churn, low potential. Account 1: low churn, high potential.
    let terms: [[Double]] = [[0.8, 0.1, 0.4], [1_000, 9_000, 5_000], [30, 30, 30], [50, 50, 50], [0, 0, 0], [0.5, 0.5, 0.5]]

    @Test func weightsChangeTheRankingAsDocumented() {
        let churnFirst = NBAScore(terms: terms, weights: NBAWeights(churn: 1, potential: 0.2, recency: 0, engagement: 0, friction: 0, segment: 0))
        #expect(churnFirst.priorityOrder().first == 0)
        #expect(churnFirst.reasonTerms(0).first == .churn)
        let valueFirst = NBAScore(terms: terms, weights: NBAWeights(churn: 0.2, potential: 1, recency: 0, engagement: 0, friction: 0, segment: 0))
        #expect(valueFirst.priorityOrder().first == 1)
        #expect(valueFirst.reasonTerms(1).first == .potential)
    }

    @Test func constantTermsAddNothingAndScoreIsTheWeightedSum() {
        let w = NBAWeights(churn: 0.5, potential: 0.5, recency: 3, engagement: 3, friction: 3, segment: 3)
        let s = NBAScore(terms: terms, weights: w)
        let zc = (0.8 - s.means[0]) / s.sds[0], zp = (1_000 - s.means[1]) / s.sds[1]
        #expect(abs(Double(s.score[0]) - (0.5 * zc + 0.5 * zp)) < 1e-5)
        #expect(!s.reasonTerms(0).contains(.recency))
    }

    @Test func reasonsInWords() {
        let f = NBAReasons.Facts(churnProbability: 0.42, potential: 12_400, recencyDays: 120, engagement: 12, ticketsOpen: 1,
                                 tickets90d: 3, csat: 5.5, segmentLabel: "V3·P3")
        #expect(NBAReasons.words(.churn, f, weight: 1) == "high churn risk (42%)")
        #expect(NBAReasons.words(.potential, f, weight: 1) == "high predicted 6-month value (€12,400)")
        #expect(NBAReasons.words(.engagement, f, weight: -1) == "little digital engagement (12/100)")
        #expect(NBAReasons.words(.friction, f, weight: 1) == "support friction: 3 tickets in 90 days, 1 open, CSAT 5.5")
    }
}
