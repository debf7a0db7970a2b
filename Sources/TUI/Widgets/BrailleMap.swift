import Foundation
import Engine

/// Which part of a region a map shows: a centre and a zoom factor (1 = the whole box).
public struct MapViewport: Sendable, Equatable {
    public var centreLat: Double
    public var centreLon: Double
    public var zoom: Double

    public init(region: Region) {
        centreLat = (region.latRange.lowerBound + region.latRange.upperBound) / 2
        centreLon = (region.lonRange.lowerBound + region.lonRange.upperBound) / 2
        zoom = 1
    }

    public static let maximumZoom = 32.0

    public mutating func zoom(by factor: Double) { zoom = min(Self.maximumZoom, max(1, zoom * factor)) }

    /// Moves a quarter of the visible span; `dx` east, `dy` north.
    public mutating func pan(dx: Int, dy: Int, region: Region) {
        let spanLat = (region.latRange.upperBound - region.latRange.lowerBound) / zoom
        let spanLon = (region.lonRange.upperBound - region.lonRange.lowerBound) / zoom
        centreLat = min(region.latRange.upperBound, max(region.latRange.lowerBound, centreLat + Double(dy) * spanLat / 4))
        centreLon = min(region.lonRange.upperBound, max(region.lonRange.lowerBound, centreLon + Double(dx) * spanLon / 4))
    }
}

/// The projection of a viewport onto a dot grid: equirectangular with square dots (a braille
/// dot is half a cell wide and a quarter high, and a cell is about twice as high as wide),
/// degrees of longitude shrunk by cos of the region's reference latitude so distances look
/// right and the map keeps its shape as it pans. Longitudes are taken within half a turn of
/// the viewport's centre, so a map across ±180 draws both sides.
public struct MapProjection: Sendable {
    public let dotWidth: Int
    public let dotHeight: Int
    let degPerDotLat: Double
    let degPerDotLon: Double
    let lat0: Double
    let lon0: Double
    let centreLon: Double

    public init(viewport v: MapViewport, region: Region, columns: Int, rows: Int) {
        dotWidth = max(1, columns * 2)
        dotHeight = max(1, rows * 4)
        // Near a pole cos → 0; the floor keeps a degree of longitude finite on the map.
        let squash = max(0.01, cos(region.referenceLatitude * Double.pi / 180))
        let spanLat = (region.latRange.upperBound - region.latRange.lowerBound) / v.zoom
        let spanLon = (region.lonRange.upperBound - region.lonRange.lowerBound) / v.zoom
        // Degrees of latitude per dot that fit both spans.
        let perDot = max(spanLat / Double(dotHeight), spanLon * squash / Double(dotWidth))
        degPerDotLat = perDot
        degPerDotLon = perDot / squash
        lat0 = v.centreLat + perDot * Double(dotHeight) / 2
        lon0 = v.centreLon - degPerDotLon * Double(dotWidth) / 2
        centreLon = v.centreLon
    }

    /// `lon` within half a turn of the viewport's centre; unchanged (bit for bit) when it already is.
    @inline(__always) func near(_ lon: Double) -> Double { GeoExtent.unwrap(lon, near: centreLon) }

    @inline(__always) public func dot(lat: Double, lon: Double) -> (x: Int, y: Int) {
        (Int(((near(lon) - lon0) / degPerDotLon).rounded(.down)), Int(((lat0 - lat) / degPerDotLat).rounded(.down)))
    }

    public func latitude(dotY y: Double) -> Double { lat0 - y * degPerDotLat }
    public func longitude(dotX x: Double) -> Double { lon0 + x * degPerDotLon }
}

/// A map in braille dots: land texture (dim) and the coast line where the region knows its
/// coast (a plain background elsewhere), points coloured by group (each cell takes the
/// colour of the group with most points in it) and marks on top.
public struct BrailleMap {
    public struct Mark: Sendable {
        public var lat: Double
        public var lon: Double
        public var glyph: Character
        public var role: Role
        public init(lat: Double, lon: Double, glyph: Character, role: Role) {
            self.lat = lat; self.lon = lon; self.glyph = glyph; self.role = role
        }
    }

    public var region: Region
    public var lat: [Double]
    public var lon: [Double]
    public var group: [Int32]
    public var groupRoles: [Role]
    public var marks: [Mark]
    /// A route drawn as a dotted line through these points, in order.
    public var path: [(lat: Double, lon: Double)]

    public init(region: Region, lat: [Double], lon: [Double], group: [Int32], groupRoles: [Role], marks: [Mark],
                path: [(lat: Double, lon: Double)] = []) {
        self.region = region; self.lat = lat; self.lon = lon; self.group = group; self.groupRoles = groupRoles; self.marks = marks
        self.path = path
    }

    /// Draws the map into `rect`; with a cache, the map's cells are reused until the viewport,
    /// the size or the glyphs change (a key that moves a table row does not redraw 100 000 points).
    public func draw(_ viewport: MapViewport, into canvas: inout Canvas, in rect: Rect, cache: MapCache? = nil) {
        guard rect.width > 0, rect.height > 0 else { return }
        let key = MapCache.Key(viewport: viewport, width: rect.width, height: rect.height, unicode: canvas.glyphs.isUnicode)
        let cells: [MapCell?]
        if let cache, let hit = cache.cells(for: key) {
            cells = hit
        } else {
            cells = layer(viewport, columns: rect.width, rows: rect.height, glyphs: canvas.glyphs)
            cache?.store(cells, for: key)
        }
        for r in 0..<rect.height {
            for c in 0..<rect.width {
                if let cell = cells[r * rect.width + c] { canvas.put(cell.character, x: rect.x + c, y: rect.y + r, style: cell.style) }
            }
        }
        let proj = MapProjection(viewport: viewport, region: region, columns: rect.width, rows: rect.height)
        for mark in marks {
            let (x, y) = proj.dot(lat: mark.lat, lon: mark.lon)
            guard x >= 0, x < proj.dotWidth, y >= 0, y < proj.dotHeight else { continue }
            canvas.put(mark.glyph, x: rect.x + x / 2, y: rect.y + y / 4, style: CellStyle(fg: mark.role, attributes: .bold))
        }
    }

    /// The map's cells without the marks: what a viewport and a size always give the same.
    func layer(_ viewport: MapViewport, columns: Int, rows: Int, glyphs g: Glyphs) -> [MapCell?] {
        let rect = Rect(x: 0, y: 0, width: columns, height: rows)
        var out = [MapCell?](repeating: nil, count: columns * rows)
        let proj = MapProjection(viewport: viewport, region: region, columns: rect.width, rows: rect.height)
        let cols = rect.width, cells = rect.width * rect.height
        var points = BrailleGrid(columns: cols, rows: rect.height)
        let groups = max(1, groupRoles.count)
        var counts = [Int32](repeating: 0, count: cells * groups)
        let n = min(lat.count, lon.count, group.count)
        // The hot loop of the map (every account, every frame): multiply by the inverse scale
        // and range-check the real coordinate before truncating, so no rounding call is needed.
        let invLon = 1 / proj.degPerDotLon, invLat = 1 / proj.degPerDotLat
        let w = Double(proj.dotWidth), h = Double(proj.dotHeight)
        lat.withUnsafeBufferPointer { la in
            lon.withUnsafeBufferPointer { lo in
                group.withUnsafeBufferPointer { g in
                    counts.withUnsafeMutableBufferPointer { cnt in
                        for i in 0..<n {
                            let fx = (proj.near(lo[i]) - proj.lon0) * invLon, fy = (proj.lat0 - la[i]) * invLat
                            guard fx >= 0, fx < w, fy >= 0, fy < h else { continue }
                            let x = Int(fx), y = Int(fy)
                            points.set(x: x, y: y)
                            if g[i] >= 0 { cnt[((y >> 2) * cols + (x >> 1)) * groups + Int(g[i]) % groups] += 1 }
                        }
                    }
                }
            }
        }
        var coast = BrailleGrid(columns: cols, rows: rect.height)
        if let c = region.coast {
            for y in 0..<proj.dotHeight {
                let la = proj.latitude(dotY: Double(y) + 0.5)
                coast.set(x: proj.dot(lat: la, lon: c.edge(lat: la)).x, y: y)
            }
        }
        // Land texture only where a coast says where land ends; without one the box is plain.
        let texture = region.coast != nil
        var line = BrailleGrid(columns: cols, rows: rect.height)
        for (a, b) in zip(path, path.dropFirst()) {
            let p = proj.dot(lat: a.lat, lon: a.lon), q = proj.dot(lat: b.lat, lon: b.lon)
            let steps = max(abs(q.x - p.x), abs(q.y - p.y), 1)
            guard steps < 4 * (proj.dotWidth + proj.dotHeight) else { continue }
            for s in 0...steps {
                line.set(x: p.x + (q.x - p.x) * s / steps, y: p.y + (q.y - p.y) * s / steps)
            }
        }
        let land = CellStyle(fg: .muted, attributes: .dim)
        let shore = CellStyle(fg: .axis)
        for r in 0..<rect.height {
            for c in 0..<cols {
                let m = points.mask(column: c, row: r)
                if m != 0 {
                    var best = 0, top: Int32 = 0
                    let base = (r * cols + c) * groups
                    for k in 0..<groups where counts[base + k] > top { top = counts[base + k]; best = k }
                    out[r * cols + c] = MapCell(character: g.braille(m), style: CellStyle(fg: groupRoles.isEmpty ? .mainFg : groupRoles[best]))
                } else if line.mask(column: c, row: r) != 0 {
                    out[r * cols + c] = MapCell(character: g.braille(line.mask(column: c, row: r)), style: CellStyle(fg: .chartLine))
                } else if coast.mask(column: c, row: r) != 0 {
                    out[r * cols + c] = MapCell(character: g.braille(coast.mask(column: c, row: r)), style: shore)
                } else if texture, r % 2 == 0, (r / 2 + c) % 2 == 0,
                          region.isOnLand(lat: proj.latitude(dotY: Double(r * 4 + 2)), lon: proj.longitude(dotX: Double(c * 2 + 1))),
                          proj.latitude(dotY: Double(r * 4 + 2)) >= region.latRange.lowerBound,
                          proj.latitude(dotY: Double(r * 4 + 2)) <= region.latRange.upperBound {
                    out[r * cols + c] = MapCell(character: g.braille(0x10), style: land)
                }
            }
        }
        return out
    }
}
