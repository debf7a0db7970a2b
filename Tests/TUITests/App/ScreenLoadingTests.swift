import Foundation
import Testing
@testable import Engine
@testable import TUI

/// Issue 21, item 6: screens load behind the first frame. A waiting screen shows its loading
/// state and the progress line, then the data once the load hands it over; each screen is
/// delivered and swapped in once, the work runs once, and a failure is said, not swallowed.
@Suite struct ScreenLoadingTests {
    /// Holds the work between two steps until the test opens it.
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var open = false
        private var count = 0
        func release() { lock.withLock { open = true } }
        var isOpen: Bool { lock.withLock { open } }
        func ran() { lock.withLock { count += 1 } }
        var runs: Int { lock.withLock { count } }
    }

    /// A loaded screen that says which it is.
    struct Loaded: Screen {
        let id: ScreenID
        var received: ScreenRequest?
        mutating func handle(_ action: Action, body: Rect) -> Bool { false }
        mutating func receive(_ request: ScreenRequest, body: Rect) { received = request }
        func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
            _ = canvas.write("loaded \(id.title)", x: body.x, y: body.y, style: CellStyle(fg: .mainFg))
        }
    }

    static func waitUntil(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let end = WallClock.monotonic() + seconds
        while !condition() && WallClock.monotonic() < end { usleep(1_000) }
        return condition()
    }

    static func app(_ loading: ScreenLoading) -> AppState {
        AppState(screens: [Loaded(id: .sla)], themeNames: BuiltinThemes.names, theme: "default", width: 100, height: 30,
                 loading: loading)
    }

    static func frame(_ app: AppState) -> String {
        CommandCenterView.render(app, context: app.frameContext(CommandCenterContext(title: "OpsDeck", summary: ["run 1"])),
                                 width: app.width, height: app.height, glyphs: .unicode).text()
    }

    @Test func aScreenShowsLoadingThenItsDataAndNothingIsLoadedTwice() throws {
        let gate = Gate()
        let loading = ScreenLoading(pending: [.channels, .models], first: "channels") { feed in
            gate.ran()
            feed.report("channels", 0.1)
            try feed.deliver([Loaded(id: .channels)])
            feed.report("models", 0.6)
            while !gate.isOpen { usleep(1_000) }
            try feed.deliver([Loaded(id: .models)])
        }
        var app = Self.app(loading)
        #expect(app.isBusy, "the loop redraws on a timer while screens load")
        #expect(app.loadingLine == "loading channels… 0 %")
        #expect(app.screens[ScreenID.channels.rawValue - 1] is LoadingScreen)
        #expect(app.screens[ScreenID.territories.rawValue - 1] is PlaceholderScreen, "a screen the load does not bring stays a placeholder")
        // Screen 1 is drawn before the load starts, with the progress line in the status row.
        #expect(!loading.isStarted)
        var text = Self.frame(app)
        #expect(text.contains("loaded SLA queue"))
        #expect(text.contains("loading channels… 0 % · run 1"))

        app.press(.showTab(5))
        text = Self.frame(app)
        #expect(text.contains("Loading Channels…"))
        app.press(.moveDown, in: .table)
        #expect(app.message == "Down down: Channels is still loading (0 %)", "a row key on a loading screen says why it is off")

        loading.start()
        loading.start()
        #expect(Self.waitUntil { loading.progress.step == "models" })
        app.tick()
        #expect(app.screens[ScreenID.channels.rawValue - 1] is Loaded, "channels swapped in while models still load")
        #expect(Self.frame(app).contains("loaded Channels"))
        #expect(app.screens[ScreenID.models.rawValue - 1] is LoadingScreen)
        #expect(app.loadingLine == "loading models… 60 %")
        #expect(app.isBusy)
        app.tick()
        #expect(loading.take().isEmpty, "a screen is handed over once")

        gate.release()
        #expect(loading.wait(seconds: 5))
        app.tick()
        #expect(app.screens[ScreenID.models.rawValue - 1] is Loaded)
        #expect(app.loading == nil)
        #expect(!app.isBusy, "all in: the loop waits for keys again")
        #expect(app.loadingLine == nil)
        #expect(app.frameContext(CommandCenterContext(summary: ["run 1"])).summary == ["run 1"], "no progress line once all are in")
        #expect(gate.runs == 1, "start() twice runs the work once")
        #expect(loading.failure == nil)
    }

    @Test func deliveringAScreenTwiceOrOneNotPendingIsRefused() throws {
        let loading = ScreenLoading(pending: [.customers]) { feed in
            try feed.deliver([Loaded(id: .customers)])
            try feed.deliver([Loaded(id: .customers)])
        }
        var app = Self.app(loading)
        loading.start()
        #expect(loading.wait(seconds: 5))
        #expect(loading.failure == "screen 4 Customers was delivered twice")
        app.tick()
        #expect(app.screens[ScreenID.customers.rawValue - 1] is Loaded, "the first delivery stands")
        #expect(app.loading == nil)

        let stray = ScreenLoading(pending: [.customers]) { feed in try feed.deliver([Loaded(id: .models)]) }
        stray.start()
        #expect(stray.wait(seconds: 5))
        #expect(stray.failure == "screen 6 Models was not expected from this load")
    }

    @Test func aFailedLoadIsSaidOnTheWaitingScreens() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "run 7: accounts.bin is damaged" } }
        let loading = ScreenLoading(pending: [.customers, .models], first: "customers") { feed in
            try feed.deliver([Loaded(id: .models)])
            throw Broken()
        }
        var app = Self.app(loading)
        loading.start()
        #expect(loading.wait(seconds: 5))
        app.tick()
        #expect(app.loading == nil)
        #expect(app.message == "sales screens could not be loaded: run 7: accounts.bin is damaged")
        app.press(.showTab(4))
        let text = Self.frame(app)
        #expect(text.contains("Customers could not be loaded."))
        #expect(text.contains("run 7: accounts.bin is damaged"))
        #expect(app.screens[ScreenID.models.rawValue - 1] is Loaded)
    }

    @Test func aLoadThatBringsNothingLeavesPlaceholders() throws {
        let loading = ScreenLoading(pending: SalesScreens.loadOrder) { feed in feed.report("channels", 1) }
        var app = Self.app(loading)
        loading.start()
        #expect(loading.wait(seconds: 5))
        app.tick()
        for id in SalesScreens.loadOrder { #expect(app.screens[id.rawValue - 1] is PlaceholderScreen) }
        #expect(!app.isBusy)
    }

    @Test func aRequestMadeOfALoadingScreenReachesTheLoadedOne() throws {
        let gate = Gate()
        let loading = ScreenLoading(pending: [.repsRoutes]) { feed in
            while !gate.isOpen { usleep(1_000) }
            try feed.deliver([Loaded(id: .repsRoutes)])
        }
        var app = Self.app(loading)
        var waiting = try #require(app.screens[ScreenID.repsRoutes.rawValue - 1] as? LoadingScreen)
        waiting.receive(.showRep(2), body: Rect(x: 0, y: 1, width: 100, height: 27))
        #expect(waiting.request == .showRep(2))
        // As AppState does when a screen asks for another: the request is handed to the loading one.
        app = AppState(screens: [Loaded(id: .sla), waiting], themeNames: BuiltinThemes.names, theme: "default", width: 100,
                       height: 30, loading: loading)
        loading.start()
        gate.release()
        #expect(loading.wait(seconds: 5))
        app.tick()
        let loaded = try #require(app.screens[ScreenID.repsRoutes.rawValue - 1] as? Loaded)
        #expect(loaded.received == .showRep(2))
    }

    /// The real staged load of a saved run: the five sales screens arrive in load order, each
    /// once, and draw exactly what the eager load draws.
    @Test func theStagedSalesLoadDrawsWhatTheEagerLoadDraws() throws {
        let store = try Store.inMemory()
        var outcome = try Pipeline.run(config: SalesScreensFixture.config, input: .synthetic, store: store)
        try Pipeline.save(&outcome, to: store)
        let run = try #require(try store.latestRun())
        let recorder = Recorder()
        let eager = try #require(try SalesScreens.load(store: store, run: run))
        var before = AppState(screens: eager.screens(decisions: recorder.routeDecisions, export: recorder.export),
                              themeNames: BuiltinThemes.names, theme: "default", width: 160, height: 48)

        let rows = (customers: SalesScreensFixture.config.customers, tickets: SalesScreensFixture.config.tickets)
        let loading = ScreenLoading(pending: SalesScreens.loadOrder, first: "channels") { feed in
            try SalesScreens.load(store: store, run: run, rows: rows, decisions: recorder.routeDecisions, export: recorder.export,
                                  feed: feed)
        }
        var after = AppState(screens: [], themeNames: BuiltinThemes.names, theme: "default", width: 160, height: 48,
                             loading: loading)
        loading.start()
        var seen: [ScreenID] = []
        let end = WallClock.monotonic() + 60
        while after.loading != nil && WallClock.monotonic() < end {
            let waiting = Set(after.screens.filter { $0 is LoadingScreen }.map(\.id))
            after.tick()
            seen += SalesScreens.loadOrder.filter { waiting.contains($0) && !(after.screens[$0.rawValue - 1] is LoadingScreen) }
            usleep(500)
        }
        #expect(loading.failure == nil)
        #expect(after.loading == nil)
        #expect(seen == SalesScreens.loadOrder, "each sales screen swapped in once, in load order")
        #expect(loading.progress.fraction <= 1)
        for id in SalesScreens.loadOrder {
            before.press(.showTab(id.number))
            after.press(.showTab(id.number))
            #expect(after.rendered() == before.rendered(), "screen \(id.number)")
        }
    }
}
