import OpsDeckTestSupport
import Testing
import Core
import Optimisation

/// Accounts on both sides of ±180 (Fiji) form one area: territory centres land among them,
/// not on the far side of the globe where raw longitudes average to.
@Suite struct TerritoriesAntimeridianTests {
    @Test func centresStayInTheDataAcrossTheAntimeridian() throws {
        let p = GeoSets.fiji
        let plan = Territories.kmeans(lat: p.lat, lon: p.lon, workload: Array(repeating: 1, count: p.lat.count), k: 3, seed: 7)
        let extent = try #require(GeoExtent(lat: p.lat, lon: p.lon))
        for (la, lo) in zip(plan.centreLat, plan.centreLon) {
            #expect((-180...180).contains(lo))
            #expect(extent.contains(lat: la, lon: lo), "centre (\(la), \(lo)) is outside the data")
        }
        #expect(plan.meanKmToCentre < 100)
    }
}
