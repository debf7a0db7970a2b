import Testing
@testable import TUI

@Suite struct PaletteTests {
    @Test func hexTo256ColourCubeAndGreys() {
        #expect(ColorMapping.xterm256(RGB(255, 0, 0)) == 196)
        #expect(ColorMapping.xterm256(RGB(0, 0, 0)) == 16)
        #expect(ColorMapping.xterm256(RGB(255, 255, 255)) == 231)
        #expect(ColorMapping.xterm256(RGB(128, 128, 128)) == 244)
        #expect(ColorMapping.xterm256(RGB(0x1E, 0x1E, 0x2E)) == 235)
        #expect(ColorMapping.xterm256(RGB(0, 95, 135)) == 24)
    }

    @Test func hexTo8And16ColoursKeepsHue() {
        #expect(ColorMapping.ansi8(RGB(255, 0, 0)) == 1)
        #expect(ColorMapping.ansi8(RGB(0, 200, 0)) == 2)
        #expect(ColorMapping.ansi8(RGB(0, 0, 255)) == 4)
        #expect(ColorMapping.ansi8(RGB(0xF3, 0x8B, 0xA8)) == 1) // pastel red stays red
        #expect(ColorMapping.ansi8(RGB(0xF9, 0xE2, 0xAF)) == 3) // pastel yellow stays yellow
        #expect(ColorMapping.ansi8(RGB(0x1E, 0x1E, 0x2E)) == 0)
        #expect(ColorMapping.ansi8(RGB(0xCD, 0xD6, 0xF4)) == 7)
        #expect(ColorMapping.ansi16(RGB(0xF3, 0x8B, 0xA8)) == 9)
        #expect(ColorMapping.curses1000(255) == 1000)
    }

    @Test func modeFollowsWhatTheTerminalReports() {
        let modern = ["COLORTERM": "truecolor", "TERM": "xterm-256color"]
        #expect(ColorMode.detect(colors: 256, canChangeColor: true, noColor: false, environment: modern) == .direct)
        #expect(ColorMode.detect(colors: 256, canChangeColor: true, noColor: false) == .xterm256)
        #expect(ColorMode.detect(colors: 256, canChangeColor: true, noColor: false,
                                 environment: modern.merging(["TMUX": "/tmp/x"]) { $1 }) == .xterm256)
        #expect(ColorMode.detect(colors: 256, canChangeColor: false, noColor: false) == .xterm256)
        #expect(ColorMode.detect(colors: 16, canChangeColor: false, noColor: false) == .ansi16)
        #expect(ColorMode.detect(colors: 8, canChangeColor: true, noColor: false) == .ansi8)
        #expect(ColorMode.detect(colors: 2, canChangeColor: false, noColor: false) == .mono)
        #expect(ColorMode.detect(colors: 256, canChangeColor: true, noColor: true) == .mono)
    }

    @Test func monoUsesNoColourAndEmphasisByAttributes() {
        let palette = Palette(theme: Theme.fallback, mode: .mono)
        let selected = palette.resolve(CellStyle(fg: .selectionFg, bg: .selection))
        #expect(!selected.hasColor)
        #expect(selected.attributes.contains(.reverse))
        #expect(palette.resolve(CellStyle(fg: .breachRiskHigh)).attributes.contains(.bold))
        #expect(palette.resolve(.normal) == ResolvedStyle(fg: -1, bg: -1, attributes: []))
        let active = palette.resolve(CellStyle(fg: .tabActive, bg: .tabActiveBg))
        let inactive = palette.resolve(CellStyle(fg: .tabInactive, bg: .statusBar))
        #expect(active.attributes == [.reverse, .bold])
        #expect(inactive.attributes.isEmpty)
        // The mono theme is monochrome whatever the terminal can do.
        #expect(Palette(theme: .mono, mode: .direct).mode == .mono)
    }

    @Test func poorPaletteKeepsTheSelectionVisible() {
        let palette = Palette(theme: Theme.fallback, mode: .ansi8)
        // #45475a and #1e1e2e both become black: reverse keeps the bar.
        let selected = palette.resolve(CellStyle(fg: .selectionFg, bg: .selection))
        #expect(selected.attributes.contains(.reverse))
        let rich = Palette(theme: Theme.fallback, mode: .xterm256).resolve(CellStyle(fg: .selectionFg, bg: .selection))
        #expect(!rich.attributes.contains(.reverse))
        #expect(rich.bg != Palette(theme: Theme.fallback, mode: .xterm256).index(of: .mainBg))
    }

    @Test func directModeDefinesEachDistinctColourOnce() {
        let palette = Palette(theme: Theme.fallback, mode: .direct, maxColors: 256)
        #expect(palette.mode == .direct)
        let distinct = Set(Role.allCases.compactMap { role -> RGB? in
            if case .rgb(let c) = Theme.fallback.color(role) { return c }
            return nil
        })
        #expect(palette.customColors.count == distinct.count)
        #expect(palette.customColors.first?.index == 16)
        #expect(Palette(theme: Theme.fallback, mode: .direct, maxColors: 20).mode == .xterm256)
    }
}
