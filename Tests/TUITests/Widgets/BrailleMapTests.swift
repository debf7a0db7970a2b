import Testing
@testable import Engine
@testable import TUI

@Suite struct BrailleMapTests {
    let region = Region.barcelona

    func map() -> BrailleMap {
        let lat = region.centres.map(\.lat), lon = region.centres.map(\.lon)
        return BrailleMap(region: region, lat: lat, lon: lon, group: lat.indices.map { Int32($0 % 2) },
                          groupRoles: [.territory1, .territory2], marks: [.init(lat: 41.385, lon: 2.173, glyph: "H", role: .hiFg)])
    }

    func draw(_ v: MapViewport, cache: MapCache?) -> Canvas {
        var c = Canvas(width: 40, height: 12)
        map().draw(v, into: &c, in: c.bounds, cache: cache)
        return c
    }

    @Test func pointsCoastAndMarksAreDrawnAndSeaIsEmpty() {
        let c = draw(MapViewport(region: region), cache: nil)
        let text = c.text()
        #expect(text.contains("H"))
        // The far east of the box is sea: nothing drawn in the last column's top rows.
        #expect((0..<3).allSatisfy { c.cells[$0 * c.width + c.width - 1].character == " " })
        #expect(c.cells.contains { $0.style.fg == .territory1 } && c.cells.contains { $0.style.fg == .territory2 })
        #expect(c.cells.contains { $0.style.fg == .axis }, "the coast line")
        #expect(c.cells.contains { $0.style.fg == .muted }, "the land texture")
    }

    @Test func aCachedLayerDrawsTheSameAsAFreshOneAndFollowsTheViewport() {
        let cache = MapCache()
        var v = MapViewport(region: region)
        #expect(draw(v, cache: cache).cells == draw(v, cache: nil).cells)
        #expect(draw(v, cache: cache).cells == draw(v, cache: nil).cells)  // from the cache
        v.zoom(by: 2)
        v.pan(dx: 1, dy: -1, region: region)
        #expect(draw(v, cache: cache).cells == draw(v, cache: nil).cells)
        #expect(draw(v, cache: cache).cells != draw(MapViewport(region: region), cache: nil).cells)
    }

    @Test func zoomAndPanStayInsideTheRegion() {
        var v = MapViewport(region: region)
        v.zoom(by: 1000)
        #expect(v.zoom == MapViewport.maximumZoom)
        v.zoom(by: 0.0001)
        #expect(v.zoom == 1)
        for _ in 0..<20 { v.pan(dx: 1, dy: 1, region: region) }
        #expect(v.centreLat == region.latRange.upperBound && v.centreLon == region.lonRange.upperBound)
    }
}
