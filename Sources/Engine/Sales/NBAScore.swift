import Core
/// Weights of the NBA score's terms. A positive weight means "more of this raises the
/// account's priority"; a negative one lowers it; zero drops the term.
public struct NBAWeights: Codable, Sendable, Equatable {
    public var churn = 0.30
    public var potential = 0.30
    public var recency = 0.10
    public var engagement = -0.10
    public var friction = 0.10
    public var segment = 0.10

    public init() {}

    public init(churn: Double, potential: Double, recency: Double, engagement: Double, friction: Double, segment: Double) {
        self.churn = churn; self.potential = potential; self.recency = recency
        self.engagement = engagement; self.friction = friction; self.segment = segment
    }

    /// In `NBATerm` order.
    public var values: [Double] { [churn, potential, recency, engagement, friction, segment] }

    package enum CodingKeys: String, CodingKey, CaseIterable { case churn, potential, recency, engagement, friction, segment }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self), d = NBAWeights()
        churn = try c.value(.churn, d.churn); potential = try c.value(.potential, d.potential)
        recency = try c.value(.recency, d.recency); engagement = try c.value(.engagement, d.engagement)
        friction = try c.value(.friction, d.friction); segment = try c.value(.segment, d.segment)
    }
}

/// The six inputs of the NBA score, one raw value per account each.
public enum NBATerm: Int, CaseIterable, Sendable {
    case churn, potential, recency, engagement, friction, segment
}

/// Next Best Action priority: a transparent weighted sum of standardised terms,
///
///     nba = Σ_k w_k · (x_k − mean_k) / sd_k
///
/// over churn probability, predicted 6-month value (log), days since the last purchase,
/// digital engagement, support friction (tickets in 90 days + open tickets + low CSAT) and the
/// segment's rank. A term with no spread contributes zero. Each account keeps the three terms
/// that raise its score most (its reasons), in words from `NBAReasons`.
public struct NBAScore: Sendable, Equatable {
    public static let reasonSlots = 3
    public var score: [Float]
    /// Per account, `reasonSlots` term codes (`NBATerm.rawValue`), 255 for none; strongest first.
    public var reasons: [UInt8]
    public var means: [Double]
    public var sds: [Double]

    /// `terms[k]` holds term k for every account (all the same length).
    public init(terms: [[Double]], weights: NBAWeights) {
        precondition(terms.count == NBATerm.allCases.count, "one array per NBA term")
        let n = terms[0].count
        let w = weights.values
        var means = [Double](repeating: 0, count: terms.count), sds = means
        for (k, x) in terms.enumerated() {
            precondition(x.count == n, "every NBA term needs one value per account")
            let m = x.reduce(0, +) / Double(max(1, n))
            var ss = 0.0
            for v in x { ss += (v - m) * (v - m) }
            means[k] = m
            sds[k] = (ss / Double(max(1, n))).squareRoot()
        }
        var score = [Float](repeating: 0, count: n)
        var reasons = [UInt8](repeating: 255, count: n * Self.reasonSlots)
        let scale = (0..<terms.count).map { sds[$0] > 1e-12 ? w[$0] / sds[$0] : 0 }
        var contrib = [Double](repeating: 0, count: terms.count)
        for i in 0..<n {
            var s = 0.0
            for k in 0..<terms.count {
                contrib[k] = (terms[k][i] - means[k]) * scale[k]
                s += contrib[k]
            }
            score[i] = Float(s)
            // Top positive contributions, strongest first (ties to the lower term code).
            for slot in 0..<Self.reasonSlots {
                var best = -1
                for k in 0..<terms.count where contrib[k] > 1e-9 && (best < 0 || contrib[k] > contrib[best]) { best = k }
                guard best >= 0 else { break }
                reasons[i * Self.reasonSlots + slot] = UInt8(best)
                contrib[best] = 0
            }
        }
        self.score = score
        self.reasons = reasons
        self.means = means
        self.sds = sds
    }

    /// Account indices from the highest score down (ties to the lower index): the priority order.
    public func priorityOrder() -> [Int] {
        let s = score
        return (0..<s.count).sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }
    }

    public func reasonTerms(_ i: Int) -> [NBATerm] {
        (0..<Self.reasonSlots).compactMap { NBATerm(rawValue: Int(reasons[i * Self.reasonSlots + $0])) }
    }
}
