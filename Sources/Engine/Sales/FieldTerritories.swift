/// Balanced territories for any number of accounts: accounts are pooled into grid cells
/// (coarsened until at most `maxCells` remain) and the routing engine's balanced-territory
/// design runs on the cells, weighted by their account counts; each account takes its
/// cell's territory. Reps are matched to territories by least home-to-centre distance.
public struct FieldTerritories: Sendable {
    public var territory: [Int32]
    public var plan: TerritoryPlan
    /// Rep index of each territory.
    public var repOfTerritory: [Int]

    public init(lat: [Double], lon: [Double], reps: [Rep], seed: UInt64, maxCells: Int = 400) {
        let n = lat.count
        var step = 0.01
        var cellOf = [Int32](repeating: 0, count: n)
        var cLat: [Double] = [], cLon: [Double] = [], weight: [Double] = []
        while true {
            let keys = (0..<n).map { i -> Int64 in
                let a = Int64((lat[i] / step).rounded(.down)), b = Int64((lon[i] / step).rounded(.down))
                return (a << 32) | (b & 0xFFFF_FFFF)
            }
            let order = (0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            cLat = []; cLon = []; weight = []
            var prev: Int64? = nil
            for i in order {
                if keys[i] != prev { cLat.append(0); cLon.append(0); weight.append(0); prev = keys[i] }
                let c = weight.count - 1
                cellOf[i] = Int32(c); cLat[c] += lat[i]; cLon[c] += lon[i]; weight[c] += 1
            }
            if weight.count <= maxCells { break }
            step *= 1.5
        }
        for c in 0..<weight.count { cLat[c] /= weight[c]; cLon[c] /= weight[c] }
        let k = min(reps.count, weight.count)
        guard k > 0 else {
            territory = Array(repeating: -1, count: n)
            plan = TerritoryPlan(labels: [], centreLat: [], centreLon: [], workload: [], maxOverMin: 0, cv: 0, meanKmToCentre: 0)
            repOfTerritory = []
            return
        }
        plan = Territories.balanced(lat: cLat, lon: cLon, workload: weight, k: k, tolerance: 0.05, seed: seed, rounds: 6)
        territory = cellOf.map { [plan] in Int32(plan.labels[Int($0)]) }
        repOfTerritory = Territories.matchReps(plan, homesLat: reps.map(\.homeLat), homesLon: reps.map(\.homeLon))
    }
}
