@testable import Engine

/// Seeded account sets away from the demo: a metro area on each side of the equator and of
/// Greenwich, and one across the antimeridian.
enum GeoSets {
    struct Set {
        var lat: [Double]
        var lon: [Double]
    }

    static func around(_ centres: [(Double, Double)], sigma: Double, count: Int, seed: UInt64) -> Set {
        var rng = SeededRNG(seed: seed)
        var lat: [Double] = [], lon: [Double] = []
        for k in 0..<count {
            let c = centres[k % centres.count]
            lat.append(c.0 + sigma * rng.normal())
            lon.append(c.1 + sigma * rng.normal())
        }
        return Set(lat: lat, lon: lon)
    }

    static let chicago = around([(41.88, -87.63), (41.95, -87.75), (42.05, -87.70), (41.75, -87.60)], sigma: 0.04, count: 600, seed: 1)
    static let lisbon = around([(38.72, -9.14), (38.75, -9.25), (38.65, -9.10)], sigma: 0.02, count: 400, seed: 2)
    static let sydney = around([(-33.87, 151.21), (-33.80, 151.00), (-33.95, 150.90)], sigma: 0.04, count: 500, seed: 3)
    /// Fiji: Viti Levu at 178°E, Taveuni on both sides of 180°.
    static let fiji: Set = {
        var s = around([(-17.8, 178.4), (-16.8, 179.95)], sigma: 0.05, count: 300, seed: 4)
        s.lon = s.lon.map { $0 > 180 ? $0 - 360 : $0 }
        return s
    }()
}
