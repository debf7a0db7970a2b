import Foundation
import GRDB
import GRDBSQLite
import Core

/// A GRDB connection inside a transaction or a read, as the store's seam. Statements are
/// GRDB's cached ones: the store runs the same few queries over and over (a followed file's
/// upserts, the decision log's idle polls).
package final class SQLiteSession: StoreSession {
    package let db: Database
    package var dialect: SQLDialect { .sqlite }

    package init(_ db: Database) { self.db = db }

    private static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { v -> DatabaseValue in
            switch v {
            case .null: return .null
            case .int(let i): return i.databaseValue
            case .real(let d): return d.databaseValue
            case .text(let t): return t.databaseValue
            case .blob(let b): return b.withUnsafeBytes { Data($0) }.databaseValue
            }
        })
    }

    @discardableResult
    package func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let names = statement.columnNames.map { $0.lowercased() }
        return try Row.fetchAll(statement, arguments: Self.arguments(arguments)).map { r in
            SQLRow(names: names, values: (0..<r.count).map { i -> SQLValue in
                switch (r[i] as DatabaseValue).storage {
                case .null: return .null
                case .int64(let x): return .int(x)
                case .double(let x): return .real(x)
                case .string(let x): return .text(x)
                case .blob(let x): return .blob(Self.bytes(x))
                }
            })
        }
    }

    /// One artifact row, its blob bound where it lies (SQLITE_STATIC) and stepped while pinned.
    package func insertArtifact(run: Int64, name: String, bytes: [UInt8]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO artifact (run_id, name, data) VALUES (?,?,?)")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        func check(_ code: CInt, _ doing: String) throws {
            guard code == SQLITE_OK || code == SQLITE_DONE else {
                let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? "code \(code)"
                // GRDB's error, so a lock is retried (and a run spooled) as on every other write.
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "artifact \(name), \(doing): \(message)")
            }
        }
        try check(sqlite3_bind_int64(handle, 1, run), "binding the run")
        // The name is short: SQLite copies it (SQLITE_TRANSIENT).
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        try check(sqlite3_bind_text(handle, 2, name, -1, transient), "binding the name")
        try bytes.withUnsafeBytes { b in
            let code = b.count > 0 ? sqlite3_bind_blob64(handle, 3, b.baseAddress, UInt64(b.count), nil)
                : sqlite3_bind_zeroblob(handle, 3, 0)
            try check(code, "binding the data")
            try check(sqlite3_step(handle), "inserting")
        }
    }

    /// SQLite's readers see committed rows on their next read; nothing to announce.
    package func notify(_ channel: StoreChannel, _ payload: String) throws {}

    /// A blob's bytes in one copy (`[UInt8](Data)` goes byte by byte).
    private static func bytes(_ d: Data) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: d.count) { out, done in done = d.copyBytes(to: out) }
    }
}
