#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Road travel estimated from coordinates: great-circle km × a road factor at an average
/// speed, in whole seconds (rounded), so that every solver sees the same integers.
public struct TravelModel: Sendable, Equatable {
    public var roadFactor: Double
    public var speedKmh: Double
    /// Why these values: what the trace and the screens tell a user.
    public var basis: String

    public init(roadFactor: Double = 1.3, speedKmh: Double = 40, basis: String = "the defaults") {
        self.roadFactor = roadFactor; self.speedKmh = speedKmh; self.basis = basis
    }

    /// "travel: metro area (…) → 40 km/h average, road km = straight-line km × 1.30".
    public var note: String {
        "travel: \(basis) → \(fixedDecimal(speedKmh, 0)) km/h average, road km = straight-line km × \(fixedDecimal(roadFactor, 2))"
    }

    /// One band of territory size: up to `diagonalKm` across, travel at these values.
    public struct Band: Sendable, Equatable {
        public var name: String
        public var diagonalKm: Double
        public var speedKmh: Double
        public var roadFactor: Double
    }

    /// Defaults by how far the data spreads: a dense city crawls and winds, a metro area
    /// moves at the demo's 40 km/h, a region or a rural territory uses faster, straighter
    /// roads. The last band takes everything wider.
    public static let bands: [Band] = [
        Band(name: "dense city", diagonalKm: 30, speedKmh: 25, roadFactor: 1.4),
        Band(name: "metro area", diagonalKm: 150, speedKmh: 40, roadFactor: 1.3),
        Band(name: "region", diagonalKm: 600, speedKmh: 60, roadFactor: 1.25),
        Band(name: "wide rural territory", diagonalKm: .infinity, speedKmh: 80, roadFactor: 1.2),
    ]

    /// The defaults for data spread over `extent` (the accounts' and reps' own box, without
    /// a map margin), saying which band it fell in and why.
    public static func defaults(for extent: GeoExtent) -> TravelModel {
        let across = extent.diagonalKm
        let band = bands.first { across <= $0.diagonalKm } ?? bands[bands.count - 1]
        let size = "data \(fixedDecimal(extent.widthKm, 0)) × \(fixedDecimal(extent.heightKm, 0)) km, "
            + "\(fixedDecimal(across, 0)) km across"
        return TravelModel(roadFactor: band.roadFactor, speedKmh: band.speedKmh, basis: "\(band.name) (\(size))")
    }

    /// Great-circle distance in km (haversine on `Earth`'s sphere).
    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Earth.meanRadiusKm, rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    /// Road seconds between two points.
    public func seconds(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Int {
        let km = Self.haversineKm(lat1, lon1, lat2, lon2) * roadFactor
        return Int((km / speedKmh * 3600).rounded())
    }

    /// Row-major matrix of road seconds; used for both distance and time.
    public func matrix(lat: [Double], lon: [Double]) -> [Int] {
        let n = lat.count
        var m = Array(repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let s = seconds(lat[i], lon[i], lat[j], lon[j])
                m[i * n + j] = s; m[j * n + i] = s
            }
        }
        return m
    }
}
