import Core

/// A dataset's rows as COPY's text format: values separated by tabs, rows by newlines, NULL as
/// `\N`, with backslash, tab, newline and carriage return escaped. Reals are written in
/// Swift's shortest form that reads back to the same Double, so a save and a load give the
/// bits SQLite gives. Values must be bound in column order, 1 through the table's count.
package struct PostgresCopyBinder: RowBinding {
    package private(set) var bytes: [UInt8] = []
    private let columns: Int32
    private let what: String
    private var next: Int32 = 1
    /// The row being bound (0-based), for errors.
    package private(set) var row = 0

    package init(columns: Int, what: String, capacity: Int = 1 << 20) {
        self.columns = Int32(columns)
        self.what = what
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private mutating func start(_ i: Int32) throws(StoreError) {
        guard i == next, i <= columns else {
            throw StoreError("\(what): row \(row) bound value \(i) where value \(next) of \(columns) was expected")
        }
        if i > 1 { bytes.append(0x09) }
        next += 1
    }

    package mutating func bindNull(_ i: Int32) throws(StoreError) {
        try start(i)
        bytes.append(0x5C); bytes.append(0x4E)  // \N
    }

    package mutating func bind(_ i: Int32, _ v: Int64) throws(StoreError) {
        try start(i)
        if v == 0 { bytes.append(0x30); return }
        var n = v.magnitude
        if v < 0 { bytes.append(0x2D) }
        let first = bytes.count
        while n > 0 { bytes.append(UInt8(truncatingIfNeeded: n % 10) + 0x30); n /= 10 }
        bytes[first...].reverse()
    }

    package mutating func bind(_ i: Int32, _ v: Double) throws(StoreError) {
        if v.isNaN { try bindNull(i); return }
        try start(i)
        if v.isInfinite { bytes.append(contentsOf: (v < 0 ? "-Infinity" : "Infinity").utf8); return }
        bytes.append(contentsOf: v.description.utf8)
    }

    package mutating func bind(_ i: Int32, _ v: String) throws(StoreError) {
        try start(i)
        var s = v
        s.withUTF8 { text in
            // Most texts hold nothing to escape: appended whole.
            if !text.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(contentsOf: text)
                return
            }
            for b in text {
                switch b {
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                default: bytes.append(b)
                }
            }
        }
    }

    /// bytea's hex form, its backslash escaped for COPY: `\\x0a1b…`.
    package mutating func bind(_ i: Int32, bytes data: [UInt8]) throws(StoreError) {
        try start(i)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x5C); bytes.append(0x5C); bytes.append(0x78)
        for b in data { bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)]) }
    }

    /// Ends the row; every column must have been bound.
    package mutating func endRow() throws(StoreError) {
        guard next == columns + 1 else {
            throw StoreError("\(what): row \(row) has \(next - 1) values, not \(columns)")
        }
        bytes.append(0x0A)
        next = 1
        row += 1
    }

    /// The text gathered so far, leaving the binder empty for the next chunk.
    package mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
