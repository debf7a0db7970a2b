import GRDB
import GRDBSQLite
import Core

/// Steps a prepared SELECT and reads typed columns straight from SQLite, for loading bulk
/// dataset rows without GRDB's per-row `Row` and per-column name lookup. Reads convert as
/// GRDB's do (`sqlite3_column_int64/double`); a NULL where a value is required is an error.
package struct SQLiteRowReader: RowReading {
    private let handle: SQLiteStatement
    private let what: String
    /// The row being read (0-based), for error messages.
    package private(set) var row = -1

    package init(_ statement: Statement, what: String) {
        handle = statement.sqliteStatement
        self.what = what
    }

    private func failure(_ code: CInt, _ doing: String) -> StoreError {
        let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? "no message"
        let name = sqlite3_errstr(code).map { String(cString: $0) } ?? "error"
        return StoreError("\(what) failed at row \(row), \(doing): \(message) (\(name), code \(code))")
    }

    package func bind(_ i: Int32, _ v: Int64) throws(StoreError) {
        let code = sqlite3_bind_int64(handle, i, v)
        guard code == SQLITE_OK else { throw failure(code, "binding value \(i)") }
    }

    /// Moves to the next row; false after the last one.
    package mutating func next() throws(StoreError) -> Bool {
        row += 1
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw failure(code, "reading")
    }

    private func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    private func missing(_ i: Int32) -> StoreError {
        let name = sqlite3_column_name(handle, i).map { String(cString: $0) } ?? "column \(i)"
        return StoreError("\(what): row \(row) has no value in \(name); was the database edited by hand?")
    }

    package func int64(_ i: Int32) throws(StoreError) -> Int64 {
        if isNull(i) { throw missing(i) }
        return sqlite3_column_int64(handle, i)
    }

    package func int64OrNil(_ i: Int32) -> Int64? { isNull(i) ? nil : sqlite3_column_int64(handle, i) }

    package func double(_ i: Int32) throws(StoreError) -> Double {
        if isNull(i) { throw missing(i) }
        return sqlite3_column_double(handle, i)
    }

    package func doubleOrNil(_ i: Int32) -> Double? { isNull(i) ? nil : sqlite3_column_double(handle, i) }

    /// Decoded from the UTF-8 bytes with their length (text is stored with its length).
    package func string(_ i: Int32) throws(StoreError) -> String {
        guard let text = sqlite3_column_text(handle, i) else {
            if isNull(i) { throw missing(i) }
            return ""  // an empty text or blob may come back as a nil pointer
        }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    package func stringOrNil(_ i: Int32) throws(StoreError) -> String? {
        if isNull(i) { return nil }
        return try string(i)
    }

}
