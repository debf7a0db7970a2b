import Testing
import Core
import Support

@Suite struct CapacityTableTests {
    /// Straight from the definition: per day, sort by score (ties by index), take the top n.
    private func bruteForce(day: [Int], score: [Double], cost: [Double], breach: [Double], n: Int,
                            eff: Double, ic: Double) -> (reviews: Int, gross: Double, prevented: Double) {
        var reviews = 0, gross = 0.0, prevented = 0.0
        for d in Set(day) {
            let top = day.indices.filter { day[$0] == d }
                .sorted { (score[$0], -$0) > (score[$1], -$1) }
                .prefix(n)
            reviews += top.count
            for i in top { gross += cost[i] * eff; prevented += breach[i] * eff }
        }
        return (reviews, gross, prevented)
    }

    /// The days dealt by counting, each day's block sorted: the order of one sort on
    /// (day, score desc, row), for a dense span of days and for days too sparse for a table.
    @Test func rankingOrderIsTheOneSortOrder() {
        var rng = SeededRNG(seed: 11)
        let n = 3000
        // One day: its 3 000 rows take the radix path; thirty: each day's block the comparison one.
        for spread in [1, 30, 1_000_000_000] {
            let day = (0..<n).map { _ in -5 + rng.int(below: spread) }
            let score = (0..<n).map { _ in Double(rng.int(below: 25)) / 4 }  // ties on purpose
            let expected = (0..<n).sorted { (a: Int, b: Int) -> Bool in
                if day[a] != day[b] { return day[a] < day[b] }
                if score[a] != score[b] { return score[a] > score[b] }
                return a < b
            }
            #expect(CapacityTable.order(day: day, score: score) == expected)
        }
        #expect(CapacityTable.order(day: [], score: []).isEmpty)
    }

    @Test func outcomeEqualsBruteForceForRandomCapacities() {
        var rng = SeededRNG(seed: 5)
        let n = 600
        let day = (0..<n).map { _ in 100 + rng.int(below: 12) }
        let score = (0..<n).map { _ in Double(rng.int(below: 40)) }  // many ties on purpose
        let breach = (0..<n).map { _ in rng.bernoulli(0.3) ? 1.0 : 0.0 }
        let cost = breach.map { $0 * [10.0, 50, 200, 500][rng.int(below: 4)] }
        let table = CapacityTable(day: day, score: score, cost: cost, breach: breach)
        let curve = table.curve(effectiveness: 0.7, interventionCost: 3)
        for _ in 0..<40 {
            let cap = rng.int(below: table.maxPerDay + 10)
            let got = table.outcome(capacity: cap, effectiveness: 0.7, interventionCost: 3)
            let want = bruteForce(day: day, score: score, cost: cost, breach: breach, n: cap, eff: 0.7, ic: 3)
            #expect(got.reviews == want.reviews)
            #expect(abs(got.grossSavings - want.gross) < 1e-9)
            #expect(abs(got.breachesPrevented - want.prevented) < 1e-9)
            #expect(abs(got.netSavings - (want.gross - 3 * Double(want.reviews))) < 1e-9)
            let c = curve[min(cap, table.maxPerDay)]
            #expect(c.reviews == got.reviews)
            #expect(abs(c.grossSavings - got.grossSavings) < 1e-9)
        }
        #expect(table.outcome(capacity: 0, effectiveness: 1, interventionCost: 2).roi == nil)
        #expect(abs(table.outcome(capacity: table.maxPerDay, effectiveness: 1, interventionCost: 2).capturedShare - 1) < 1e-12)
    }

    private func argmaxNet(_ t: CapacityTable, ic: Double) -> Int {
        var best = 0, bestNet = 0.0
        for n in 0...(t.maxPerDay + 2) {
            let net = t.outcome(capacity: n, effectiveness: 1, interventionCost: ic).netSavings
            if net > bestNet + 1e-12 { best = n; bestNet = net }
        }
        return best
    }

    @Test func suggestedCapacityIsArgmaxOfNetSavings() {
        // Day 1 expected savings 10, 3, 1; day 2: 8, 2.5; intervention 2.
        // Net: N=1 → 18 − 4 = 14; N=2 → 14 + 5.5 − 4 = 15.5; N=3 → 15.5 + 1 − 2 = 14.5.
        let simple = CapacityTable(day: [1, 1, 1, 2, 2], score: [10, 3, 1, 8, 2.5], cost: [10, 3, 1, 8, 2.5],
                                   breach: [1, 0.3, 0.1, 0.8, 0.25])
        #expect(simple.suggestedCapacity(effectiveness: 1, interventionCost: 2) == 2)
        #expect(argmaxNet(simple, ic: 2) == 2)
        // Marginal not monotone: day 1 holds 10, 3, 3 and day 2 holds 10, 0.5. Going from
        // 1 to 2 a day adds (3 − 2) + (0.5 − 2) = −0.5, but 2 → 3 adds 3 − 2 = +1 because
        // day 2 has run out: the best is 3, not where the marginal first dips below cost.
        let bumpy = CapacityTable(day: [1, 1, 1, 2, 2], score: [10, 3, 3, 10, 0.5], cost: [10, 3, 3, 10, 0.5],
                                  breach: [1, 1, 1, 1, 1])
        let net = (0...3).map { bumpy.outcome(capacity: $0, effectiveness: 1, interventionCost: 2).netSavings }
        #expect(net == [0, 16, 15.5, 16.5])
        #expect(bumpy.suggestedCapacity(effectiveness: 1, interventionCost: 2) == 3)
        #expect(argmaxNet(bumpy, ic: 2) == 3)
        // When nothing pays for its intervention, suggest none.
        #expect(simple.suggestedCapacity(effectiveness: 1, interventionCost: 50) == 0)
    }
}
