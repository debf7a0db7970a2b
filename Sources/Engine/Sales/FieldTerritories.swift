import Core
import Optimisation
/// Balanced territories for any number of accounts: accounts are pooled into grid cells
/// (coarsened until at most `maxCells` remain) and the routing engine's balanced-territory
/// design runs on the cells, weighted by their visit workload; each account takes its
/// cell's territory. Reps are matched to territories by least home-to-centre distance.
public struct FieldTerritories: Sendable {
    public var territory: [Int32]
    public var plan: TerritoryPlan
    /// Rep index of each territory.
    public var repOfTerritory: [Int]

    /// Field visits per 4-week period an account needs: by tier, one more for the top NBA
    /// quintile (they are the accounts worth seeing now).
    public static func visitsPerPeriod(tier: Tier, nbaPercentile: Double) -> Double {
        let base: Double = switch tier {
        case .strategic: 4
        case .a: 2
        case .b: 1
        case .c: 0.5
        }
        return base + (nbaPercentile >= 0.8 ? 1 : 0)
    }

    /// Visit hours per period for each account: what territories are balanced on.
    public static func workloadHours(tiers: [Tier], nbaPercentile: [Double], visitMinutes: Int) -> [Double] {
        zip(tiers, nbaPercentile).map { visitsPerPeriod(tier: $0, nbaPercentile: $1) * Double(visitMinutes) / 60 }
    }

    /// `workload[i]` is account i's visit hours per period (see `workloadHours`).
    public init(lat: [Double], lon: [Double], workload: [Double], reps: [Rep], seed: UInt64, maxCells: Int = 400) {
        let n = lat.count
        var step = 0.01
        var cellOf = [Int32](repeating: 0, count: n)
        // weight: accounts per cell (for its centroid); hours: the workload the design balances.
        var cLat: [Double] = [], cLon: [Double] = [], weight: [Double] = [], hours: [Double] = []
        while true {
            let keys = (0..<n).map { i -> Int64 in
                let a = Int64((lat[i] / step).rounded(.down)), b = Int64((lon[i] / step).rounded(.down))
                return (a << 32) | (b & 0xFFFF_FFFF)
            }
            let order = (0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            cLat = []; cLon = []; weight = []; hours = []
            var prev: Int64? = nil
            for i in order {
                if keys[i] != prev { cLat.append(0); cLon.append(0); weight.append(0); hours.append(0); prev = keys[i] }
                let c = weight.count - 1
                cellOf[i] = Int32(c); cLat[c] += lat[i]; cLon[c] += lon[i]; weight[c] += 1; hours[c] += workload[i]
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
        plan = Territories.balanced(lat: cLat, lon: cLon, workload: hours, k: k, tolerance: 0.05, seed: seed, rounds: 6)
        territory = cellOf.map { [plan] in Int32(plan.labels[Int($0)]) }
        repOfTerritory = Territories.matchReps(plan, homesLat: reps.map(\.homeLat), homesLon: reps.map(\.homeLon))
    }
}
