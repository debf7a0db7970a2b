import Core
/// The open queue escalated two ways at the same daily capacity: by expected loss (the
/// queue's order) and by breach probability alone (the order the expected-loss queue
/// replaced). Built once per snapshot (one sort); each capacity costs O(k).
public struct RankingComparison: Sendable {
    /// Per queue row (expected-loss order): its place in the probability-only order.
    package let probabilityRank: [Int]
    /// Queue rows in probability order (highest first, ties by queue position).
    package let byProbability: [Int]
    /// Per queue row: p × breach cost if it can still be saved, else 0.
    package let savable: [Double]

    public struct Result: Sendable, Equatable {
        public var capacity: Int
        /// Expected net savings on today's queue of escalating each ranking's top `capacity`.
        public var expectedLoss: Double
        public var probabilityOnly: Double
        /// Tickets in one top-`capacity` and not in the other.
        public var differing: Int

        package init(capacity: Int, expectedLoss: Double, probabilityOnly: Double, differing: Int) {
            self.capacity = capacity; self.expectedLoss = expectedLoss; self.probabilityOnly = probabilityOnly; self.differing = differing
        }
    }

    /// `rows` in expected-loss order, as `SupportSnapshot.rows`.
    public init(_ rows: [SupportSnapshot.QueueRow]) {
        savable = rows.map { $0.state.breached ? 0 : $0.probability * $0.breachCost }
        let order = rows.indices.sorted { (rows[$0].probability, -$0) > (rows[$1].probability, -$1) }
        var rank = [Int](repeating: 0, count: rows.count)
        for (k, i) in order.enumerated() { rank[i] = k }
        byProbability = order
        probabilityRank = rank
    }

    /// Queue row `row`'s place (0 first) in the probability-only order.
    public func probabilityRank(ofRow row: Int) -> Int { probabilityRank[row] }

    public func at(capacity: Int, effectiveness e: Double, interventionCost c: Double) -> Result {
        let k = min(max(capacity, 0), savable.count)
        var el = 0.0, po = 0.0, differing = 0
        for i in 0..<k {
            el += savable[i]
            po += savable[byProbability[i]]
            if probabilityRank[i] >= k { differing += 1 }
        }
        let spent = Double(k) * c
        return Result(capacity: k, expectedLoss: el * e - spent, probabilityOnly: po * e - spent, differing: differing)
    }
}
