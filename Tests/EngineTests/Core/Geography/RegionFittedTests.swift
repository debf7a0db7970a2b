import OpsDeckTestSupport
import Testing
import Core
import Synthetic

@Suite struct RegionFittedTests {
    static let sets: [(String, GeoSets.Points)] = [("Chicago", GeoSets.chicago), ("Lisbon", GeoSets.lisbon),
                                                 ("Sydney", GeoSets.sydney), ("Fiji", GeoSets.fiji)]

    @Test(arguments: sets.map(\.0))
    func theBoxHoldsEveryPointWithAMargin(name: String) throws {
        let set = try #require(Self.sets.first { $0.0 == name }?.1)
        let region = Region.fitted(lat: set.lat, lon: set.lon)
        let box = GeoExtent(south: region.latRange.lowerBound, north: region.latRange.upperBound,
                            west: region.lonRange.lowerBound, east: region.lonRange.upperBound)
        let data = try #require(GeoExtent(lat: set.lat, lon: set.lon))
        for (la, lo) in zip(set.lat, set.lon) {
            #expect(data.contains(lat: la, lon: lo) && box.contains(lat: la, lon: lo), "\(name) (\(la), \(lo))")
        }
        // A margin on every side, yet a metro-sized box (not half a globe).
        #expect(box.latSpan > data.latSpan && box.lonSpan > data.lonSpan)
        #expect(box.lonSpan < 3 && box.latSpan < 3, "\(name) box \(box)")
        #expect(!region.isDemo && region.coast == nil && !region.name.contains("Barcelona"))
        #expect(region.name.hasPrefix("data area "))
        #expect((-90...90).contains(region.referenceLatitude))
    }

    @Test func namesSayTheHemispheres() {
        let chicago = Region.fitted(lat: GeoSets.chicago.lat, lon: GeoSets.chicago.lon).name
        #expect(chicago.contains("°N") && chicago.hasSuffix("°W"), "\(chicago)")
        let sydney = Region.fitted(lat: GeoSets.sydney.lat, lon: GeoSets.sydney.lon).name
        #expect(sydney.contains("°S") && sydney.hasSuffix("°E"), "\(sydney)")
        let fiji = Region.fitted(lat: GeoSets.fiji.lat, lon: GeoSets.fiji.lon).name
        #expect(fiji.contains("°E–") && fiji.hasSuffix("°W"), "west in the east, east in the west: \(fiji)")
        #expect(GeoExtent(south: 41.7, north: 42.1, west: -87.9, east: -87.5).label == "41.70–42.10°N, 87.90–87.50°W")
        #expect(GeoExtent(south: -1, north: 1.5, west: -0.5, east: 1.2).label == "1.0°S–1.5°N, 0.5°W–1.2°E")
    }

    /// Across ±180 the box goes the short way: a few degrees, west edge in the east.
    @Test func anExtentAcrossTheAntimeridianDoesNotGoRoundTheWorld() throws {
        let e = try #require(GeoExtent(lat: GeoSets.fiji.lat, lon: GeoSets.fiji.lon))
        #expect(e.west > 177 && e.west < 179 && e.east > 180 && e.lonSpan < 3, "\(e)")
        #expect(e.contains(lat: -16.8, lon: -179.99) && e.contains(lat: -17.8, lon: 178.4))
        #expect(!e.contains(lat: -17, lon: 0))
        let region = Region.fitted(lat: GeoSets.fiji.lat, lon: GeoSets.fiji.lon)
        #expect(region.unwrappedLongitude(-179.9) == -179.9 + 360 && region.unwrappedLongitude(178.5) == 178.5)
        #expect(e.unwrapped(-179.9) == -179.9 + 360 && e.unwrapped(178.5) == 178.5)
        let chicago = try #require(GeoExtent(lat: GeoSets.chicago.lat, lon: GeoSets.chicago.lon))
        #expect(GeoSets.chicago.lon.allSatisfy { chicago.unwrapped($0) == $0 }, "away from ±180 nothing moves")
        // 170°E and 170°W are 20° apart, across 180.
        let two = try #require(GeoExtent(lat: [0, 0], lon: [-170, 170]))
        #expect(two.west == 170 && two.east == 190)
        let wide = try #require(GeoExtent(lat: [0, 0, 0], lon: [-100, 0, 100]))
        #expect(wide.west == -100 && wide.east == 100, "the widest gap wraps round: no crossing")
        let tie = try #require(GeoExtent(lat: [0, 0], lon: [-90, 90]))
        #expect(tie.west == -90 && tie.east == 90, "on a tie the box does not cross ±180")
    }

    /// One account, or many in one spot: a box of at least the minimum, centred on them.
    @Test func aSingleSpotGetsTheMinimumExtent() throws {
        for (lat, lon) in [(41.88, -87.63), (-33.87, 151.21), (0, 179.999), (89.9, 10)] {
            let region = Region.fitted(lat: [lat, lat, lat], lon: [lon, lon, lon])
            let box = GeoExtent(south: region.latRange.lowerBound, north: region.latRange.upperBound,
                                west: region.lonRange.lowerBound, east: region.lonRange.upperBound)
            #expect(box.contains(lat: lat, lon: lon), "(\(lat), \(lon))")
            // By the pole the box stops at 90°N and a degree of longitude is capped.
            #expect(box.heightKm >= Region.minimumExtentKm * 0.99 || lat > 89, "(\(lat), \(lon)) \(box)")
            #expect(box.widthKm >= Region.minimumExtentKm * 0.99 || lat > 89, "(\(lat), \(lon)) \(box)")
            #expect(box.latSpan < 1, "(\(lat), \(lon)) \(box)")
            #expect(region.latRange.lowerBound >= -90 && region.latRange.upperBound <= 90)
            #expect(region.lonRange.upperBound - region.lonRange.lowerBound <= 360)
        }
        #expect(Region.fitted(lat: [41.88], lon: [-87.63]).name == "data area 41.880°N, 87.630°W")
    }

    @Test func outOfRangeCoordinatesAreSkippedAndNoneLeftGivesTheGlobe() {
        let r = Region.fitted(lat: [41.9, .nan, 95, 42.0], lon: [-87.6, -87.6, -87.6, -87.7])
        #expect(r.latRange.upperBound < 42.1 && r.latRange.lowerBound > 41.8)
        let none = Region.fitted(lat: [.nan], lon: [200])
        #expect(none.latRange == -90...90 && none.lonRange == -180...180 && none.name == "data area (no coordinates)")
        #expect(GeoExtent(lat: [], lon: []) == nil)
    }

    /// Only the demo has a coast: a fitted region calls every point land (range checks are the gates').
    @Test func theLandGateIsTheDemosAlone() {
        let lake = (lat: 41.9, lon: -87.4)  // Lake Michigan: no coast is known, so not rejected
        let chicago = Region.fitted(lat: GeoSets.chicago.lat, lon: GeoSets.chicago.lon)
        #expect(chicago.isOnLand(lat: lake.lat, lon: lake.lon) && chicago.isOnLand(lat: -60, lon: 170))
        #expect(!Region.barcelona.isOnLand(lat: 41.4, lon: 2.4) && Region.barcelona.isOnLand(lat: 41.4, lon: 2.0))
        #expect(!Region.barcelona.isOnLand(lat: 41.4, lon: .nan))
        #expect(Region.barcelona.isDemo && Region.barcelona.coast != nil)
    }

    @Test func ofPicksTheDemoOrFitsCustomersAndReps() {
        let customers = CustomerGenerator(seed: 3).generate(count: 50).enumerated().map { k, c in
            var c = c
            c.lat = GeoSets.lisbon.lat[k]; c.lon = GeoSets.lisbon.lon[k]
            return c
        }
        let reps = [Rep(id: "R1", name: "Far", homeLat: 38.3, homeLon: -8.8)]
        #expect(Region.of(customers: customers, reps: reps, demo: true).name == "Barcelona metro")
        let fitted = Region.of(customers: customers, reps: reps, demo: false)
        #expect(fitted.latRange.contains(38.3) && fitted.lonRange.contains(-8.8), "the rep's home is on the map")
        #expect(customers.allSatisfy { fitted.latRange.contains($0.lat) && fitted.lonRange.contains($0.lon) })
    }
}
