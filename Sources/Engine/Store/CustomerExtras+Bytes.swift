import Core
import Learning
extension CustomerExtras {
    /// One column as bytes for the store: "OXC1", the byte length of the texts, the distinct
    /// texts (length-prefixed), the row count, then one little-endian Int32 code per row,
    /// written and read in bulk so a million rows load quickly.
    public static func bytes(of column: RawTable.Column) -> [UInt8] {
        var texts = ByteWriter()
        texts.strings(column.values)
        var w = ByteWriter()
        w.magic("OXC1")
        w.int(texts.bytes.count)
        var out = w.bytes + texts.bytes
        w = ByteWriter()
        w.int(column.codes.count)
        out += w.bytes
        let start = out.count
        out.append(contentsOf: [UInt8](repeating: 0, count: 4 * column.codes.count))
        out.withUnsafeMutableBytes { raw in
            for (i, c) in column.codes.enumerated() { raw.storeBytes(of: c.littleEndian, toByteOffset: start + 4 * i, as: Int32.self) }
        }
        return out
    }

    /// Reads `bytes(of:)` back; throws on anything truncated or out of range.
    public static func column(name: String, bytes: [UInt8]) throws -> RawTable.Column {
        var head = ByteReader(Array(bytes.prefix(12)))
        try head.expectMagic("OXC1")
        let textBytes = try head.int()
        guard textBytes >= 0, textBytes <= bytes.count, bytes.count >= 12 + textBytes + 8 else { throw LearningError.invalidModelBytes("truncated texts") }
        var c = RawTable.Column(name: name)
        var texts = ByteReader(Array(bytes[12..<(12 + textBytes)]))
        c.values = try texts.strings()
        var count = ByteReader(Array(bytes[(12 + textBytes)..<(20 + textBytes)]))
        let rows = try count.int()
        let start = 20 + textBytes
        guard texts.isAtEnd, rows >= 0, rows <= (bytes.count - start) / 4, bytes.count - start == 4 * rows else {
            throw LearningError.invalidModelBytes("\(bytes.count - start) bytes for \(rows) codes")
        }
        let n = Int32(c.values.count)
        var bad = false
        c.codes = bytes.withUnsafeBytes { raw in
            (0..<rows).map { i in
                let v = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: Int32.self))
                if v < 0 || v >= n { bad = true }
                return v
            }
        }
        guard !bad else { throw LearningError.invalidModelBytes("a code is out of range") }
        c.counts = [Int](repeating: 0, count: c.values.count)
        for code in c.codes { c.counts[Int(code)] += 1 }
        return c
    }
}
