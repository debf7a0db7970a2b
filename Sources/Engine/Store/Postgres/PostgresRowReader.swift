import NIOCore
import PostgresNIO
import Core

/// Reads a dataset row's cells by position, as `SQLiteRowReader` does for SQLite.
package struct PostgresRowReader: RowReading {
    let cells: PostgresRandomAccessRow
    let row: Int
    let what: String

    init(_ cells: PostgresRandomAccessRow, row: Int, what: String) {
        self.cells = cells
        self.row = row
        self.what = what
    }

    private func cell(_ i: Int32) -> PostgresCell { cells[Int(i)] }

    private func failure(_ i: Int32, _ error: any Error) -> StoreError {
        StoreError("\(what): row \(row), column \(cell(i).columnName) is unreadable (\(error))")
    }

    private func missing(_ i: Int32) -> StoreError {
        StoreError("\(what): row \(row) has no value in \(cell(i).columnName); was the database edited by hand?")
    }

    package func int64OrNil(_ i: Int32) throws(StoreError) -> Int64? {
        let c = cell(i)
        guard c.bytes != nil else { return nil }
        do { return try c.decode(Int64.self) } catch { throw failure(i, error) }
    }

    package func int64(_ i: Int32) throws(StoreError) -> Int64 {
        guard let v = try int64OrNil(i) else { throw missing(i) }
        return v
    }

    package func doubleOrNil(_ i: Int32) throws(StoreError) -> Double? {
        let c = cell(i)
        guard c.bytes != nil else { return nil }
        do { return try c.decode(Double.self) } catch { throw failure(i, error) }
    }

    package func double(_ i: Int32) throws(StoreError) -> Double {
        guard let v = try doubleOrNil(i) else { throw missing(i) }
        return v
    }

    package func stringOrNil(_ i: Int32) throws(StoreError) -> String? {
        let c = cell(i)
        guard c.bytes != nil else { return nil }
        do { return try c.decode(String.self) } catch { throw failure(i, error) }
    }

    package func string(_ i: Int32) throws(StoreError) -> String {
        guard let v = try stringOrNil(i) else { throw missing(i) }
        return v
    }
}
