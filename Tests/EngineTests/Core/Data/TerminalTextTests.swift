import Testing
import Core

@Suite struct TerminalTextTests {
    @Test func controlSequencesAreShownEscaped() {
        #expect(TerminalText.safe("\u{1B}]0;pwned\u{07}x") == "\\e]0;pwned\\u{7}x")
        #expect(TerminalText.safe("a\u{1B}[2Jb") == "a\\e[2Jb")
        #expect(TerminalText.safe("tab\there\nnl\r") == "tab\\there\\nnl\\r")
        #expect(TerminalText.safe("\u{9B}31m\u{7F}\u{0}") == "\\x9b31m\\u{7f}\\u{0}")
        #expect(TerminalText.safe("abc\u{202E}def") == "abc\\u{202e}def")
        #expect(TerminalText.safe("Núñez 日本 é") == "Núñez 日本 é")
        let once = TerminalText.safe("\u{1B}[2J")
        #expect(TerminalText.safe(once) == once)
    }

    @Test func longValuesAreCutOnGraphemes() {
        #expect(TerminalText.safe(String(repeating: "x", count: 100), limit: 10) == String(repeating: "x", count: 10) + "…")
        #expect(TerminalText.safe("abc", limit: 3) == "abc")
        // "e" + combining acute is one character and is never split.
        #expect(TerminalText.safe("e\u{301}e\u{301}e\u{301}", limit: 2) == "e\u{301}e\u{301}…")
        #expect(TerminalText.safe("👩‍👩‍👧‍👦👩‍👩‍👧‍👦", limit: 1) == "👩‍👩‍👧‍👦…")
        #expect(TerminalText.quoted("hello world", limit: 5) == "'hello…'")
    }

    @Test func errorsAndReportsNeverPrintRawControls() {
        let e = InputError(file: "t.csv", line: 2, column: 3, "expected a number, got '\u{1B}]0;title\u{07}'")
        #expect(e.description == "t.csv:2:3: expected a number, got '\\e]0;title\\u{7}'")
        var r = GateReport(dataset: "tickets", file: "t.csv")
        r.record(.badValue, column: "na\u{1B}[2Jme", hard: true, at: e)
        r.notes.append("columns not used: \u{1B}[31mred")
        r.countMissing("x\u{7}")
        let text = r.rendered()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 7 })
        #expect(text.contains("na\\e[2Jme"))
        #expect(InputError(file: "f", line: 1, column: 0, String(repeating: "y", count: 1000)).description.count < 420)
    }
}
