import Testing
@testable import Engine
@testable import TUI

/// The Territories screen on data away from Barcelona: the map shows the accounts on a plain
/// background (no coast, no land texture) under the region's own name.
@Suite struct FittedRegionScreenTests {
    static let names = FittedRegionFixture.sets.map(\.0)

    func draw(_ model: TerritoriesModel, width: Int = 160, height: Int = 48) -> (Canvas, map: Rect) {
        let screen = TerritoriesScreen(model: model)
        var canvas = Canvas(width: width, height: height)
        screen.draw(into: &canvas, in: canvas.bounds, context: CommandCenterContext())
        return (canvas, screen.layout(canvas.bounds).map)
    }

    /// Braille cells in the map's rect, and cells drawn as coast or land texture.
    func census(_ c: Canvas, _ map: Rect) -> (points: Int, coast: Int, texture: Int) {
        var points = 0, coast = 0, texture = 0
        for y in map.y..<min(c.height, map.y + map.height) {
            for x in map.x..<min(c.width, map.x + map.width) {
                let cell = c.cells[y * c.width + x]
                if cell.style.fg == .axis { coast += 1 }
                if cell.style.fg == .muted { texture += 1 }
                if let u = cell.character.unicodeScalars.first?.value, (0x2801...0x28FF).contains(u),
                   Role.territories.contains(cell.style.fg) { points += 1 }
            }
        }
        return (points, coast, texture)
    }

    @Test(arguments: names)
    func theMapShowsTheAccountsWithoutACoastUnderTheDataName(name: String) throws {
        let p = try #require(FittedRegionFixture.sets.first { $0.0 == name }?.1)
        let model = FittedRegionFixture.model(p)
        let (c, map) = draw(model)
        let count = census(c, map)
        #expect(count.points >= 40, "\(name): \(count.points) cells of accounts")
        #expect(count.coast == 0 && count.texture == 0, "\(name): a plain background")
        let text = c.text()
        #expect(text.contains(model.region.name) && !text.contains("Barcelona"), "\(name): \(model.region.name)")
        #expect(text.contains("H"), "\(name): rep homes marked")
    }

    /// What the screen did before: the same accounts on the demo's box are all off the map.
    @Test func theDemoBoxShowsNoneOfChicagosAccounts() {
        let (c, map) = draw(FittedRegionFixture.model(FittedRegionFixture.chicago, region: .barcelona))
        #expect(census(c, map).points == 0)
        #expect(census(c, map).coast > 0)
    }

    /// Accounts on both sides of ±180 land in one cluster near the map's right, not at its two edges.
    @Test func fijiIsDrawnInOnePieceAcrossTheAntimeridian() throws {
        let p = FittedRegionFixture.fiji
        let region = Region.fitted(lat: p.lat, lon: p.lon)
        let map = BrailleMap(region: region, lat: p.lat, lon: p.lon, group: p.lat.map { _ in 0 }, groupRoles: [.territory1], marks: [])
        var c = Canvas(width: 60, height: 20)
        let v = MapViewport(region: region)
        map.draw(v, into: &c, in: c.bounds)
        let proj = MapProjection(viewport: v, region: region, columns: 60, rows: 20)
        let east = proj.dot(lat: -16.8, lon: -179.99), west = proj.dot(lat: -16.8, lon: 179.9)
        #expect(east.x > west.x && east.x - west.x < proj.dotWidth / 10, "\(west) → \(east)")
        #expect(east.x >= 0 && east.x < proj.dotWidth && east.y >= 0 && east.y < proj.dotHeight)
        let lit = c.cells.filter { $0.style.fg == .territory1 }.count
        #expect(lit >= 20)
    }

    /// Zoomed in and panned, the map keeps the same degrees per dot either way (one projection:
    /// the region's reference latitude), and panning stops at the box.
    @Test func panningKeepsTheProjectionAndStaysInTheBox() {
        let region = Region.fitted(lat: FittedRegionFixture.sydney.lat, lon: FittedRegionFixture.sydney.lon)
        var v = MapViewport(region: region)
        v.zoom(by: 4)
        let a = MapProjection(viewport: v, region: region, columns: 40, rows: 12)
        for _ in 0..<30 { v.pan(dx: 1, dy: -1, region: region) }
        let b = MapProjection(viewport: v, region: region, columns: 40, rows: 12)
        #expect(a.degPerDotLon == b.degPerDotLon && a.degPerDotLat == b.degPerDotLat)
        #expect(v.centreLat == region.latRange.lowerBound && v.centreLon == region.lonRange.upperBound)
    }

    /// New goldens for data away from the demo (the demo's own are unchanged).
    @Test func chicagoAndFijiMatchTheirGoldens() {
        for (name, p, size) in [("chicago", FittedRegionFixture.chicago, (160, 48)), ("fiji", FittedRegionFixture.fiji, (80, 24))] {
            var app = AppState(screens: [TerritoriesScreen(model: FittedRegionFixture.model(p))], themeNames: BuiltinThemes.names,
                               theme: "default", width: size.0, height: size.1)
            app.press(.showTab(ScreenID.territories.number))
            assertGolden(app.rendered(), named: "territories-\(name)-\(size.0)x\(size.1)")
        }
    }
}
