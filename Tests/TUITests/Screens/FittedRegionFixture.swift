@testable import Engine
@testable import TUI
import OpsDeckTestSupport

/// Territories of seeded account sets away from the demo, on the region fitted to them
/// (as the loader builds it for imported data).
enum FittedRegionFixture {
    typealias Points = GeoSets.Points

    static let chicago = GeoSets.chicago, lisbon = GeoSets.lisbon, sydney = GeoSets.sydney, fiji = GeoSets.fiji

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
