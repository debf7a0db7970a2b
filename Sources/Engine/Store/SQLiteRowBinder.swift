import GRDB
import GRDBSQLite

/// Binds typed values straight to a prepared INSERT and steps it, for bulk dataset rows.
/// GRDB's `execute(arguments:)` boxes every value into a `DatabaseValue` array first, which
/// was about 40 % of a dataset save. Values are stored as GRDB stores them: NULL for nil,
/// integers (Bool as 0/1) as INTEGER, Double as REAL, String as TEXT, bytes as BLOB.
/// Use it only inside a write transaction on the connection that prepared the statement.
struct SQLiteRowBinder {
    private let handle: SQLiteStatement
    private let what: String
    /// The row being bound, for error messages.
    private(set) var row = 0

    /// `what` names the save in errors ("saving customers"); `columns` is checked against the
    /// statement's parameters, so a row can never leave one bound from the previous row.
    init(_ statement: Statement, what: String, columns: Int) throws(StoreError) {
        handle = statement.sqliteStatement
        self.what = what
        let n = Int(sqlite3_bind_parameter_count(handle))
        guard n == columns else { throw StoreError("\(what): the statement takes \(n) values, not \(columns)") }
    }

    /// SQLite copies text and blobs at bind time (the value outlives the Swift buffer).
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    @inline(__always)
    private func check(_ code: CInt, _ i: Int32) throws(StoreError) {
        guard code == SQLITE_OK else { throw failure(code, "binding value \(i)") }
    }

    private func failure(_ code: CInt, _ doing: String) -> StoreError {
        let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? "no message"
        let name = sqlite3_errstr(code).map { String(cString: $0) } ?? "error"
        return StoreError("\(what) failed at row \(row), \(doing): \(message) (\(name), code \(code))")
    }

    func bindNull(_ i: Int32) throws(StoreError) { try check(sqlite3_bind_null(handle, i), i) }

    func bind(_ i: Int32, _ v: Int64) throws(StoreError) { try check(sqlite3_bind_int64(handle, i, v), i) }

    func bind(_ i: Int32, _ v: Int64?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }

    func bind(_ i: Int32, _ v: Int) throws(StoreError) { try bind(i, Int64(v)) }

    func bind(_ i: Int32, _ v: Int?) throws(StoreError) {
        if let v { try bind(i, Int64(v)) } else { try bindNull(i) }
    }

    func bind(_ i: Int32, _ v: Bool) throws(StoreError) { try bind(i, Int64(v ? 1 : 0)) }

    func bind(_ i: Int32, _ v: Bool?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }

    /// NaN becomes NULL (SQLite's rule, as through GRDB).
    func bind(_ i: Int32, _ v: Double) throws(StoreError) { try check(sqlite3_bind_double(handle, i, v), i) }

    func bind(_ i: Int32, _ v: Double?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }

    /// The UTF-8 bytes with their length: no C string is made. An empty string is bound from a
    /// real pointer, because SQLite stores NULL for a nil one.
    func bind(_ i: Int32, _ v: String) throws(StoreError) {
        var s = v
        let code = s.withUTF8 { p -> CInt in
            guard let base = p.baseAddress, p.count > 0 else {
                return sqlite3_bind_text(handle, i, "", 0, Self.transient)
            }
            return sqlite3_bind_text64(handle, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                       UInt64(p.count), Self.transient, UInt8(SQLITE_UTF8))
        }
        try check(code, i)
    }

    func bind(_ i: Int32, _ v: String?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }

    /// A category is stored as its label.
    func bind<C: Category>(_ i: Int32, _ v: C) throws(StoreError) { try bind(i, v.rawValue) }

    /// An empty blob is stored as an empty BLOB, not NULL (a zero-length bind).
    func bind(_ i: Int32, bytes: [UInt8]) throws(StoreError) {
        let code = bytes.withUnsafeBytes { p -> CInt in
            if let base = p.baseAddress, p.count > 0 {
                return sqlite3_bind_blob64(handle, i, base, UInt64(p.count), Self.transient)
            }
            return sqlite3_bind_zeroblob(handle, i, 0)
        }
        try check(code, i)
    }

    /// Inserts the bound row and readies the statement for the next one.
    mutating func insertRow() throws(StoreError) {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let error = failure(code, "inserting")
            sqlite3_reset(handle)
            throw error
        }
        let reset = sqlite3_reset(handle)
        guard reset == SQLITE_OK else { throw failure(reset, "resetting the statement") }
        row += 1
    }
}
