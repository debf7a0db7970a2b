import Foundation
import Testing
@testable import Engine

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
