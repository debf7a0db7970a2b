import Testing
@testable import TUI

@Suite struct KeyDecoderTests {
    private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func shiftTabFromCSIZ() {
        #expect(KeyDecoder.decode([27] + scalars("[Z")) == [.backTab])
    }

    @Test func loneEscapeAndEscapeThenKey() {
        #expect(KeyDecoder.decode([27]) == [.escape])
        #expect(KeyDecoder.decode([27, 27]) == [.escape, .escape])
        #expect(KeyDecoder.decode([27] + scalars("q")) == [.alt("q")])
        #expect(KeyDecoder.decode([27] + scalars("xj")) == [.alt("x"), .char("j")])
        #expect(Key.alt("q").name == "Alt-q")
    }

    @Test func cursorAndPageSequences() {
        #expect(KeyDecoder.decode([27] + scalars("[A")) == [.up])
        #expect(KeyDecoder.decode([27] + scalars("OB")) == [.down])
        #expect(KeyDecoder.decode([27] + scalars("[5~")) == [.pageUp])
        #expect(KeyDecoder.decode([27] + scalars("[6~")) == [.pageDown])
        #expect(KeyDecoder.decode([27] + scalars("OP")) == [.function(1)])
        #expect(KeyDecoder.decode([27] + scalars("[1;5C")) == [.right])
    }

    @Test func controlAndPlainCharacters() {
        #expect(KeyDecoder.decode([12]) == [.ctrl("l")])
        #expect(KeyDecoder.decode([9, 13, 127]) == [.tab, .enter, .backspace])
        #expect(KeyDecoder.decode(scalars("j?é")) == [.char("j"), .char("?"), .char("é")])
        #expect(Key.ctrl("l").name == "Ctrl-L")
        #expect(Key.backTab.name == "Shift-Tab")
    }
}
