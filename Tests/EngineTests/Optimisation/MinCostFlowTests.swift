import Testing
import Core
import Optimisation

@Suite struct MinCostFlowTests {
    /// s=0 → a=1 (cap 4, cost 1), s → b=2 (cap 2, cost 4), a → b (cap 2, cost 1),
    /// a → t=3 (cap 2, cost 6), b → t (cap 5, cost 1). Sending 6 units, by hand: the LP puts
    /// 4 on s→a, 2 on s→b, 2 on a→b, 2 on a→t, 4 on b→t: cost 4 + 8 + 2 + 12 + 4 = 30.
    @Test func matchesTheLPSolvedByHand() {
        var g = MinCostFlow(nodes: 4)
        let sa = g.addArc(from: 0, to: 1, capacity: 4, cost: 1)
        let sb = g.addArc(from: 0, to: 2, capacity: 2, cost: 4)
        let ab = g.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        let at = g.addArc(from: 1, to: 3, capacity: 2, cost: 6)
        let bt = g.addArc(from: 2, to: 3, capacity: 5, cost: 1)
        let r = g.solve(source: 0, sink: 3)
        #expect(r.flow == 6)
        #expect(r.cost == 30)
        #expect([sa, sb, ab, at, bt].map { g.flow(on: $0) } == [4, 2, 2, 2, 4])
    }

    /// With a limit of 3 only the cheapest paths are used: s→a→b→t (3) twice, then s→a→t (7)
    /// or s→b→t (5): the second, 2·3 + 5 = 11.
    @Test func respectsTheFlowLimit() {
        var g = MinCostFlow(nodes: 4)
        g.addArc(from: 0, to: 1, capacity: 4, cost: 1)
        g.addArc(from: 0, to: 2, capacity: 2, cost: 4)
        g.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        g.addArc(from: 1, to: 3, capacity: 2, cost: 6)
        g.addArc(from: 2, to: 3, capacity: 5, cost: 1)
        let r = g.solve(source: 0, sink: 3, limit: 3)
        #expect(r.flow == 3 && r.cost == 11)
    }

    /// A negative arc (a forced lower bound, as territories use) is taken first.
    @Test func negativeCostsUseBellmanFordPotentials() {
        var g = MinCostFlow(nodes: 3)
        g.addArc(from: 0, to: 1, capacity: 3, cost: 2)
        g.addArc(from: 1, to: 2, capacity: 1, cost: -10)
        g.addArc(from: 1, to: 2, capacity: 5, cost: 0)
        let r = g.solve(source: 0, sink: 2)
        #expect(r.flow == 3 && r.cost == 3 * 2 - 10)
    }

    /// The same LP given as supplies (6 at s, −6 at t) and as a transportation problem
    /// with two sources: 3 units at a, 3 at b, demand 6 at t; a → t costs 6 (cap 2), a → b
    /// costs 1 (cap 2), b → t costs 1 (cap 5). By hand: b→t carries at most 5, so a sends 2
    /// through b (2) and 1 directly (6), b→t carries 5 (5): 13.
    @Test func suppliesGiveTheSameOptimum() {
        var g = MinCostFlow(nodes: 4)
        g.addArc(from: 0, to: 1, capacity: 4, cost: 1)
        g.addArc(from: 0, to: 2, capacity: 2, cost: 4)
        g.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        g.addArc(from: 1, to: 3, capacity: 2, cost: 6)
        g.addArc(from: 2, to: 3, capacity: 5, cost: 1)
        #expect(g.solve(supply: [6, 0, 0, -6]) == (6, 30))
        var h = MinCostFlow(nodes: 4)
        let ab = h.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        let at = h.addArc(from: 1, to: 3, capacity: 2, cost: 6)
        let bt = h.addArc(from: 2, to: 3, capacity: 5, cost: 1)
        #expect(h.solve(supply: [0, 3, 3, -6]) == (6, 13))
        #expect([ab, at, bt].map { h.flow(on: $0) } == [2, 1, 5])
    }

    /// Spare supply: two sources can serve one demand of 1, at cost 10 (node 0) or 1 (node 1);
    /// taking them in node order would pay 10.
    @Test func spareSupplyUsesTheCheapestSource() {
        var g = MinCostFlow(nodes: 3)
        let dear = g.addArc(from: 0, to: 2, capacity: 1, cost: 10)
        let cheap = g.addArc(from: 1, to: 2, capacity: 1, cost: 1)
        #expect(g.solve(supply: [1, 1, -1]) == (1, 1))
        #expect(g.flow(on: dear) == 0 && g.flow(on: cheap) == 1)
    }

    /// Unbalanced supplies and demands with negative costs, both ways round, against the same
    /// network given one source and one sink (the s–t solver is exact from its first potentials).
    @Test func unbalancedSuppliesMatchTheSourceSinkOptimum() {
        var rng = SeededRNG(seed: 77)
        for trial in 0..<200 {
            let a = 1 + rng.int(below: 5), b = 1 + rng.int(below: 5), n = a + b
            var arcs: [(Int, Int, Int, Int)] = []
            for i in 0..<a { for j in 0..<b where rng.int(below: 3) != 0 {
                arcs.append((i, a + j, 1 + rng.int(below: 3), rng.int(below: 21) - 8))
            } }
            let supply = (0..<n).map { $0 < a ? rng.int(below: 4) : -rng.int(below: 4) }
            var g = MinCostFlow(nodes: n)
            var st = MinCostFlow(nodes: n + 2)
            for (u, v, c, w) in arcs { g.addArc(from: u, to: v, capacity: c, cost: w); st.addArc(from: u, to: v, capacity: c, cost: w) }
            for v in 0..<n where supply[v] > 0 { st.addArc(from: n, to: v, capacity: supply[v], cost: 0) }
            for v in 0..<n where supply[v] < 0 { st.addArc(from: v, to: n + 1, capacity: -supply[v], cost: 0) }
            let want = st.solve(source: n, sink: n + 1)
            let got = g.solve(supply: supply)
            #expect(got == want, "trial \(trial): supplies \(supply), arcs \(arcs)")
        }
    }
}
