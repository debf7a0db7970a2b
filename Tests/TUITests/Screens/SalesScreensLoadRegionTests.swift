import Testing
@testable import Engine
@testable import TUI

/// The loader's `demo` flag: the demo run's region is Barcelona's; told the data is not the
/// demo, the same run's screens use the region fitted to its accounts and reps.
@Suite struct SalesScreensLoadRegionTests {
    static let loaded: Result<(demo: SalesScreens, fitted: SalesScreens), SalesScreensFixture.FixtureError> = {
        do {
            let store = try Store.inMemory()
            var outcome = try Pipeline.run(config: SalesScreensFixture.config, input: .synthetic, store: store)
            try Pipeline.save(&outcome, to: store)
            guard let run = try store.latestRun(), let demo = try SalesScreens.load(store: store, run: run),
                  let fitted = try SalesScreens.load(store: store, run: run, demo: false) else {
                return .failure(.init(message: "the run saved no sales artifacts"))
            }
            return .success((demo, fitted))
        } catch {
            return .failure(.init(message: "\(error)"))
        }
    }()

    static func screens() throws -> (demo: SalesScreens, fitted: SalesScreens) {
        switch loaded {
        case .success(let s): return s
        case .failure(let e): throw e
        }
    }

    @Test func theFlagPicksTheRegionAndItsTravel() throws {
        let (demo, fitted) = try Self.screens()
        #expect(demo.territories.region.name == "Barcelona metro" && demo.territories.region.isDemo)
        #expect(demo.routes.travel == Region.barcelona.travel)
        let region = fitted.territories.region
        #expect(!region.isDemo && region.coast == nil && region.name.hasPrefix("data area 41."), "\(region.name)")
        #expect(fitted.routes.travel == region.travel)
        for c in fitted.customers.customers {
            #expect(region.latRange.contains(c.lat) && region.lonRange.contains(c.lon))
        }
    }

    /// The rep's day and the territories on a fitted region: routes and accounts on a plain
    /// background; the demo's territories keep their coast.
    @Test func theMapsDrawWithoutACoastAwayFromTheDemo() throws {
        let (demo, fitted) = try Self.screens()
        func render(_ s: SalesScreens, _ tab: ScreenID, open: Bool) -> Canvas {
            var app = s.app()
            app.press(.showTab(tab.number))
            if open { app.press(.open, in: .table) }
            return CommandCenterView.render(app, context: CommandCenterContext(title: "OpsDeck", summary: ["fixture run"]),
                                            width: app.width, height: app.height, glyphs: .unicode)
        }
        func coast(_ c: Canvas) -> Bool {
            c.cells.contains { cell in
                cell.style.fg == .axis && cell.character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } == true
            }
        }
        let day = render(fitted, .repsRoutes, open: true)
        #expect(day.cells.contains { $0.style.fg == .chartLine }, "the route's line")
        #expect(!coast(day))
        let map = render(fitted, .territories, open: false)
        #expect(!coast(map) && map.text().contains(fitted.territories.region.name.prefix(20)))
        #expect(map.cells.filter { Role.territories.contains($0.style.fg) }.count > 40, "the accounts")
        #expect(coast(render(demo, .territories, open: false)), "the demo's coast")
    }
}
