import OpsDeckTestSupport
import Testing
import Core

@Suite struct TravelDefaultsTests {
    /// The demo keeps the travel its routes were planned with.
    @Test func theDemoKeepsFortyKmhAndTheRoadFactor() {
        let t = Region.barcelona.travel
        #expect(t.speedKmh == TravelModel().speedKmh && t.roadFactor == TravelModel().roadFactor)
        #expect(t.seconds(41.4, 2.1, 41.5, 2.2) == TravelModel().seconds(41.4, 2.1, 41.5, 2.2))
        #expect(t.note.contains("Barcelona") && t.note.contains("40 km/h"))
    }

    /// A dense city is slower and winds more than a wide rural territory; each says why.
    @Test func denserDataTravelsSlower() {
        let city = TravelModel.defaults(for: GeoExtent(south: 38.70, north: 38.78, west: -9.20, east: -9.10))
        let metro = Region.fitted(lat: GeoSets.chicago.lat, lon: GeoSets.chicago.lon).travel
        let state = TravelModel.defaults(for: GeoExtent(south: 37, north: 42.5, west: -91.5, east: -87.5))
        let speeds = [city, metro, state].map(\.speedKmh)
        #expect(speeds == speeds.sorted() && Set(speeds).count == 3, "\(speeds)")
        #expect(city.roadFactor > state.roadFactor)
        #expect(city.note.hasPrefix("travel: dense city (data ") && city.note.contains("km across"), "\(city.note)")
        #expect(metro.note.contains("metro area") && state.note.contains("wide rural"), "\(metro.note) / \(state.note)")
        // Seconds follow the chosen values.
        #expect(city.seconds(38.70, -9.2, 38.78, -9.1) > state.seconds(38.70, -9.2, 38.78, -9.1))
    }

    @Test func haversineIsRightAcrossTheAntimeridian() {
        let km = TravelModel.haversineKm(-17, 179.9, -17, -179.9)
        #expect(km > 20 && km < 22, "\(km)")
    }
}
