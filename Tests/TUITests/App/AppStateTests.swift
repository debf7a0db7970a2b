import Testing
@testable import TUI

@Suite struct AppStateTests {
    let keys = KeyMap.standard

    private func app(themeLock: String? = nil) -> AppState {
        AppState(screens: [], themeNames: BuiltinThemes.names, theme: "default", themeLock: themeLock,
                 width: 80, height: 24)
    }

    @Test func digitsAndTabsSwitchScreens() {
        var s = app()
        #expect(s.current == .sla)
        _ = s.handle(keys.key(for: .showTab(3)))
        #expect(s.current == .repsRoutes)
        _ = s.handle(keys.key(for: .nextTab))
        #expect(s.current == .customers)
        _ = s.handle(keys.key(for: .previousTab))
        _ = s.handle(keys.key(for: .previousTab))
        #expect(s.current == .territories)
        _ = s.handle(keys.key(for: .showTab(6)))
        _ = s.handle(keys.key(for: .nextTab))
        #expect(s.current == .sla)
    }

    @Test func helpOpensScrollsAndClosesWithEsc() {
        var s = app()
        #expect(s.handle(keys.key(for: .help)) == .none)
        #expect(s.helpOpen)
        #expect(s.scopes == [.help])
        _ = s.handle(keys.key(for: .moveDown, in: .help))
        #expect(s.help.offset == 1)
        #expect(s.handle(.escape) == .none)
        #expect(!s.helpOpen)
        _ = s.handle(.function(1))
        _ = s.handle(.function(1))
        #expect(!s.helpOpen)
    }

    @Test func quitAndEscAtTopLevel() {
        var s = app()
        #expect(s.handle(keys.key(for: .quit)) == .quit)
        var t = app()
        #expect(t.handle(.escape) == .quit)
    }

    @Test func disabledKeysSayWhy() {
        var s = app()
        _ = s.handle(.char("/"))
        #expect(s.message == "/ search: SLA queue has no rows yet")
        _ = s.handle(.char("+"))
        #expect(s.message == "+ more: SLA queue has no slider yet")
        _ = s.handle(.char("Z"))
        #expect(s.message == "Z is not bound; press ? for the keys")
        _ = s.handle(.char("2"))
        #expect(s.message == nil)
    }

    @Test func themesCycleUnlessColourIsOff() {
        var s = app()
        #expect(s.handle(keys.key(for: .cycleTheme)) == .theme("light"))
        #expect(s.themeName == "light")
        for _ in 0..<3 { _ = s.handle(keys.key(for: .cycleTheme)) }
        #expect(s.themeName == "default")
        var locked = app(themeLock: "colours are off (NO_COLOR or --no-color)")
        #expect(locked.handle(keys.key(for: .cycleTheme)) == .none)
        #expect(locked.message == "theme: colours are off (NO_COLOR or --no-color)")
    }

    @Test func redrawResizeAndMouse() {
        var s = app()
        #expect(s.handle(keys.key(for: .redraw)) == .repaint)
        #expect(s.handle(.resize) == .repaint)
        let tab = TabBar.layout(width: 80)[4]
        _ = s.handle(.mouse(MouseEvent(x: tab.x + 1, y: 0, kind: .press)))
        #expect(s.current == .channels)
    }

    @Test func tooSmallStillQuits() {
        var s = AppState(screens: [], themeNames: ["default"], theme: "default", width: 40, height: 10)
        #expect(s.handle(.char("2")) == .none)
        #expect(s.current == .sla)
        #expect(s.handle(.char("q")) == .quit)
    }
}
