import Testing
import Pipeline

/// Inputs the fuzzer found trapping `ColumnFile(bytes:)` (issue 17), kept as regressions.
@Suite struct ColumnFileFuzzTests {
    @Test func aColumnNameThatIsNotUTF8IsAnErrorNotATrap() throws {
        // One row, one column whose 200-byte name is invalid UTF-8: repaired, it would have
        // grown to 600 bytes and failed `add`'s precondition.
        var b = Array("ODCOLS1\n".utf8) + [1, 0, 0, 0, 1, 0, 0, 0]
        b += [200] + Array(repeating: 0xFF, count: 200) + [2, 7]
        #expect(throws: ColumnFile.FormatError.self) { try ColumnFile(bytes: b) }
        // The same file with a plain name still reads.
        var ok = Array("ODCOLS1\n".utf8) + [1, 0, 0, 0, 1, 0, 0, 0]
        ok += [1, UInt8(ascii: "a"), 2, 7]
        #expect(try ColumnFile(bytes: ok).column("a") == .byte([7]))
    }
}
