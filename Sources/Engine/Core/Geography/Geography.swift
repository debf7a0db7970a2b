/// Where the data lies: the box the maps show and the range checks use, a name for the
/// screens, the coast where one is known and the travel defaults. The demo's region is a
/// Barcelona-like metropolitan area: customers cluster around ten town centres, the coast is
/// a straight line running north-east, and everything east of it (minus a 0.01° margin) is
/// sea. Any other data gets a region fitted to its own coordinates (`Region.fitted`), with
/// no coast: nothing is known to be sea there.
public struct Region: Sendable {
    public struct Centre: Sendable { public var lat: Double; public var lon: Double }

    /// Land where lon ≤ slope · lat + intercept − margin.
    public struct Coast: Sendable, Equatable {
        public var slope: Double
        public var intercept: Double
        public var margin: Double

        /// The coast's longitude at `lat`, margin included.
        public func edge(lat: Double) -> Double { slope * lat + intercept - margin }
    }

    public var name: String
    public var centres: [Centre]
    /// Spread of customers around a centre, degrees.
    public var sigmaLat: Double
    public var sigmaLon: Double
    /// Nil where no coast is known: every point in range counts as land.
    public var coast: Coast?
    /// Optional extra mask (lat, lon vertices); points outside it are rejected.
    public var polygon: [(lat: Double, lon: Double)]?
    /// Bounding box used for range checks and map drawing. `lonRange` runs west → east and
    /// passes 180 for a box across the antimeridian (see `GeoExtent`).
    public var latRange: ClosedRange<Double>
    public var lonRange: ClosedRange<Double>
    /// Road travel defaults for routes in this region, with why (`travel.note`).
    public var travel: TravelModel

    /// True for the seeded demo's region (the only one with a coast and the land/sea gate).
    public var isDemo: Bool

    public static let barcelona: Region = {
        let a = (2.36 - 2.16) / (41.7 - 41.2)
        let b = 2.16 - a * 41.2
        return Region(
            name: "Barcelona metro",
            centres: [
                .init(lat: 41.385, lon: 2.173), .init(lat: 41.448, lon: 2.208), .init(lat: 41.519, lon: 2.199),
                .init(lat: 41.617, lon: 2.287), .init(lat: 41.360, lon: 2.100), .init(lat: 41.480, lon: 2.082),
                .init(lat: 41.565, lon: 2.022), .init(lat: 41.610, lon: 1.855), .init(lat: 41.300, lon: 2.000),
                .init(lat: 41.400, lon: 1.950),
            ],
            sigmaLat: 0.025, sigmaLon: 0.03,
            coast: Coast(slope: a, intercept: b, margin: 0.01),
            polygon: nil,
            latRange: 41.15...41.80, lonRange: 1.70...2.45,
            travel: TravelModel(basis: "the demo's Barcelona metro area"),
            isDemo: true
        )
    }()

    /// The latitude whose cos scales longitude on every map of the region: its box's middle,
    /// so panning or zooming never changes the map's shape.
    public var referenceLatitude: Double { (latRange.lowerBound + latRange.upperBound) / 2 }

    /// `lon` in the frame of `lonRange` (for a box across ±180, −170 becomes 190); points
    /// within half a turn of the box's middle keep their exact value.
    public func unwrappedLongitude(_ lon: Double) -> Double {
        GeoExtent.unwrap(lon, near: (lonRange.lowerBound + lonRange.upperBound) / 2)
    }

    /// True when the point is on land (west of the coast line and inside the polygon, if any);
    /// always true where no coast or polygon is known (a fitted region: range checks stay the gates').
    public func isOnLand(lat: Double, lon: Double) -> Bool {
        if let coast, !(lon <= coast.edge(lat: lat)) { return false }  // NaN is not land
        if let poly = polygon { return Region.contains(poly, lat: lat, lon: lon) }
        return true
    }

    /// Draws a point around a random centre, redrawing until it falls on land.
    public func samplePoint(_ rng: inout SeededRNG) -> (lat: Double, lon: Double) {
        while true {
            let c = centres[rng.int(below: centres.count)]
            let lat = c.lat + sigmaLat * rng.normal()
            let lon = c.lon + sigmaLon * rng.normal()
            if isOnLand(lat: lat, lon: lon) { return (lat, lon) }
        }
    }

    /// Even–odd ray casting.
    package static func contains(_ poly: [(lat: Double, lon: Double)], lat: Double, lon: Double) -> Bool {
        guard poly.count >= 3 else { return true }
        var inside = false
        var j = poly.count - 1
        for i in 0..<poly.count {
            let (yi, xi) = (poly[i].lat, poly[i].lon)
            let (yj, xj) = (poly[j].lat, poly[j].lon)
            if (yi > lat) != (yj > lat), lon < (xj - xi) * (lat - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }
}
