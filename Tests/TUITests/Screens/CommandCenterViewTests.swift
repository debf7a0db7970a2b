import Testing
@testable import TUI

@Suite struct CommandCenterViewTests {
    private func state(width: Int, height: Int) -> AppState {
        AppState(screens: [], themeNames: BuiltinThemes.names, theme: "default", width: width, height: height)
    }

    private func render(_ s: AppState, context: CommandCenterContext = .empty, glyphs: Glyphs = .unicode) -> Canvas {
        CommandCenterView.render(s, context: context, width: s.width, height: s.height, glyphs: glyphs)
    }

    @Test func emptyCommandCenter80x24() {
        assertGolden(render(state(width: 80, height: 24)).text(), named: "empty-80x24")
    }

    @Test func emptyCommandCenter160x48() {
        assertGolden(render(state(width: 160, height: 48)).text(), named: "empty-160x48")
    }

    @Test func withSummaryAndAsciiGlyphs() {
        var s = state(width: 80, height: 24)
        _ = s.handle(KeyMap.standard.key(for: .showTab(4)))
        let context = CommandCenterContext(title: "demo · seed 42",
                                           summary: ["12 000 customers", "40 reps", "25 000 tickets"])
        assertGolden(render(s, context: context, glyphs: .ascii).text(), named: "customers-ascii-80x24")
    }

    @Test func helpModal80x24() {
        var s = state(width: 80, height: 24)
        _ = s.handle(KeyMap.standard.key(for: .help))
        assertGolden(render(s).text(), named: "help-80x24")
    }

    @Test func tooSmallSaysSo() {
        let text = render(state(width: 50, height: 12)).text()
        #expect(text.contains("Terminal too small: 50×12."))
        #expect(text.contains("at least 60×16"))
        #expect(render(state(width: 50, height: 12), glyphs: .ascii).text().contains("50x12"))
    }

    @Test func monoRendersWithoutAnyColour() {
        var s = state(width: 80, height: 24)
        _ = s.handle(KeyMap.standard.key(for: .help))
        let canvas = render(s)
        let mono = Palette(theme: .mono, mode: .xterm256)
        let noColor = Palette(theme: Theme.fallback, mode: .mono)
        var emphasised = 0
        for cell in canvas.cells {
            #expect(!mono.resolve(cell.style).hasColor)
            let resolved = noColor.resolve(cell.style)
            #expect(!resolved.hasColor)
            if resolved.attributes.contains(.reverse) { emphasised += 1 }
        }
        #expect(emphasised > 0, "the active tab and status bar stand out by reverse video")
        // The same frame in colour does use colour.
        #expect(canvas.cells.contains { Palette(theme: Theme.fallback, mode: .xterm256).resolve($0.style).hasColor })
    }
}
