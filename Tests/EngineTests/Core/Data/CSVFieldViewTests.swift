import Testing
import Core

/// The scanner hands out fields as views into its chunk and counts columns only when a
/// message asks: streaming with tiny chunks (records longer than the chunk, `""` and line
/// ends across its edge) must read the same fields, at the same lines and columns, as
/// reading the bytes whole.
@Suite struct CSVFieldViewTests {
    private struct Cell: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    private func cells(_ reader: CSVReader) throws -> [[Cell]] {
        var out = [[Cell]]()
        while try reader.next() {
            out.append((0..<reader.fieldCount).map { i in
                let p = reader.position(i)
                return Cell(text: reader.string(i), line: p.line, column: p.column)
            })
        }
        return out
    }

    private func streamed(_ text: String, chunk: Int) throws -> CSVReader {
        let path = "/tmp/opsdeck-views-\(UInt64(bitPattern: Int64(text.hashValue)))-\(chunk).csv"
        let w = try CSVWriterTestFile(path: path, text: text)
        return try CSVReader(path: w.path, chunkSize: chunk)
    }

    private var tricky: String {
        var text = "id,note,n\n"
        for i in 0..<120 {
            let long = String(repeating: "é\(i)", count: i % 40)
            text += "\(i),\"say \"\"hi\"\" \(long)\nsecond, line\",\(i * 3)\n"
            text += "x\(i),\(long),\"\"\n"
            if i % 17 == 0 { text += "\"\(String(repeating: "\"\"", count: 90))\",\"\",\"\(long)\r\n\"\r\n" }
        }
        return text
    }

    @Test func streamingReadsTheSameFieldsAndPositionsAsMemory() throws {
        let whole = try cells(CSVReader(text: tricky))
        #expect(whole.count > 240)
        for chunk in [64, 97, 256, 4096] {
            #expect(try cells(streamed(tricky, chunk: chunk)) == whole)
        }
    }

    @Test func positionsCountCharactersAndQuotedLineEnds() throws {
        // Field 3 of the record starts on line 4 (two line ends inside the quotes), after
        // `b",` : the doubled quote counts two columns, "é" one.
        let text = "a,b,c\n1,\"x\"\"é\ny\nb\",z\n"
        let reader = CSVReader(text: text)
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(reader.string(1) == "x\"é\ny\nb")
        #expect(reader.position(0) == (line: 2, column: 1))
        #expect(reader.position(1) == (line: 2, column: 3))
        #expect(reader.position(2) == (line: 4, column: 4))
        #expect(reader.string(2) == "z")
    }

    @Test func errorsNameTheSameLineAndColumnStreamed() throws {
        let bad = [
            "a,b\n1,\"x\"\"y\nz\" q,2\n",  // text after a closing quote, on line 3
            "a,b\n1,2\n\"é\"\"é\nw,3\n",    // never closed
            "a,b\n1,\"é\ne\"\n3,4,5\n",     // too many fields on line 4
        ]
        for text in bad {
            var whole: String?
            do { _ = try cells(CSVReader(text: text)) } catch { whole = "\(error)" }
            #expect(whole != nil)
            for chunk in [64, 65] {
                var streamedError: String?
                do { _ = try cells(streamed(text, chunk: chunk)) } catch { streamedError = "\(error)" }
                #expect(streamedError?.replacingPath() == whole?.replacingPath())
            }
        }
    }

    @Test func numbersReadFromViewsAndUnescapedFields() throws {
        let reader = CSVReader(text: "a,b,c\n\"1\"\"\",12,\"-7\"\n")
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(reader.int(1).value == 12)
        #expect(reader.int(2).value == -7)
        #expect(reader.double(2).value == -7)
        if case .invalid = reader.int(0) {} else { Issue.record("1\" is no number") }
    }
}

private extension String {
    /// Messages start with the file's name; the streamed and in-memory names differ.
    func replacingPath() -> Substring { drop { $0 != ":" } }
}
