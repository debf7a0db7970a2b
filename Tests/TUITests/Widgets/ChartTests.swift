import Testing
@testable import TUI

@Suite struct ChartTests {
    @Test func brailleDotBitsFollowUnicodeOrder() {
        var grid = BrailleGrid(columns: 1, rows: 1)
        grid.set(x: 0, y: 0)
        #expect(Glyphs.unicode.braille(grid.mask(column: 0, row: 0)) == "⠁")
        grid.set(x: 1, y: 3)
        #expect(Glyphs.unicode.braille(grid.mask(column: 0, row: 0)) == "⢁")
        for x in 0..<2 { grid.vertical(x: x, from: 0, to: 3) }
        #expect(Glyphs.unicode.braille(grid.mask(column: 0, row: 0)) == "⣿")
        grid.set(x: 5, y: 9) // outside: ignored
        #expect(grid.mask(column: 0, row: 0) == 0xFF)
    }

    @Test func risingLineLightsTheDiagonal() {
        let chart = LineChart(values: [0, 1, 2, 3])
        let grid = chart.dots(columns: 2, rows: 1)
        // 4 dot columns × 4 dot rows: a step up per column from the bottom-left.
        #expect(Glyphs.unicode.braille(grid.mask(column: 0, row: 0)) == "⡠")
        #expect(Glyphs.unicode.braille(grid.mask(column: 1, row: 0)) == "⠊")
    }

    @Test func areaFillsDownToTheAxis() {
        let chart = LineChart(values: [0, 3], area: true)
        let grid = chart.dots(columns: 1, rows: 1)
        #expect(Glyphs.unicode.braille(grid.mask(column: 0, row: 0)) == "⣸")
    }

    @Test func chartDrawsAxisLabelsAndVerticalMarker() {
        var canvas = Canvas(width: 16, height: 4)
        let chart = LineChart(values: [0, 10, 20, 30, 40], area: true, marker: 2, xLabels: ("0", "40"))
        chart.draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.text() == """
            40 │      ⡇ ⣀⣤⣶⣿
               │    ⣀⣤⣷⣿⣿⣿⣿⣿
             0 │⣀⣤⣶⣿⣿⣿⣿⣿⣿⣿⣿⣿
                0         40

            """)
        #expect(canvas[10, 0].style.fg == .marker && canvas[10, 2].style.fg == .marker)
        var ascii = Canvas(width: 16, height: 4, glyphs: .ascii)
        chart.draw(into: &ascii, in: ascii.bounds)
        #expect(ascii.text() == """
            40 |      : ..:#
               |    ..:#####
             0 |..:#########
                0         40

            """)
    }

    @Test func barsUseEighthBlocks() {
        var canvas = Canvas(width: 5, height: 2)
        BarChart(values: [0, 2, 8, 12, 16], maximum: 16).draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.text() == "   ▄█\n ▂███\n")
        var ascii = Canvas(width: 5, height: 2, glyphs: .ascii)
        BarChart(values: [0, 2, 8, 12, 16], maximum: 16).draw(into: &ascii, in: ascii.bounds)
        #expect(ascii.text() == "   .#\n _###\n")
    }

    @Test func histogramBinsAndDraws() {
        let counts = BarChart.histogram([0.05, 0.1, 0.15, 0.5, 0.95, 1.0, 7, -.infinity], bins: 4, range: 0...1)
        #expect(counts == [3, 0, 1, 3])
        var canvas = Canvas(width: 8, height: 1)
        BarChart(values: counts).draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.text() == "██  ▃▃██\n")
    }

    @Test func heatmapShowsShadeAndValue() {
        let heat = Heatmap(rowLabels: ["High", "Low"], columnLabels: ["Email", "Phone"],
                           values: [[0.5, 0.1], [0.0, nil]], format: "%.0f%%", scale: 100)
        #expect(heat.level(of: 0.5) == 4)
        #expect(heat.level(of: 0.0) == 0)
        var canvas = Canvas(width: 22, height: 3)
        heat.draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.text() == """
                 Email   Phone
            High ██ 50%  ░░ 10%
            Low     0%   -

            """)
        #expect(canvas[5, 1].style.fg == .heat4)
        var ascii = Canvas(width: 22, height: 3, glyphs: .ascii)
        heat.draw(into: &ascii, in: ascii.bounds)
        #expect(ascii.line(1) == "High ## 50%  .. 10%")
    }

    @Test func kpiTilesFramedOrCompact() {
        let tiles = [KPITile(label: "Net savings", value: "€1 234", detail: "+12%", role: .savingsPositive),
                     KPITile(label: "Reviews", value: "40")]
        var framed = Canvas(width: 30, height: 4, glyphs: .ascii)
        KPITilesView.draw(tiles, into: &framed, in: framed.bounds)
        #expect(framed.text() == """
            + Net savings + + Reviews ---+
            | E1 234      | | 40         |
            | +12%        | |            |
            +-------------+ +------------+

            """)
        #expect(framed[2, 1].style.fg == .savingsPositive)
        var compact = Canvas(width: 30, height: 2, glyphs: .ascii)
        KPITilesView.draw(tiles, into: &compact, in: compact.bounds)
        #expect(compact.text() == "Net savings     Reviews\nE1 234          40\n")
    }

    @Test func textViewWrapsWithHangingIndentAndScrolls() {
        let lines = [TextLine("  q     Quit the program right now please")]
        let wrapped = TextView.wrap(lines, width: 24).map(\.text)
        #expect(wrapped == ["  q     Quit the program", "        right now please"])
        var state = TextViewState()
        _ = state.handle(.pageDown, total: 10, page: 4)
        #expect(state.offset == 4)
        _ = state.handle(.last, total: 10, page: 4)
        #expect(state.offset == 6)
        let searched = state.handle(.search, total: 10, page: 4)
        #expect(!searched)
    }
}
