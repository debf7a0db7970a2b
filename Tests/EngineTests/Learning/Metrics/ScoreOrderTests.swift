import Testing
import Core
import Learning

/// The radix order is the comparison sort's order, ties by index, on the scores metrics see.
@Suite struct ScoreOrderTests {
    static func comparisonDescending(_ s: [Double]) -> [Int] { s.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 } }
    static func comparisonAscending(_ s: [Double]) -> [Int] { s.indices.sorted { s[$0] != s[$1] ? s[$0] < s[$1] : $0 < $1 } }

    /// Probabilities with many exact ties (a tree model's scores take few values), both zeros,
    /// negatives, subnormals and infinities, at sizes either side of the radix threshold.
    static func scores(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SeededRNG(seed: seed)
        let specials: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                  .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e-300, -1e300]
        let levels = (0..<37).map { _ in rng.uniform() }
        return (0..<n).map { _ in
            switch rng.int(below: 10) {
            case 0: specials[rng.int(below: specials.count)]
            case 1...5: levels[rng.int(below: levels.count)]
            default: rng.uniform(-3, 3)
            }
        }
    }

    @Test(arguments: [0, 1, 2, 100, 2047, 2048, 5000, 100_003])
    func sameOrderAsTheComparisonSort(_ n: Int) {
        let s = Self.scores(n, seed: UInt64(n) &+ 7)
        #expect(ScoreOrder.descending(s) == Self.comparisonDescending(s))
        #expect(ScoreOrder.ascending(s) == Self.comparisonAscending(s))
    }

    /// A subset of rows (a day's tickets among a year's) in the order the whole would give them.
    @Test(arguments: [0, 1, 500, 2047, 2048, 9000])
    func someRowsInTheOrderOfTheWhole(_ count: Int) {
        let s = Self.scores(3 * count + 10, seed: UInt64(count) &+ 3)
        var rng = SeededRNG(seed: UInt64(count))
        let rows = Array(rng.sample(s.count, count).sorted())
        let whole = Self.comparisonDescending(s), picked = Set(rows)
        s.withUnsafeBufferPointer { b in
            #expect(ScoreOrder.descending(rows: rows, scores: b) == whole.filter { picked.contains($0) })
        }
    }

    @Test func bytesEveryScoreSharesAreSkippedAndTheOrderHolds() {
        // Every score in [0.5, 1): the exponent bytes are the same for all, so those passes move nothing.
        var rng = SeededRNG(seed: 3)
        let s = (0..<50_000).map { _ in 0.5 + rng.uniform() / 2 }
        #expect(ScoreOrder.descending(s) == Self.comparisonDescending(s))
        let same = [Double](repeating: 0.25, count: 4096)
        #expect(ScoreOrder.descending(same) == Array(0..<4096))
    }

    @Test func nanSortsLastEitherWayByIndex() {
        var s = Self.scores(4096, seed: 11)
        s[5] = .nan; s[4000] = .nan; s[17] = -.nan
        let numbers = s.indices.filter { !s[$0].isNaN }
        let rest = numbers.map { s[$0] }
        #expect(ScoreOrder.descending(s) == Self.comparisonDescending(rest).map { numbers[$0] } + [5, 17, 4000])
        #expect(ScoreOrder.ascending(s) == Self.comparisonAscending(rest).map { numbers[$0] } + [5, 17, 4000])
    }

    @Test func metricsReadTheSameOrder() throws {
        let s = Self.scores(10_000, seed: 5).map { min(max($0, 0), 1) }
        var rng = SeededRNG(seed: 9)
        let y = s.map { rng.uniform() < $0 ? 1.0 : 0.0 }
        // The AUC by mid-ranks, on the comparison sort's order, as Metrics had it.
        let order = Self.comparisonAscending(s)
        var rankSum = 0.0, pos = 0.0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && s[order[j + 1]] == s[order[i]] { j += 1 }
            for k in i...j where y[order[k]] == 1 { rankSum += Double(i + j) / 2 + 1; pos += 1 }
            i = j + 1
        }
        let neg = Double(s.count) - pos
        #expect(try Metrics.rocAUC(labels: y, scores: s) == (rankSum - pos * (pos + 1) / 2) / (pos * neg))
    }
}
