#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A latitude/longitude box around a set of points. Longitudes run west → east from `west`
/// (in −180…180) over `lonSpan` degrees, so `east` passes 180 when the box crosses the
/// antimeridian (170°E…170°W is west 170, east 190), never the long way round.
public struct GeoExtent: Sendable, Equatable {
    public var south: Double
    public var north: Double
    public var west: Double
    public var east: Double

    public init(south: Double, north: Double, west: Double, east: Double) {
        self.south = south; self.north = north; self.west = west; self.east = east
    }

    /// The tightest box around the points with coordinates in range; points that are not
    /// (non-finite, beyond ±90 / ±180) are skipped, since the gates report them. Nil when no
    /// point is left. The longitude interval is the circle minus its widest empty gap, so
    /// accounts on both sides of ±180 get a narrow box across it.
    public init?(lat: [Double], lon: [Double]) {
        var lons: [Double] = []
        lons.reserveCapacity(min(lat.count, lon.count))
        var s = Double.infinity, n = -Double.infinity
        for i in 0..<min(lat.count, lon.count) {
            let la = lat[i], lo = lon[i]
            guard la.isFinite, lo.isFinite, (-90...90).contains(la), (-180...180).contains(lo) else { continue }
            s = min(s, la); n = max(n, la)
            lons.append(lo == 180 ? -180 : lo)
        }
        guard !lons.isEmpty else { return nil }
        lons.sort()
        // The gap that wraps from the last longitude round to the first wins ties, so a box
        // that need not cross ±180 never does.
        var gap = lons[0] + 360 - lons[lons.count - 1], after = 0
        for i in 1..<lons.count where lons[i] - lons[i - 1] > gap {
            gap = lons[i] - lons[i - 1]; after = i
        }
        south = s; north = n
        west = lons[after]
        east = after == 0 ? lons[lons.count - 1] : lons[after - 1] + 360
    }

    public var latSpan: Double { north - south }
    public var lonSpan: Double { east - west }
    public var centreLat: Double { (south + north) / 2 }
    /// In −180…180.
    public var centreLon: Double { Self.normalised((west + east) / 2) }

    public var heightKm: Double { latSpan * Earth.kmPerDegree }
    /// East–west size at the centre latitude.
    public var widthKm: Double { lonSpan * Earth.kmPerDegreeLongitude(atLatitude: centreLat) }
    public var diagonalKm: Double { (heightKm * heightKm + widthKm * widthKm).squareRoot() }

    /// True when the point lies in the box (longitude taken round the circle from `west`).
    public func contains(lat: Double, lon: Double) -> Bool {
        guard lat >= south, lat <= north, lon.isFinite else { return false }
        var d = lon - west
        d -= 360 * (d / 360).rounded(.down)
        return d <= lonSpan
    }

    /// The box grown to at least `minimumKm` each way (a single account gets a readable map),
    /// then by `fraction` of its size on every side; latitudes stop at the poles and the
    /// longitudes at a full turn.
    public func padded(fraction: Double, minimumKm: Double) -> GeoExtent {
        let minLat = minimumKm / Earth.kmPerDegree
        // Near a pole a km is many degrees of longitude; 0.01 keeps the box finite there.
        let minLon = minLat / max(0.01, cos(centreLat * Double.pi / 180))
        let latSpan = max(self.latSpan, minLat), lonSpan = max(self.lonSpan, minLon)
        let dLat = latSpan * (0.5 + fraction), dLon = lonSpan * (0.5 + fraction)
        let midLon = (west + east) / 2
        let half = min(180, dLon)
        let w = midLon - half
        // West stays in −180…180 so the box keeps one frame; east follows it.
        let shift = w < -180 ? 360.0 : 0
        return GeoExtent(south: max(-90, centreLat - dLat), north: min(90, centreLat + dLat),
                         west: w + shift, east: midLon + half + shift)
    }

    /// "41.64–42.06°N, 87.94–87.52°W": south to north, west to east, with enough decimals
    /// that the two ends differ (a single point reads as one coordinate each way).
    public var label: String {
        let d = Self.decimals(span: max(latSpan, lonSpan))
        return Self.range(south, north, d, positive: "N", negative: "S") + ", "
            + Self.range(Self.normalised(west), Self.normalised(east), d, positive: "E", negative: "W")
    }

    package static func decimals(span: Double) -> Int {
        span >= 1 ? 1 : span >= 0.1 ? 2 : 3
    }

    package static func range(_ a: Double, _ b: Double, _ d: Int, positive: String, negative: String) -> String {
        func text(_ v: Double) -> String { fixedDecimal(abs(v), d) }
        func hemi(_ v: Double) -> String { fixedDecimal(v, d).hasPrefix("-") ? negative : positive }
        if text(a) == text(b) && hemi(a) == hemi(b) { return text(a) + "°" + hemi(a) }
        if hemi(a) == hemi(b) { return text(a) + "–" + text(b) + "°" + hemi(a) }
        return text(a) + "°" + hemi(a) + "–" + text(b) + "°" + hemi(b)
    }

    /// `lon` in the box's frame: within half a turn of its middle (for a box across ±180,
    /// −170 becomes 190). Use before averaging or projecting longitudes.
    public func unwrapped(_ lon: Double) -> Double { Self.unwrap(lon, near: (west + east) / 2) }

    /// `lon` moved by a turn when more than half a turn from `centre`; otherwise returned
    /// bit for bit, so data that never nears ±180 projects exactly as before.
    @inline(__always) public static func unwrap(_ lon: Double, near centre: Double) -> Double {
        let d = lon - centre
        return d > 180 ? lon - 360 : d < -180 ? lon + 360 : lon
    }

    /// `lon` in −180…180 (180 itself stays 180).
    public static func normalised(_ lon: Double) -> Double {
        guard lon > 180 || lon < -180 else { return lon }
        let r = lon - 360 * ((lon + 180) / 360).rounded(.down)
        return r
    }
}
