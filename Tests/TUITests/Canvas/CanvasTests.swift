import Testing
@testable import TUI

@Suite struct CanvasTests {
    @Test func writesAndClipsText() {
        var canvas = Canvas(width: 6, height: 2)
        let used = canvas.write("hello world", x: 1, y: 0, style: .normal)
        #expect(used == 5)
        #expect(canvas.text() == " hello\n\n")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("日本x", x: 0, y: 0, style: .normal)
        #expect(canvas.text() == "日本x\n")
        #expect(canvas[1, 0].isContinuation)
        // Overwriting the second half of a wide character blanks its first half.
        canvas.put("a", x: 1, y: 0, style: .normal)
        #expect(canvas.line(0) == " a本x")
        // A wide character that would cross the right edge is not written half.
        var narrow = Canvas(width: 3, height: 1)
        narrow.write("ab日", x: 0, y: 0, style: .normal)
        #expect(narrow.line(0) == "ab")
    }

    @Test func widthOfCommonCharacters() {
        #expect("abc".cellWidth == 3)
        #expect("日本".cellWidth == 4)
        #expect("é".cellWidth == 1)
        #expect("▁▂█⣿".cellWidth == 4)
        #expect("Ünïcödé long".truncated(toCells: 6) == "Ünïcö…")
        #expect("ab".padded(toCells: 4, alignRight: true) == "  ab")
    }

    @Test func fillAndRestyleStayInBounds() {
        var canvas = Canvas(width: 4, height: 3)
        canvas.fill(Rect(x: -2, y: 1, width: 10, height: 5), with: "#", style: .normal)
        canvas.restyle(Rect(x: 0, y: 0, width: 9, height: 9)) { $0.with(.bold) }
        #expect(canvas.text() == "\n####\n####\n")
        #expect(canvas[3, 2].style.attributes.contains(.bold))
    }

    @Test func boxDrawsFrameAndTitleWithGlyphSet() {
        var canvas = Canvas(width: 12, height: 3, glyphs: .ascii)
        let inner = canvas.drawBox(canvas.bounds, title: "Hi")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(canvas.text() == "+- Hi -----+\n|          |\n+----------+\n")
    }

    @Test func glyphsFollowTheLocale() {
        #expect(Glyphs.forEnvironment(["LANG": "en_US.UTF-8"]).isUnicode)
        #expect(!Glyphs.forEnvironment(["LANG": "C"]).isUnicode)
        #expect(!Glyphs.forEnvironment(["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]).isUnicode)
        #expect(Glyphs.forEnvironment(["LC_CTYPE": "C.utf8"]).isUnicode)
    }

    @Test func asciiCanvasNeverHoldsNonAscii() {
        var canvas = Canvas(width: 20, height: 1, glyphs: .ascii)
        canvas.write("café × 3 · 日€", x: 0, y: 0, style: .normal)
        #expect(canvas.line(0) == "cafe x 3 . ?E")
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
    }

    @Test func rectSlicing() {
        let r = Rect(x: 0, y: 0, width: 10, height: 5)
        let (top, rest) = r.sliceTop(1)
        #expect(top.height == 1 && rest.y == 1 && rest.height == 4)
        #expect(r.columns(3, gap: 1).map(\.width) == [3, 3, 2])
        #expect(r.columns(3, gap: 1).map(\.x) == [0, 4, 8])
    }
}

@Suite struct CanvasDiffTests {
    @Test func firstFrameAndResizeRepaintEverything() {
        let canvas = Canvas(width: 3, height: 2)
        #expect(canvas.changedCells(since: nil).count == 6)
        #expect(canvas.changedCells(since: Canvas(width: 4, height: 2)).count == 6)
    }

    @Test func onlyChangedCellsAreWritten() {
        let before = Canvas(width: 4, height: 2)
        var after = before
        after.put("x", x: 2, y: 1, style: .normal)
        after.put("y", x: 0, y: 0, style: .normal.with(.bold))
        #expect(after.changedCells(since: before).map { [$0.x, $0.y] } == [[0, 0], [2, 1]])
        #expect(after.changedCells(since: after).isEmpty)
    }

    @Test func wideCharactersAreWrittenWhole() {
        var before = Canvas(width: 4, height: 1)
        before.write("日", x: 1, y: 0, style: .normal)
        var after = Canvas(width: 4, height: 1)
        after.write("日", x: 1, y: 0, style: .normal)
        #expect(after.changedCells(since: before).isEmpty)
        after.put("a", x: 2, y: 0, style: .normal) // breaks the wide char: both halves change
        #expect(after.changedCells(since: before).map(\.x) == [1, 2])
    }
}
