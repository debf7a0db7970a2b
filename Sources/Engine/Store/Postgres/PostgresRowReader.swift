import NIOCore
import PostgresNIO
import Core

/// Reads a dataset row's cells by position, as `SQLiteRowReader` does for SQLite. The store's
/// columns are BIGINT, DOUBLE PRECISION and TEXT in binary format, so the common cell is read
/// straight from its bytes (8 big-endian bytes, or UTF-8); any other shape goes through
/// postgres-nio's decoding, which also names what it found.
package struct PostgresRowReader: RowReading {
    let row: PostgresRow
    let cells: [ByteBuffer?]
    /// The query's column types (the same for every row).
    let types: [PostgresDataType]
    let index: Int
    let what: String

    init(_ row: PostgresRow, types: [PostgresDataType], index: Int, what: String) {
        self.row = row
        self.cells = row.map(\.bytes)
        self.types = types
        self.index = index
        self.what = what
    }

    private func cell(_ i: Int32) -> PostgresCell { row.makeRandomAccess()[Int(i)] }

    private func failure(_ i: Int32, _ error: any Error) -> StoreError {
        StoreError("\(what): row \(index), column \(cell(i).columnName) is unreadable (\(error))")
    }

    private func missing(_ i: Int32) -> StoreError {
        StoreError("\(what): row \(index) has no value in \(cell(i).columnName); was the database edited by hand?")
    }

    @inline(__always)
    private func word(_ i: Int32) -> UInt64? {
        guard let b = cells[Int(i)], b.readableBytes == 8 else { return nil }
        return b.getInteger(at: b.readerIndex, endianness: .big, as: UInt64.self)
    }

    package func int64OrNil(_ i: Int32) throws(StoreError) -> Int64? {
        guard cells[Int(i)] != nil else { return nil }
        if types[Int(i)] == .int8, let w = word(i) { return Int64(bitPattern: w) }
        do { return try cell(i).decode(Int64.self) } catch { throw failure(i, error) }
    }

    package func int64(_ i: Int32) throws(StoreError) -> Int64 {
        guard let v = try int64OrNil(i) else { throw missing(i) }
        return v
    }

    package func doubleOrNil(_ i: Int32) throws(StoreError) -> Double? {
        guard cells[Int(i)] != nil else { return nil }
        if types[Int(i)] == .float8, let w = word(i) { return Double(bitPattern: w) }
        do { return try cell(i).decode(Double.self) } catch { throw failure(i, error) }
    }

    package func double(_ i: Int32) throws(StoreError) -> Double {
        guard let v = try doubleOrNil(i) else { throw missing(i) }
        return v
    }

    package func stringOrNil(_ i: Int32) throws(StoreError) -> String? {
        guard let b = cells[Int(i)] else { return nil }
        return b.getString(at: b.readerIndex, length: b.readableBytes) ?? ""
    }

    package func string(_ i: Int32) throws(StoreError) -> String {
        guard let v = try stringOrNil(i) else { throw missing(i) }
        return v
    }
}
