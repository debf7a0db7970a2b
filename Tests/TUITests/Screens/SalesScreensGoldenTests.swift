import Testing
@testable import TUI

/// Each sales screen drawn from the fixed-seed run, at 80×24 and 160×48, against golden text.
@Suite struct SalesScreensGoldenTests {
    static let tabs: [(ScreenID, String)] = [(.territories, "territories"), (.repsRoutes, "reps"), (.customers, "customers"),
                                             (.channels, "channels"), (.models, "models")]

    @Test(arguments: [(80, 24), (160, 48)])
    func everyScreenMatchesItsGolden(size: (Int, Int)) throws {
        let data = try SalesScreensFixture.screens()
        for (id, name) in Self.tabs {
            var app = data.app(width: size.0, height: size.1)
            app.press(.showTab(id.number))
            assertGolden(app.rendered(), named: "\(name)-\(size.0)x\(size.1)")
        }
    }

    @Test func repDayAndCustomerCardMatchTheirGoldens() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.repsRoutes.number))
        app.press(.open, in: .table)
        assertGolden(app.rendered(), named: "rep-day-160x48")
        app.press(.open, in: .table)
        var small = app
        small.width = 80
        small.height = 24
        assertGolden(small.rendered(), named: "customer-card-80x24")
    }

    /// `m` on the Models screen shows the churn and value model cards (side by side when
    /// wide), scrolls them, and `m` again returns to the run.
    @Test(arguments: [(80, 24), (160, 48)])
    func modelCardsMatchTheirGoldens(size: (Int, Int)) throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app(width: size.0, height: size.1)
        app.press(.showTab(ScreenID.models.number))
        let overview = app.rendered()
        app.press(.custom("modelCard"), in: .screen(.models))
        let cards = app.rendered()
        assertGolden(cards, named: "models-cards-\(size.0)x\(size.1)")
        app.press(.pageDown, in: .screen(.models))
        let scrolled = app.rendered()
        #expect(scrolled != cards && scrolled.contains("features used (21)"),
                "page down shows the rest of the cards")
        app.press(.custom("modelCard"), in: .screen(.models))
        #expect(app.rendered() == overview)
    }

    /// 40×12 says the terminal is too small on every screen and drill level; back at
    /// 160×48 the same frame as before returns.
    @Test func everyScreenSurvivesAResizeTo40x12AndBack() throws {
        let data = try SalesScreensFixture.screens()
        for (id, _) in Self.tabs {
            var app = data.app()
            app.press(.showTab(id.number))
            if id == .repsRoutes { app.press(.open, in: .table) }
            let before = app.rendered()
            app.width = 40
            app.height = 12
            _ = app.handle(.resize)
            let tiny = app.rendered()
            #expect(tiny.contains("Terminal too small"), "\(id) at 40×12")
            _ = app.handle(.char("j"))  // keys while too small change nothing
            app.width = 160
            app.height = 48
            _ = app.handle(.resize)
            #expect(app.rendered() == before, "\(id) after the resize")
        }
    }
}
