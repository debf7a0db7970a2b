import Testing
@testable import TUI

/// The mouse on the sales screens: the wheel scrolls lists and zooms the map, a click selects.
@Suite struct SalesScreensMouseTests {
    @Test func wheelScrollsTheCustomersAndClickSelectsARep() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.customers.number))
        _ = app.handle(.mouse(MouseEvent(x: 20, y: 10, kind: .wheelDown)))
        #expect(try #require(app.screen as? CustomersScreen).table.selected == 3)
        app.press(.showTab(ScreenID.repsRoutes.number))
        let reps = try #require(app.screen as? RepsScreen)
        let area = reps.tableArea(CommandCenterView.body(width: 160, height: 48))
        _ = app.handle(.mouse(MouseEvent(x: area.x + 2, y: area.y + 3, kind: .press)))
        #expect(try #require(app.screen as? RepsScreen).table.selected == 2)
    }

    @Test func wheelOverTheMapZooms() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.territories.number))
        let screen = try #require(app.screen as? TerritoriesScreen)
        let map = screen.layout(CommandCenterView.body(width: 160, height: 48)).map
        _ = app.handle(.mouse(MouseEvent(x: map.x + 5, y: map.y + 5, kind: .wheelUp)))
        #expect(try #require(app.screen as? TerritoriesScreen).viewport.zoom == 1.5)
    }
}
