/// CSV and JSON renderings of a DataTable, byte-for-byte deterministic.
extension DataTable {
    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }

    /// The CSV as UTF-8 bytes, without a round trip through `String`.
    public func csvBytes() -> [UInt8] {
        let w = CSVWriter()
        w.write(row: columns)
        for r in rows { w.write(row: r) }
        try? w.close()  // in-memory: cannot fail
        return w.bytes
    }

    /// An array of objects, one per row, keys in column order; number columns unquoted
    /// (an empty number cell is `null`).
    public func json() -> String {
        var out = "[\n"
        for (i, r) in rows.enumerated() {
            out += "  {"
            for (j, c) in columns.enumerated() {
                if j > 0 { out += ", " }
                out += Self.quote(c) + ": "
                let cell = j < r.count ? r[j] : ""
                if kinds[j] == .number { out += cell.isEmpty ? "null" : cell } else { out += Self.quote(cell) }
            }
            out += i + 1 < rows.count ? "},\n" : "}\n"
        }
        return out + "]\n"
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
