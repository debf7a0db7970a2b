import Testing
import Core
import Optimisation

@Suite struct TerritoriesTests {
    /// A skewed city: 70% of the accounts crowd one centre, the rest are spread over the
    /// region, and workloads vary fourfold.
    func skewedCity(_ n: Int) -> ([Double], [Double], [Double]) {
        var rng = SeededRNG(seed: 21)
        var lat: [Double] = [], lon: [Double] = [], w: [Double] = []
        for i in 0..<n {
            if i % 10 < 7 {
                lat.append(41.39 + 0.02 * rng.normal()); lon.append(2.17 + 0.02 * rng.normal())
            } else {
                let p = Region.barcelona.samplePoint(&rng); lat.append(p.lat); lon.append(p.lon)
            }
            w.append(0.5 + 1.5 * rng.uniform())
        }
        return (lat, lon, w)
    }

    @Test func balancedStaysWithinFivePercentAndStaysCompact() {
        let (lat, lon, w) = skewedCity(400)
        let k = 6
        let plan = Territories.balanced(lat: lat, lon: lon, workload: w, k: k, seed: 2)
        let mean = w.reduce(0, +) / Double(k)
        for load in plan.workload { #expect(abs(load - mean) <= 0.05 * mean) }
        #expect(plan.maxOverMin <= 1.05 / 0.95)
        let plain = Territories.kmeans(lat: lat, lon: lon, workload: w, k: k, seed: 2)
        // Plain k-means is far from balanced on this city; balancing costs some compactness, not all.
        #expect(plain.maxOverMin > plan.maxOverMin)
        #expect(plan.meanKmToCentre < 3 * plain.meanKmToCentre)
        #expect(Set(plan.labels).count == k)
    }

    @Test func repsAreMatchedToTheNearestTerritoriesOverall() {
        let (lat, lon, w) = skewedCity(120)
        let plan = Territories.balanced(lat: lat, lon: lon, workload: w, k: 3, seed: 1)
        // Each rep lives at a centre, listed in reverse: the match must undo the order.
        let homesLat = plan.centreLat.reversed().map { $0 }, homesLon = plan.centreLon.reversed().map { $0 }
        #expect(Territories.matchReps(plan, homesLat: homesLat, homesLon: homesLon) == [2, 1, 0])
    }

    /// The assignment's flow is optimal: the same total cost as the min-cost flow over the
    /// network it used to build (account → nearest territories → three arcs to the sink).
    @Test func capacitatedFlowMatchesMinCostFlow() {
        var rng = SeededRNG(seed: 31)
        for trial in 0..<40 {
            let n = 5 + rng.int(below: 60), k = 1 + rng.int(below: 12)
            // Clumped points on a coarse grid, so equal distances (ties) are common.
            let x = (0..<n).map { _ in Double(rng.int(below: 6)) }, y = (0..<n).map { _ in Double(rng.int(below: 6)) }
            let w = (0..<n).map { _ in trial % 3 == 0 ? 1 : 0.2 + 3 * rng.uniform() }
            let cx = (0..<k).map { _ in Double(rng.int(below: 6)) }, cy = (0..<k).map { _ in Double(rng.int(below: 6)) }
            let tol = [0.0, 0.05, 0.3][trial % 3]
            let f = Territories.capacitatedFlow(x, y, w, cx, cy, tol)
            var g = MinCostFlow(nodes: n + k + 1)
            for i in 0..<n {
                for a in f.arcStart[i]..<f.arcStart[i + 1] { g.addArc(from: i, to: n + Int(f.arcColumn[a]), capacity: f.units[i], cost: f.arcCost[a]) }
            }
            let big = Territories.capacitatedBig
            for t in 0..<k {
                g.addArc(from: n + t, to: n + k, capacity: f.lo, cost: -big)
                g.addArc(from: n + t, to: n + k, capacity: max(0, f.hi - f.lo), cost: 0)
                g.addArc(from: n + t, to: n + k, capacity: f.totalUnits, cost: big / 10)
            }
            var supply = f.units + Array(repeating: 0, count: k + 1)
            supply[n + k] = -f.totalUnits
            #expect(g.solve(supply: supply) == (f.totalUnits, f.cost), "trial \(trial): n \(n), k \(k)")
            #expect(Territories.capacitatedAssign(x, y, w, cx, cy, tol) == Territories.capacitatedAssign(x, y, w, cx, cy, tol))
        }
    }
}
