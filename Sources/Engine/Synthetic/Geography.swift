/// The demo region: a Barcelona-like metropolitan area. Customers cluster around ten
/// town centres; the coast is a straight line running north-east, and everything east of
/// it (minus a 0.01° margin) is sea.
public struct Region: Sendable {
    public struct Centre: Sendable { public var lat: Double; public var lon: Double }

    public var name: String
    public var centres: [Centre]
    /// Spread of customers around a centre, degrees.
    public var sigmaLat: Double
    public var sigmaLon: Double
    /// Coast: land where lon ≤ coastSlope · lat + coastIntercept − coastMargin.
    public var coastSlope: Double
    public var coastIntercept: Double
    public var coastMargin: Double
    /// Optional extra mask (lat, lon vertices); points outside it are rejected.
    public var polygon: [(lat: Double, lon: Double)]?
    /// Bounding box used for range checks and map drawing.
    public var latRange: ClosedRange<Double>
    public var lonRange: ClosedRange<Double>

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
            coastSlope: a, coastIntercept: b, coastMargin: 0.01,
            polygon: nil,
            latRange: 41.15...41.80, lonRange: 1.70...2.45
        )
    }()

    /// True when the point is on land (west of the coast line and inside the polygon, if any).
    public func isOnLand(lat: Double, lon: Double) -> Bool {
        guard lon <= coastSlope * lat + coastIntercept - coastMargin else { return false }
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
    static func contains(_ poly: [(lat: Double, lon: Double)], lat: Double, lon: Double) -> Bool {
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
