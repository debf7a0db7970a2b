import Testing
import Core

@Suite struct CSVReaderTests {
    private func rows(_ text: String, chunk: Int? = nil) throws -> [[String]] {
        let reader: CSVReader
        if let chunk {
            // Write to a temp file so the streaming path with a tiny chunk is exercised.
            let path = "/tmp/opsdeck-csv-\(text.hashValue & 0xFFFF)-\(chunk).csv"
            let w = try CSVWriterTestFile(path: path, text: text)
            reader = try CSVReader(path: w.path, chunkSize: chunk)
        } else {
            reader = CSVReader(text: text)
        }
        var out = [[String]]()
        while try reader.next() { out.append(reader.strings) }
        return out
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "id,desc,n\r\n1,\"a, b\",2\r\n2,\"say \"\"hi\"\"\nand bye\",3\r\n"
        let expected = [["id", "desc", "n"], ["1", "a, b", "2"], ["2", "say \"hi\"\nand bye", "3"]]
        #expect(try rows(text) == expected)
        #expect(try rows(text, chunk: 64) == expected)
    }

    @Test func streamingAcrossTinyChunksMatchesInMemory() throws {
        var text = "a,b,c\n"
        for i in 0..<300 { text += "\(i),\"x\(i),\ny\",z\(i)\n" }
        #expect(try rows(text, chunk: 64) == rows(text))
    }

    @Test func byteOrderMarkIsSkippedAndEmptyFieldsAreMissing() throws {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("id,x\n1,\n".utf8), name: "bom.csv")
        #expect(try reader.next())
        #expect(reader.strings == ["id", "x"])
        #expect(try reader.next())
        #expect(reader.isEmpty(1))
        #expect(reader.double(1).value == nil)
        #expect(try !reader.next())
    }

    @Test func raggedRowIsAnErrorWithLineAndColumn() throws {
        let reader = CSVReader(text: "a,b,c\n1,2,3\n4,5\n", name: "ragged.csv")
        _ = try reader.next()
        _ = try reader.next()
        #expect(throws: InputError(file: "ragged.csv", line: 3, column: 3, "expected 3 fields, found 2")) {
            _ = try reader.next()
        }
    }

    @Test func unterminatedQuotePointsAtTheOpeningQuote() throws {
        let reader = CSVReader(text: "a,b\n1,\"never closed\n2,3\n", name: "q.csv")
        _ = try reader.next()
        let error = #expect(throws: InputError.self) { _ = try reader.next() }
        #expect(error?.line == 2)
        #expect(error?.column == 3)
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let reader = CSVReader(text: "a,b\n\"x\"y,2\n", name: "q.csv")
        _ = try reader.next()
        #expect(throws: InputError.self) { _ = try reader.next() }
    }

    @Test func numbersParseExactlyFromBytes() throws {
        let reader = CSVReader(text: "0.1,-2.5e3,41.385123,abc,12.0, 7 ,1e400\n")
        _ = try reader.next()
        #expect(reader.double(0).value == 0.1)
        #expect(reader.double(1).value == -2500)
        #expect(reader.double(2).value == 41.385123)
        if case .invalid = reader.double(3) {} else { Issue.record("abc should be invalid") }
        #expect(reader.int(4).value == 12)
        #expect(reader.double(5).value == 7)
        if case .invalid = reader.double(6) {} else { Issue.record("1e400 overflows") }
    }

    @Test func blankLineBetweenRecordsIsSkipped() throws {
        #expect(try rows("a,b\n1,2\n\n3,4\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
    }
}

/// Writes text to a temp file for the streaming tests.
struct CSVWriterTestFile {
    let path: String
    init(path: String, text: String) throws {
        self.path = path
        let w = try CSVWriter(path: path)
        w.writeRaw(text)
        try w.close()
    }
}
