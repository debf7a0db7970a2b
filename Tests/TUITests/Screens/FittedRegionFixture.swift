@testable import Engine
@testable import TUI

/// Territories of seeded account sets away from the demo, on the region fitted to them
/// (as the loader builds it for imported data).
enum FittedRegionFixture {
    struct Points {
        var lat: [Double]
        var lon: [Double]
    }

    static func around(_ centres: [(Double, Double)], sigma: Double, count: Int, seed: UInt64) -> Points {
        var rng = SeededRNG(seed: seed)
        var lat: [Double] = [], lon: [Double] = []
        for k in 0..<count {
            let c = centres[k % centres.count]
            lat.append(c.0 + sigma * rng.normal())
            lon.append(c.1 + sigma * rng.normal())
        }
        return Points(lat: lat, lon: lon)
    }

    static let chicago = around([(41.88, -87.63), (41.95, -87.75), (42.05, -87.70), (41.75, -87.60)], sigma: 0.04, count: 600, seed: 1)
    static let lisbon = around([(38.72, -9.14), (38.75, -9.25), (38.65, -9.10)], sigma: 0.02, count: 400, seed: 2)
    static let sydney = around([(-33.87, 151.21), (-33.80, 151.00), (-33.95, 150.90)], sigma: 0.04, count: 500, seed: 3)
    /// Fiji: Viti Levu at 178°E, Taveuni on both sides of 180°.
    static let fiji: Points = {
        var p = around([(-17.8, 178.4), (-16.8, 179.95)], sigma: 0.05, count: 300, seed: 4)
        p.lon = p.lon.map { $0 > 180 ? $0 - 360 : $0 }
        return p
    }()

    static let sets: [(String, Points)] = [("chicago", chicago), ("lisbon", lisbon), ("sydney", sydney), ("fiji", fiji)]

    /// `k` territories taking the accounts in turn, a rep at each territory's first account.
    static func model(_ p: Points, territories k: Int = 4, region: Region? = nil) -> TerritoriesModel {
        let n = p.lat.count
        let territory = (0..<n).map { Int32($0 % k) }
        let reps = (0..<k).map { t in Rep(id: "R\(t + 1)", name: "Rep \(t + 1)", homeLat: p.lat[t], homeLon: p.lon[t]) }
        let rows = (0..<k).map { t in
            TerritoryRow(number: t + 1, rep: t, repName: reps[t].name, accounts: (n - t + k - 1) / k, workloadHours: 100 + Double(t),
                         balance: 0, potential: 1000, churn: 0.1, centreLat: p.lat[k + t], centreLon: p.lon[k + t])
        }
        let homes = (lat: reps.map(\.homeLat), lon: reps.map(\.homeLon))
        return TerritoriesModel(region: region ?? Region.fitted(lat: p.lat + homes.lat, lon: p.lon + homes.lon), rows: rows,
                                lat: p.lat, lon: p.lon, territory: territory, reps: reps, anomalies: [10, 20])
    }
}
