#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Road travel estimated from coordinates: great-circle km × a road factor at an average
/// speed, in whole seconds (rounded), so that every solver sees the same integers.
public struct TravelModel: Sendable {
    public var roadFactor: Double
    public var speedKmh: Double

    public init(roadFactor: Double = 1.3, speedKmh: Double = 40) {
        self.roadFactor = roadFactor; self.speedKmh = speedKmh
    }

    /// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0088, rad = Double.pi / 180
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
