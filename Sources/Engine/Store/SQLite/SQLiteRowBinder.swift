import GRDB
import GRDBSQLite
import Core

/// Binds typed values straight to a prepared INSERT and steps it, for bulk dataset rows.
/// GRDB's `execute(arguments:)` boxes every value into a `DatabaseValue` array first, which
/// was about 40 % of a dataset save. Values are stored as GRDB stores them: NULL for nil,
/// integers (Bool as 0/1) as INTEGER, Double as REAL, String as TEXT, bytes as BLOB.
/// Use it only inside a write transaction on the connection that prepared the statement.
///
/// `insertRows` puts many rows in one multi-row INSERT, so SQLite's per-statement work (VDBE
/// setup, opening and seeking the table's cursors, reset) is paid per batch, not per row.
/// Texts are gathered into one buffer and bound without a copy (SQLITE_STATIC) just before the
/// step: a copy per text was a malloc and a free, each under SQLite's global memory mutex.
package struct SQLiteRowBinder: RowBinding {
    private var handle: SQLiteStatement
    private let what: String
    /// Values per row; a statement takes a whole number of rows.
    private let columns: Int32
    /// The row being bound (0-based over the whole save), for error messages.
    package private(set) var row = 0
    /// Rows bound since the last step; the current row's values start after theirs.
    private var rowsBound = 0
    private var offset: Int32 { Int32(rowsBound) * columns }
    /// The bytes of every text bound since the last step, and where each goes. The buffer starts
    /// with one byte, so an empty text still has a non-nil pointer (SQLite stores NULL for nil).
    private var texts: [UInt8] = [0]
    private var pending: [(parameter: Int32, start: Int, count: Int)] = []

    /// One row per step: `what` names the save in errors ("saving customers"); `columns` is
    /// checked against the statement's parameters, so a row can never leave one unbound.
    package init(_ statement: Statement, what: String, columns: Int) throws(StoreError) {
        try self.init(statement, what: what, columns: columns, rowsPerStep: 1)
    }

    private init(_ statement: Statement, what: String, columns: Int, rowsPerStep: Int) throws(StoreError) {
        handle = statement.sqliteStatement
        self.what = what
        self.columns = Int32(columns)
        try expectParameters(of: statement, rows: rowsPerStep)
    }

    private func expectParameters(of statement: Statement, rows: Int) throws(StoreError) {
        let n = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        guard n == Int(columns) * rows else {
            throw StoreError("\(what): the statement takes \(n) values, not \(rows) rows of \(columns)")
        }
    }

    /// Most rows per statement: past 64, larger statements saved nothing measurable.
    package static let batchRows = 64

    /// Inserts `count` rows into `table` (all its columns, in order), `bindRow(&binder, row)`
    /// binding row `row`'s columns 1...columns. Full batches share one prepared statement and the
    /// remainder has its own. A constraint failure is narrowed to its row by inserting that
    /// batch's rows one by one (SQLite undid the failed statement; the transaction stands).
    package static func insertRows<R: DatasetRows>(_ db: Database, _ data: R, what: String) throws {
        let table = R.table, columns = R.columns, count = data.count
        guard count > 0 else { return }
        guard let connection = db.sqliteConnection else { throw StoreError("\(what): the store is closed") }
        let limit = Int(sqlite3_limit(connection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        let batch = max(1, min(batchRows, limit / columns, count))
        let full = try db.makeStatement(sql: insertSQL(table, columns: columns, rows: batch))
        var tail: Statement?
        var b = try SQLiteRowBinder(full, what: what, columns: columns, rowsPerStep: batch)
        while b.row < count {
            let first = b.row, rows = min(batch, count - first)
            if rows < batch {  // the remainder
                let t = try db.makeStatement(sql: insertSQL(table, columns: columns, rows: rows))
                try b.expectParameters(of: t, rows: rows)
                b.handle = t.sqliteStatement
                tail = t
            }
            for r in first..<(first + rows) {
                try data.bind(&b, row: r)
                b.rowsBound += 1
                b.row += 1
            }
            let code = b.step()
            guard code == SQLITE_DONE else {
                let failure = b.failure(code, rows: first..<(first + rows), "inserting")
                b.clear()
                if rows > 1, code & 0xff == SQLITE_CONSTRAINT, sqlite3_get_autocommit(connection) == 0 {
                    try narrow(db, data, range: first..<(first + rows), what: what)
                }
                throw failure
            }
            try b.reset(rows: first..<(first + rows))
        }
        withExtendedLifetime((full, tail)) {}
    }

    /// Inserts `rows` one at a time and throws the first row's failure (their batch failed).
    private static func narrow<R: DatasetRows>(_ db: Database, _ rows: R, range: Range<Int>, what: String) throws {
        let statement = try db.makeStatement(sql: insertSQL(R.table, columns: R.columns, rows: 1))
        var b = try SQLiteRowBinder(statement, what: what, columns: R.columns)
        for r in range {
            b.row = r
            try rows.bind(&b, row: r)
            try b.insertRow()
        }
    }

    /// `INSERT INTO table VALUES (?,…),(?,…),…`: `rows` rows of `columns` values.
    package static func insertSQL(_ table: String, columns: Int, rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
        return "INSERT INTO \(table) VALUES " + Array(repeating: one, count: rows).joined(separator: ",")
    }

    /// SQLite copies blobs bound with this at bind time (the value outlives the Swift buffer).
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    @inline(__always)
    private func check(_ code: CInt, _ i: Int32) throws(StoreError) {
        guard code == SQLITE_OK else { throw failure(code, rows: row..<(row + 1), "binding value \(i)") }
    }

    private func failure(_ code: CInt, rows: Range<Int>, _ doing: String) -> StoreError {
        let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? "no message"
        let name = sqlite3_errstr(code).map { String(cString: $0) } ?? "error"
        let at = rows.count == 1 ? "row \(rows.lowerBound)" : "rows \(rows.lowerBound)–\(rows.upperBound - 1)"
        return StoreError("\(what) failed at \(at), \(doing): \(message) (\(name), code \(code))")
    }

    package func bindNull(_ i: Int32) throws(StoreError) { try check(sqlite3_bind_null(handle, offset + i), i) }

    package func bind(_ i: Int32, _ v: Int64) throws(StoreError) { try check(sqlite3_bind_int64(handle, offset + i, v), i) }

    /// NaN becomes NULL (SQLite's rule, as through GRDB).
    package func bind(_ i: Int32, _ v: Double) throws(StoreError) { try check(sqlite3_bind_double(handle, offset + i, v), i) }

    /// The UTF-8 bytes with their length (no C string is made), bound at the step.
    package mutating func bind(_ i: Int32, _ v: String) throws(StoreError) {
        var s = v
        let start = texts.count
        s.withUTF8 { texts.append(contentsOf: $0) }
        pending.append((offset + i, start, texts.count - start))
    }

    /// An empty blob is stored as an empty BLOB, not NULL (a zero-length bind).
    package func bind(_ i: Int32, bytes: [UInt8]) throws(StoreError) {
        let code = bytes.withUnsafeBytes { p -> CInt in
            if let base = p.baseAddress, p.count > 0 {
                return sqlite3_bind_blob64(handle, offset + i, base, UInt64(p.count), Self.transient)
            }
            return sqlite3_bind_zeroblob(handle, offset + i, 0)
        }
        try check(code, i)
    }

    /// Inserts the bound row and readies the statement for the next one (one row per step).
    package mutating func insertRow() throws(StoreError) {
        rowsBound += 1
        let code = step()
        guard code == SQLITE_DONE else {
            let error = failure(code, rows: row..<(row + 1), "inserting")
            clear()
            throw error
        }
        try reset(rows: row..<(row + 1))
        row += 1
    }

    /// Binds the gathered texts in place and steps, while the buffer is pinned.
    private func step() -> CInt {
        let handle = handle, pending = pending
        return texts.withUnsafeBufferPointer { p -> CInt in
            guard let base = p.baseAddress else { return SQLITE_NOMEM }
            for t in pending {
                let code = sqlite3_bind_text64(handle, t.parameter, UnsafeRawPointer(base + t.start).assumingMemoryBound(to: CChar.self),
                                               UInt64(t.count), nil, UInt8(SQLITE_UTF8))  // nil: SQLITE_STATIC
                if code != SQLITE_OK { return code }
            }
            return sqlite3_step(handle)
        }
    }

    /// Readies the statement for the next rows. Bindings are cleared: none may point into the
    /// text buffer once it is reused, and a value left unbound is NULL, never the previous row's.
    private mutating func reset(rows: Range<Int>) throws(StoreError) {
        let code = sqlite3_reset(handle)
        clear()
        guard code == SQLITE_OK else { throw failure(code, rows: rows, "resetting the statement") }
    }

    private mutating func clear() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        texts.removeAll(keepingCapacity: true)
        texts.append(0)
        pending.removeAll(keepingCapacity: true)
        rowsBound = 0
    }
}
