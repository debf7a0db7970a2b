import Engine

/// Seeded account sets away from the demo, shared by the engine's and the screens' tests:
/// a metro area on each side of the equator and of Greenwich, and one across the antimeridian.
public enum GeoSets {
    public struct Points: Sendable {
        public var lat: [Double]
        public var lon: [Double]
    }

    public static func around(_ centres: [(Double, Double)], sigma: Double, count: Int, seed: UInt64) -> Points {
        var rng = SeededRNG(seed: seed)
        var lat: [Double] = [], lon: [Double] = []
        for k in 0..<count {
            let c = centres[k % centres.count]
            lat.append(c.0 + sigma * rng.normal())
            lon.append(c.1 + sigma * rng.normal())
        }
        return Points(lat: lat, lon: lon)
    }

    public static let chicago = around([(41.88, -87.63), (41.95, -87.75), (42.05, -87.70), (41.75, -87.60)], sigma: 0.04, count: 600, seed: 1)
    public static let lisbon = around([(38.72, -9.14), (38.75, -9.25), (38.65, -9.10)], sigma: 0.02, count: 400, seed: 2)
    public static let sydney = around([(-33.87, 151.21), (-33.80, 151.00), (-33.95, 150.90)], sigma: 0.04, count: 500, seed: 3)
    /// Fiji: Viti Levu at 178°E, Taveuni on both sides of 180°.
    public static let fiji: Points = {
        var p = around([(-17.8, 178.4), (-16.8, 179.95)], sigma: 0.05, count: 300, seed: 4)
        p.lon = p.lon.map { $0 > 180 ? $0 - 360 : $0 }
        return p
    }()
}
