import Testing
import Core

/// Found by the csv fuzz target (issue 17): `CSVScanner.next()` recursed once per lone empty
/// line, so a file of blank lines overflowed the stack (`opsdeck import customers` with
/// 200 000 blank lines: signal 11). Enable with the loop in CSVScanner.next().
@Suite struct CSVBlankLinesTests {
    @Test
    func aMillionBlankLinesAreSkippedWithoutRecursion() throws {
        let reader = CSVReader(text: "a,b\n" + String(repeating: "\n", count: 1_000_000) + "1,2\n", name: "blank.csv")
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(reader.strings == ["1", "2"])
        #expect(reader.recordLine == 1_000_002)
        #expect(try !reader.next())
    }
}
