import Testing
@testable import TUI

/// The "terminal too small" notice wraps to any width instead of cutting its sentences.
@Suite struct TooSmallNoticeTests {
    func notice(_ width: Int, _ height: Int) -> String {
        var canvas = Canvas(width: width, height: height, glyphs: .unicode)
        CommandCenterView.drawTooSmall(into: &canvas)
        return canvas.text()
    }

    /// The words of the notice, whatever the line breaks.
    func words(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }

    @Test func everyWordShowsBelowFortyColumns() {
        let text = notice(20, 16)
        #expect(words(text) == words("Terminal too small: 20×16. OpsDeck needs at least 60×16. Enlarge the window, or press q to quit."))
        #expect(!text.contains("…"))
        for line in text.split(separator: "\n") { #expect(line.count <= 20) }
    }

    @Test func anyWidthFromOneDrawsWithoutTrapping() {
        for w in 1...45 {
            for h in [0, 1, 3, 12] {
                let text = notice(w, h)
                for line in text.split(separator: "\n") { #expect(line.count <= w) }
            }
        }
        // One column: long words are split, not dropped.
        #expect(notice(1, 200).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").hasPrefix("Terminaltoosmall"))
    }

    @Test func wrapKeepsShortLinesWhole() {
        #expect(CommandCenterView.wrap("Enlarge the window, or press q to quit.", width: 60) == ["Enlarge the window, or press q to quit."])
        #expect(CommandCenterView.wrap("abcdef gh", width: 4) == ["abcd", "ef", "gh"])
    }
}
