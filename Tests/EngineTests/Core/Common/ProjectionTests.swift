import Testing
import Core

/// One Earth: the projection's km agree with the great-circle km the routes travel.
@Suite struct ProjectionTests {
    @Test func aDegreeIsTheSphereDegreeEachWay() {
        let p = PlanarProjection(lat0: 41.0, lon0: 2.0)
        #expect(abs(p.y(lat: 42.0) - 111.19508) < 1e-5)
        #expect(abs(p.x(lon: 3.0) - Earth.kmPerDegreeLongitude(atLatitude: 41.0)) < 1e-12 && abs(p.x(lon: 3.0) - 83.92) < 1e-4)
        #expect(p.x(lon: 2.0) == 0 && p.y(lat: 41.0) == 0)
    }

    /// Across a metropolitan area the planar distance is the haversine one to well under 0.1 %.
    @Test func planarKmMatchHaversineAcrossACity() {
        let lat = [41.30, 41.55, 41.45], lon = [2.00, 2.25, 2.10]
        let p = PlanarProjection(around: lat, lon: lon)
        let (x, y) = p.project(lat: lat, lon: lon)
        for i in 0..<3 {
            for j in (i + 1)..<3 {
                let planar = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()
                let sphere = TravelModel.haversineKm(lat[i], lon[i], lat[j], lon[j])
                #expect(abs(planar - sphere) / sphere < 1e-3)
            }
        }
        #expect(GeoExtent(lat: lat, lon: lon).map { abs($0.heightKm - 0.25 * Earth.kmPerDegree) < 1e-9 } == true)
    }
}
