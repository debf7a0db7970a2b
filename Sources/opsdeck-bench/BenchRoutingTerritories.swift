import Engine
import Foundation

/// Balanced territories against plain k-means on the demo geography: balance (max/min, CV),
/// compactness (mean km to centre) and time, then the rep matching.
enum BenchRoutingTerritories {
    static func run(seed: UInt64, accounts: Int, k: Int) {
        var rng = SeededRNG(seed: seed)
        var lat: [Double] = [], lon: [Double] = [], w: [Double] = []
        for _ in 0..<accounts {
            let p = Region.barcelona.samplePoint(&rng)
            lat.append(p.lat); lon.append(p.lon)
            w.append([0.5, 1, 2, 4][rng.int(below: 4)])
        }
        func seconds(_ t: ContinuousClock.Instant) -> Double {
            let e = ContinuousClock.now - t
            return Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
        }
        var t0 = ContinuousClock.now
        let plain = Territories.kmeans(lat: lat, lon: lon, workload: w, k: k, seed: seed)
        let tPlain = seconds(t0)
        t0 = ContinuousClock.now
        let bal = Territories.balanced(lat: lat, lon: lon, workload: w, k: k, seed: seed)
        let tBal = seconds(t0)
        print("territories: \(accounts) accounts, workload 0.5–4 h, k = \(k)")
        print("method     max/min     CV   mean km  time s")
        for (name, p, t) in [("k-means", plain, tPlain), ("balanced", bal, tBal)] {
            print(String(format: "%-9@ %8.3f %6.3f %8.2f %7.2f", name, p.maxOverMin, p.cv, p.meanKmToCentre, t))
        }
        let homes = (0..<k).map { _ in Region.barcelona.samplePoint(&rng) }
        t0 = ContinuousClock.now
        let match = Territories.matchReps(bal, homesLat: homes.map(\.lat), homesLon: homes.map(\.lon))
        print(String(format: "reps matched: %d of %d in %.4f s", Set(match.filter { $0 >= 0 }).count, k, seconds(t0)))
    }
}
