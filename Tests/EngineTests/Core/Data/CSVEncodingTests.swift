import Foundation
import Testing
import Core

@Suite struct CSVEncodingTests {
    /// Writes raw bytes to a fresh temp file (the path read is what `opsdeck import` does).
    private func file(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "opsdeck-enc-\(name)-\(bytes.count).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What Excel writes for "CSV UTF-8 (Comma delimited)": a BOM, CRLF line ends.
    private static let excelBytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("customer_id,name\r\nC1,Núñez\r\n".utf8)

    @Test func excelCSVUTF8ReadFromAPathHasACleanHeader() throws {
        for chunk in [64, 1 << 20] {
            let reader = try CSVReader(path: try file(Self.excelBytes, "excel"), chunkSize: chunk)
            #expect(try reader.next())
            #expect(reader.strings == ["customer_id", "name"])
            #expect(try reader.next())
            #expect(reader.strings == ["C1", "Núñez"])
        }
    }
}

extension CSVEncodingTests {
    private static let text = "id,name,city\r\n1,Núñez,Cádiz\r\n2,\"日本, 東京\",é\r\n3,😀 smile,x\r\n"
    private static let expected = [["id", "name", "city"], ["1", "Núñez", "Cádiz"], ["2", "日本, 東京", "é"], ["3", "😀 smile", "x"]]

    private static func utf16(_ s: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    private func rows(_ r: CSVReader) throws -> [[String]] {
        var out = [[String]]()
        while try r.next() { out.append(r.strings) }
        return out
    }

    @Test func utf16FilesWithAndWithoutBOMAreTranscoded() throws {
        for be in [false, true] {
            for bom in [true, false] {
                let bytes = Self.utf16(Self.text, bigEndian: be, bom: bom)
                for chunk in [64, 67, 1 << 20] {
                    let r = try CSVReader(path: try file(bytes, "u16-\(be)-\(bom)"), chunkSize: chunk)
                    #expect(r.encoding == (be ? .utf16BE : .utf16LE))
                    #expect(r.hasByteOrderMark == bom)
                    #expect(try rows(r) == Self.expected, "be \(be) bom \(bom) chunk \(chunk)")
                }
                let m = CSVReader(bytes: bytes, name: "m.csv")
                #expect(try rows(m) == Self.expected)
                #expect(m.encodingNote?.contains(be ? "UTF-16BE" : "UTF-16LE") == true)
            }
        }
    }

    @Test func utf8WithAndWithoutBOMAcrossChunkEdges() throws {
        for bom in [true, false] {
            let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(Self.text.utf8)
            for chunk in 64...80 {
                let r = try CSVReader(path: try file(bytes, "u8-\(bom)"), chunkSize: chunk)
                #expect(try rows(r) == Self.expected, "chunk \(chunk)")
            }
            #expect(CSVReader(bytes: bytes, name: "x").encodingNote == (bom ? "read as UTF-8 (with a byte-order mark, as Excel's 'CSV UTF-8' writes)" : nil))
        }
    }

    @Test func longUTF16FileStreamsInSmallChunks() throws {
        var text = "id,note\n"
        for i in 0..<2000 { text += "\(i),\"ñ日\(i)\nline\"\n" }
        let r = try CSVReader(path: try file(Self.utf16(text, bigEndian: false, bom: false), "long16"), chunkSize: 100)
        let all = try rows(r)
        #expect(all.count == 2001)
        #expect(all[1999] == ["1998", "ñ日1998\nline"])
        #expect(r.recordLine == 4000)  // the last record starts there
    }

    @Test func utf32AndBinaryFilesAreNamed() throws {
        let u32: [UInt8] = [0xFF, 0xFE, 0, 0] + Array("a".utf8) + [0, 0, 0]
        let e = #expect(throws: InputError.self) { _ = try CSVReader(path: try file(u32, "u32")) }
        #expect(e?.message == "the file looks like UTF-32LE; save it as CSV UTF-8")
        var noBom: [UInt8] = []
        for c in "id,x\n1,2\n".utf8 { noBom += [0, 0, 0, c] }
        #expect(throws: InputError(file: "b.csv", line: 1, column: 0, "the file looks like UTF-32BE; save it as CSV UTF-8")) {
            _ = try CSVReader(bytes: noBom, name: "b.csv").next()
        }
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0]
        let x = #expect(throws: InputError.self) { _ = try CSVReader(path: try file(xlsx, "xlsx")) }
        #expect(x?.message.contains(".xlsx") == true)
        let bin: [UInt8] = Array("id,x\n1,".utf8) + [0, 0, 0, 7, 0, 0, 0, 0, 1]
        let b = #expect(throws: InputError.self) { _ = try CSVReader(bytes: bin, name: "bin").next() }
        #expect(b?.message.contains("binary") == true)
    }

    @Test func invalidUTF8IsOneErrorWithLineAndColumn() throws {
        // "Café" in Windows-1252 (0xE9), as Excel's plain "CSV" writes it.
        let bytes = Array("id,name\n1,ok\n2,Caf".utf8) + [0xE9] + Array("\n".utf8)
        for chunk in [64, 1 << 20] {
            let r = try CSVReader(path: try file(bytes, "cp1252"), chunkSize: chunk)
            #expect(try r.next())
            #expect(try r.next())
            let e = #expect(throws: InputError.self) { _ = try r.next() }
            #expect(e?.line == 3)
            #expect(e?.column == 6)
            #expect(e?.message.hasPrefix("the file is not valid UTF-8 here (byte 0xE9)") == true)
        }
        // Far past the first chunk, and the rows before it are read.
        let long = Array(("id,name\n" + String(repeating: "1,ñandú\n", count: 40) + "2,Caf").utf8) + [0xE9, 0x0A]
        let lr = try CSVReader(path: try file(long, "cp1252-long"), chunkSize: 64)
        for _ in 0...40 { #expect(try lr.next()) }
        let le = #expect(throws: InputError.self) { _ = try lr.next() }
        #expect(le?.line == 42)
        #expect(le?.column == 6)
        let r = CSVReader(bytes: bytes, name: "c.csv", encoding: .windows1252)
        #expect(try rows(r) == [["id", "name"], ["1", "ok"], ["2", "Café"]])
        #expect(r.encodingNote == "read as Windows-1252 (as asked), converted to UTF-8")
        // A character cut by the end of the file.
        let cut = CSVReader(bytes: Array("a\nb".utf8) + [0xC3], name: "cut.csv")
        #expect(try cut.next())
        #expect(throws: InputError.self) { _ = try cut.next() }
        // An unpaired surrogate in UTF-16.
        let bad = CSVReader(bytes: [0xFF, 0xFE, 0x61, 0, 0x0A, 0, 0x00, 0xD8, 0x62, 0], name: "s.csv")
        #expect(try bad.next())
        #expect(throws: InputError.self) { _ = try bad.next() }
    }

    @Test func encodingNamesParse() {
        #expect(TextEncoding.parse("UTF-8") == .utf8)
        #expect(TextEncoding.parse("cp1252") == .windows1252)
        #expect(TextEncoding.parse("utf-16be") == .utf16BE)
        #expect(TextEncoding.parse("ebcdic") == nil)
    }
}

extension CSVEncodingTests {
    @Test func windows1252FileStreamsWhenAsked() throws {
        var bytes = Array("id,name\n".utf8)
        for i in 0..<200 { bytes += Array("\(i),Caf".utf8) + [0xE9, 0x20, 0x80, 0x0A] }  // "Café €"
        let r = try CSVReader(path: try file(bytes, "cp1252-stream"), encoding: .windows1252, chunkSize: 64)
        var n = 0
        while try r.next() {
            if n > 0 { #expect(r.strings == ["\(n - 1)", "Café €"]) }
            n += 1
        }
        #expect(n == 201)
    }
}

@Suite struct UTF8ValidateBoundaryTests {
    /// Regression: a text whose length is a multiple of sixteen ended the ASCII fast loop
    /// exactly at its end, and the next read looked one byte past it (a crash, or a valid
    /// file refused, depending on what lay there).
    @Test(arguments: [16, 32, 48, 160]) func asciiEndingOnAWordBoundaryIsValid(length: Int) {
        var bytes = [UInt8](repeating: 0x61, count: length + 1)
        bytes[length] = 0xFF  // never valid UTF-8: must not be looked at
        let r = bytes.withUnsafeBufferPointer { UTF8Text.validate($0, from: 0, to: length) }
        #expect(r.validEnd == length && r.invalid == nil)
    }
}
