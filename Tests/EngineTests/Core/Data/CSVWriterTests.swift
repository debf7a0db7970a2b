import Testing
import Core

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsIt() throws {
        let w = CSVWriter()
        w.write(row: ["plain", "a,b", "say \"hi\"", "line\nbreak", " lead"])
        try w.close()
        #expect(w.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\" lead\"\n")
    }

    @Test func roundTripsThroughTheReader() throws {
        let rows = [["id", "note"], ["1", "x,\"y\"\r\nz"], ["2", ""]]
        let w = CSVWriter()
        for r in rows { w.write(row: r) }
        try w.close()
        let reader = CSVReader(text: w.text)
        var back = [[String]]()
        while try reader.next() { back.append(reader.strings) }
        #expect(back == rows)
    }
}
