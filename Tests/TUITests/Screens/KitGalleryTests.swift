import Testing
@testable import TUI

/// The kit composed as the SLA screen will be, driven through the app and the binding table.
@Suite struct KitGalleryTests {
    let keys = KeyMap.standard

    private func app(width: Int = 160, height: Int = 48) -> AppState {
        AppState(screens: [KitGalleryScreen()], themeNames: BuiltinThemes.names, theme: "default",
                 width: width, height: height)
    }

    private func gallery(_ s: AppState) -> KitGalleryScreen? { s.screen as? KitGalleryScreen }

    private func render(_ s: AppState) -> String {
        CommandCenterView.render(s, context: .empty, width: s.width, height: s.height, glyphs: .unicode).text()
    }

    @Test func golden160x48And80x24() {
        assertGolden(render(app()), named: "kit-gallery-160x48")
        assertGolden(render(app(width: 80, height: 24)), named: "kit-gallery-80x24")
    }

    @Test func plusMovesTheSliderAndTheSavingsTileFollows() throws {
        var s = app()
        let before = try #require(gallery(s))
        _ = s.handle(keys.key(for: .increase, in: .slider))
        let after = try #require(gallery(s))
        #expect(after.slider.value == before.slider.value + 5)
        #expect(render(s).contains(String(format: "%.0f", after.netSavings(45))))
    }

    @Test func anglesSortTheFocusedListThenStepTheFocusedSlider() throws {
        var s = app()
        _ = s.handle(.char(">"))
        #expect(try #require(gallery(s)).table.sortColumn == 0)
        #expect(try #require(gallery(s)).slider.value == 40)
        _ = s.handle(keys.key(for: .focusNext))
        _ = s.handle(.char(">"))
        #expect(try #require(gallery(s)).slider.value == 45)
        _ = s.handle(.pageUp)
        #expect(try #require(gallery(s)).slider.value == 65)
    }

    @Test func directEntryAndSearchGoThroughTheApp() throws {
        var s = app()
        _ = s.handle(.char("#"))
        for c in "85" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        #expect(try #require(gallery(s)).slider.value == 85)
        _ = s.handle(.char("/"))
        for c in "T-1003" { _ = s.handle(.char(c)) }
        #expect(try #require(gallery(s)).table.order == [3])
        _ = s.handle(.escape)
        #expect(try #require(gallery(s)).table.order.count == 30)
        #expect(s.handle(.escape) == .quit) // nothing left open: Esc at top level quits
    }

    @Test func mouseSelectsRowsScrollsAndFocuses() throws {
        var s = app()
        let screen = try #require(gallery(s))
        let l = screen.layout(CommandCenterView.body(width: 160, height: 48))
        _ = s.handle(.mouse(MouseEvent(x: l.table.x + 2, y: l.table.y + 3, kind: .press)))
        #expect(try #require(gallery(s)).table.selected == 2)
        _ = s.handle(.mouse(MouseEvent(x: l.table.x + 2, y: l.table.y + 3, kind: .wheelDown)))
        #expect(try #require(gallery(s)).table.selected == 5)
        _ = s.handle(.mouse(MouseEvent(x: l.slider.x + 20, y: l.slider.y + 1, kind: .press)))
        #expect(try #require(gallery(s)).focus.isFocused(.capacity))
    }
}
