#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one Earth of the engine: a sphere of the mean radius (IUGG, 6371.0088 km), for the
/// great-circle distances the routes travel and for every km drawn from degrees, so a
/// territory's km, a region's size and a leg's km agree.
public enum Earth {
    public static let meanRadiusKm = 6371.0088
    /// Km per degree along a meridian (and along the equator).
    public static let kmPerDegree = meanRadiusKm * Double.pi / 180

    /// Km per degree of longitude at `latitude` (degrees).
    public static func kmPerDegreeLongitude(atLatitude latitude: Double) -> Double {
        kmPerDegree * cos(latitude * Double.pi / 180)
    }
}

/// Equirectangular projection to planar km around a reference point: x east, y north, on
/// `Earth`'s sphere, with longitude scaled at the reference latitude. Accurate to well under
/// 1 % across a metropolitan region, and what clustering and territory costs need.
public struct PlanarProjection: Sendable, Equatable {
    public var lat0: Double
    public var lon0: Double
    /// Km per degree east–west (at `lat0`) and north–south.
    public let kx: Double
    public let ky: Double

    public init(lat0: Double, lon0: Double) {
        self.lat0 = lat0; self.lon0 = lon0
        kx = Earth.kmPerDegreeLongitude(atLatitude: lat0)
        ky = Earth.kmPerDegree
    }

    /// Around the points' mean latitude and longitude (0, 0 for none). Longitudes should be in
    /// one frame first (`GeoExtent.unwrapped`) when the points straddle ±180.
    public init(around lat: [Double], lon: [Double]) {
        self.init(lat0: lat.reduce(0, +) / Double(max(1, lat.count)), lon0: lon.reduce(0, +) / Double(max(1, lon.count)))
    }

    @inline(__always) public func x(lon: Double) -> Double { (lon - lon0) * kx }
    @inline(__always) public func y(lat: Double) -> Double { (lat - lat0) * ky }

    /// Every point, as separate x and y arrays.
    public func project(lat: [Double], lon: [Double]) -> (x: [Double], y: [Double]) {
        (lon.map { x(lon: $0) }, lat.map { y(lat: $0) })
    }

    /// Every point, as planar vectors (what `KMeans` clusters).
    public func points(lat: [Double], lon: [Double]) -> [SIMD2<Double>] {
        zip(lat, lon).map { SIMD2(x(lon: $0.1), y(lat: $0.0)) }
    }
}
