import Testing
import Core
import Optimisation

/// The compressed solvers against the plain min-cost flow on the same networks: the totals
/// must match on every instance (ties, empty columns, capacity exactly the demand or more).
@Suite struct TransportationTests {
    /// The reference: row → column arcs of capacity 1, column → sink arcs of the column's
    /// capacity, m units from the rows to the sink: a balanced network, so the reference is
    /// `solve(supply:)`'s plain successive shortest paths.
    func minCostFlowUnits(_ cost: [Int], _ capacity: [Int]) -> Int {
        let k = capacity.count, m = cost.count / k, sink = m + k
        var g = MinCostFlow(nodes: m + k + 1)
        for j in 0..<m {
            for c in 0..<k where capacity[c] > 0 { g.addArc(from: j, to: m + c, capacity: 1, cost: cost[j * k + c]) }
        }
        for c in 0..<k { g.addArc(from: m + c, to: sink, capacity: capacity[c], cost: 0) }
        var supply = [Int](repeating: 1, count: m + k + 1)
        for c in 0..<k { supply[m + c] = 0 }
        supply[sink] = -m
        let r = g.solve(supply: supply)
        #expect(r.flow == m)
        return r.cost
    }

    /// Random capacities covering `m` rows: exactly, or with room to spare; about a third of
    /// the columns get none.
    func capacities(_ m: Int, _ k: Int, exact: Bool, _ rng: inout SeededRNG) -> [Int] {
        var open = (0..<k).filter { _ in rng.int(below: 3) != 0 }
        if open.isEmpty { open = [rng.int(below: k)] }
        var cap = [Int](repeating: 0, count: k)
        for _ in 0..<(exact ? m : m + 1 + rng.int(below: m + 1)) { cap[open[rng.int(below: open.count)]] += 1 }
        return cap
    }

    @Test func unitAssignmentMatchesMinCostFlowOnRandomDays() {
        var rng = SeededRNG(seed: 2026)
        for trial in 0..<300 {
            let k = 1 + rng.int(below: 6), m = rng.int(below: 40)
            // Few distinct costs on some trials, so ties are everywhere.
            let spread = trial % 3 == 0 ? 3 : 20_000
            let cost = (0..<(m * k)).map { _ in rng.int(below: spread) - (trial % 5 == 0 ? spread / 2 : 0) }
            let cap = capacities(m, k, exact: trial % 2 == 0, &rng)
            let r = Transportation.assignUnits(cost: cost, capacity: cap)
            #expect(r.cost == minCostFlowUnits(cost, cap), "trial \(trial): m \(m), capacity \(cap)")
            var used = [Int](repeating: 0, count: k)
            for j in 0..<m { used[Int(r.column[j])] += 1 }
            #expect(zip(used, cap).allSatisfy { $0 <= $1 }, "trial \(trial)")
            #expect((0..<m).map { cost[$0 * k + Int(r.column[$0])] }.reduce(0, +) == r.cost)
        }
    }

    @Test func unitAssignmentIsDeterministicAndBreaksTiesLow() {
        // Every cost equal: rows fill columns in order, lowest column first.
        let r = Transportation.assignUnits(cost: Array(repeating: 7, count: 6 * 3), capacity: [2, 0, 4])
        #expect(r.column == [0, 0, 2, 2, 2, 2] && r.cost == 42)
        var rng = SeededRNG(seed: 9)
        let cost = (0..<(500 * 5)).map { _ in rng.int(below: 50) }
        let cap = [100, 0, 150, 120, 130]
        #expect(Transportation.assignUnits(cost: cost, capacity: cap).column == Transportation.assignUnits(cost: cost, capacity: cap).column)
    }

    /// A chain of displacements: row 2 wants column 0 badly, row 0 moves to 1, row 1 to 2.
    @Test func unitAssignmentFollowsAChainOfMoves() {
        let cost = [0, 1, 9,
                    9, 0, 1,
                    0, 9, 9]
        let r = Transportation.assignUnits(cost: cost, capacity: [1, 1, 1])
        #expect(r.column == [1, 2, 0] && r.cost == 2)
        #expect(minCostFlowUnits(cost, [1, 1, 1]) == 2)
    }

    /// The reference for divisible amounts: the network `Territories.capacitatedAssign` used
    /// to build, one arc per piece from each column to the sink.
    func minCostFlowAmounts(_ supply: [Int], _ arcStart: [Int], _ arcColumn: [Int32], _ arcCost: [Int],
                            _ pieces: [[Transportation.Piece]]) -> Int {
        let n = supply.count, k = pieces.count, sink = n + k
        var g = MinCostFlow(nodes: n + k + 1)
        for i in 0..<n {
            for a in arcStart[i]..<arcStart[i + 1] { g.addArc(from: i, to: n + Int(arcColumn[a]), capacity: supply[i], cost: arcCost[a]) }
        }
        for t in 0..<k { for p in pieces[t] { g.addArc(from: n + t, to: sink, capacity: p.capacity, cost: p.cost) } }
        let total = supply.reduce(0, +)
        var s = supply + Array(repeating: 0, count: k + 1)
        s[sink] = -total
        let r = g.solve(supply: s)
        #expect(r.flow == total)
        return r.cost
    }

    @Test func amountsMatchMinCostFlowOnRandomNetworks() {
        var rng = SeededRNG(seed: 77)
        for trial in 0..<300 {
            let n = rng.int(below: 30), k = 1 + rng.int(below: 7), degree = 1 + rng.int(below: k)
            let supply = (0..<n).map { _ in 1 + rng.int(below: trial % 4 == 0 ? 3 : 40) }
            let total = supply.reduce(0, +)
            var arcStart = [0], arcColumn: [Int32] = [], arcCost: [Int] = []
            for _ in 0..<n {
                var cols = Array(0..<k)
                for j in 0..<degree { cols.swapAt(j, j + rng.int(below: k - j)) }
                for t in cols.prefix(degree) { arcColumn.append(Int32(t)); arcCost.append(rng.int(below: trial % 3 == 0 ? 4 : 500)) }
                arcStart.append(arcColumn.count)
            }
            // As territories: a rewarded lower bound, a free band, a costly overflow (some zero).
            let mean = k > 0 ? total / k : 0
            let pieces = (0..<k).map { _ -> [Transportation.Piece] in
                let lo = trial % 7 == 0 ? 0 : rng.int(below: mean + 2), band = rng.int(below: 3) == 0 ? 0 : rng.int(below: mean + 2)
                return [.init(capacity: lo, cost: -1_000_000), .init(capacity: band, cost: 0), .init(capacity: total, cost: 100_000)]
            }
            let r = Transportation.routeAmounts(supply: supply, arcStart: arcStart, arcColumn: arcColumn, arcCost: arcCost, pieces: pieces)
            #expect(r.cost == minCostFlowAmounts(supply, arcStart, arcColumn, arcCost, pieces), "trial \(trial)")
            for i in 0..<n { #expect((arcStart[i]..<arcStart[i + 1]).map { r.flow[$0] }.reduce(0, +) == supply[i]) }
            #expect(r.flow.allSatisfy { $0 >= 0 })
        }
    }

    /// Pieces alone bound the loads: the cheap column fills to its first piece, the rest
    /// goes where the next unit costs least.
    @Test func amountsRespectPiecesByHand() {
        // One row of 10 units, columns 0 (arc 1) and 1 (arc 5); column 0 takes 4 free then 100
        // each, column 1 is free: 4 to column 0 (4), 6 to column 1 (30): 34.
        let pieces: [[Transportation.Piece]] = [[.init(capacity: 4, cost: 0), .init(capacity: 100, cost: 100)], [.init(capacity: 100, cost: 0)]]
        let r = Transportation.routeAmounts(supply: [10], arcStart: [0, 2], arcColumn: [0, 1], arcCost: [1, 5], pieces: pieces)
        #expect(r.flow == [4, 6] && r.cost == 34)
    }
}
