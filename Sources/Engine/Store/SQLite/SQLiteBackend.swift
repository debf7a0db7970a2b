import GRDB
import Core

/// The store in one SQLite file (GRDB), the default. A file store is a WAL `DatabasePool`:
/// a DB browser or a second reader holding a read transaction never blocks a save; writers
/// wait `busyTimeout` for each other (`WriteRetry`).
package struct SQLiteBackend: StoreBackend {
    package let db: any DatabaseWriter
    package let path: String
    package var dialect: SQLDialect { .sqlite }

    package init(path: String, retry: WriteRetry) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(retry.busyTimeout)
        // A pool needs a file (its readers are other connections to it); `:memory:` is one queue.
        db = path == ":memory:" ? try DatabaseQueue(configuration: config) : try DatabasePool(path: path, configuration: config)
        try SQLiteBackend.migrator.migrate(db)
    }

    /// The schema's migrations (`StoreSchema`), by the names stores already carry.
    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            let sql = migration.sql(.sqlite)
            m.registerMigration(migration.name) { db in try db.execute(sql: sql) }
        }
        return m
    }

    package func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try db.write { db in try body(SQLiteSession(db)) }
    }

    package func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try db.read { db in try body(SQLiteSession(db)) }
    }

    /// Foreign-key checks off for a dataset's rows: their only parent is the `dataset` row the
    /// same transaction has just inserted, so SQLite's parent lookup for every row (about an
    /// eighth of its insert work) can only ever succeed. The pragma is a no-op inside a
    /// transaction, so it is set around one, and set back on whatever the outcome.
    package func writeRowsOfNewDataset<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            var value: T?
            let outcome = Result { try db.inTransaction { value = try body(SQLiteSession(db)); return .commit } }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try outcome.get()
            guard let value else { throw StoreError("the transaction did not complete") }
            return value
        }
    }

    package func isRetryable(_ error: any Error) -> Bool { WriteRetry.isLocked(error) }

    package func message(of error: any Error) -> String? {
        guard let e = error as? DatabaseError else { return nil }
        return e.message ?? "\(e.resultCode)"
    }

    package static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    package func announcedDecision() -> Int64? { nil }

    package func writeRetry(_ base: WriteRetry) -> WriteRetry { base }

    package func isUnreachable(_ error: any Error) -> Bool { false }

    /// Beside the file.
    package var spoolBase: String { path }
}
