import Foundation
import Logging
import NIOCore
import PostgresNIO
import Core

/// The store in a team's PostgreSQL database (`--db postgresql://…`, or `OPSDECK_DB`). Two
/// connections: writes (one transaction at a time) and reads, so a screen loading data behind
/// never waits for a save, nor a save for it; and a third, opened on first ask, that LISTENs
/// for other managers' decisions. Write transactions are serializable: two managers escalating
/// the same ticket cannot both see it unescalated; the one that loses is run again and then
/// sees the other's decision (`WriteRetry`).
package final class PostgresBackend: StoreBackend, @unchecked Sendable {
    package let url: PostgresURL
    private let writer: PostgresLink
    private let reader: PostgresLink
    private let logger: Logger
    private let listener: PostgresDecisionListener

    package var dialect: SQLDialect { .postgres }

    package init(url: PostgresURL) throws {
        self.url = url
        var logger = Logger(label: "opsdeck.store.postgres")
        logger.logLevel = .error
        self.logger = logger
        writer = PostgresLink(url: url, logger: logger)
        reader = PostgresLink(url: url, logger: logger)
        listener = PostgresDecisionListener(url: url, logger: logger)
        try migrate()
    }

    /// Every migration not yet run, each in its own transaction, under a lock that makes a
    /// second OpsDeck opening the same new database wait rather than create tables twice.
    private func migrate() throws {
        try writer.with { c in
            let s = PostgresSession(c, logger: logger)
            // Under the lock too: two sessions creating one table at once can collide in the catalog.
            try transaction(s, "BEGIN") {
                try s.execute("SELECT pg_advisory_xact_lock(?)", [.int(Self.migrationLock)])
                try s.execute("CREATE TABLE IF NOT EXISTS \"opsdeck_migration\" (\"name\" TEXT PRIMARY KEY, \"applied_at\" TEXT NOT NULL)", [])
            }
            // The usual open: everything applied, one query.
            let applied = Set(try s.rows("SELECT name FROM opsdeck_migration", []).map { try $0.string("name") })
            for m in StoreSchema.migrations where !applied.contains(m.name) {
                try transaction(s, "BEGIN") {
                    try s.execute("SELECT pg_advisory_xact_lock(?)", [.int(Self.migrationLock)])
                    guard try s.rows("SELECT 1 FROM opsdeck_migration WHERE name = ?", [.text(m.name)]).isEmpty else { return }
                    for statement in m.statements(.postgres) { try s.execute(statement, []) }
                    try s.execute("INSERT INTO opsdeck_migration (name, applied_at) VALUES (?, ?)", [.text(m.name), .text(WallClock.text())])
                }
            }
        }
    }

    /// The advisory lock key the migrations take ("OPSDECK" in ASCII).
    static let migrationLock: Int64 = 0x4F50_5344_4543_4B

    private func transaction<T>(_ s: PostgresSession, _ begin: String, _ body: () throws -> T) throws -> T {
        try s.execute(begin, [])
        let value: T
        do { value = try body() } catch {
            _ = try? s.execute("ROLLBACK", [])
            throw error
        }
        do { try s.execute("COMMIT", []) } catch {
            _ = try? s.execute("ROLLBACK", [])
            throw error
        }
        return value
    }

    package func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.with { c in
            let s = PostgresSession(c, logger: logger)
            return try transaction(s, "BEGIN ISOLATION LEVEL SERIALIZABLE") { try body(s) }
        }
    }

    /// A new dataset's rows conflict with nothing: read committed, so a large COPY is never
    /// undone for a serialization failure elsewhere.
    package func writeRowsOfNewDataset<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.with { c in
            let s = PostgresSession(c, logger: logger)
            return try transaction(s, "BEGIN") { try body(s) }
        }
    }

    /// Reads in one read-only snapshot (several queries see the same state).
    package func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try reader.with { c in
            let s = PostgresSession(c, logger: logger)
            return try transaction(s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body(s) }
        }
    }

    /// Serialization failure, deadlock, lock not available.
    package func isRetryable(_ error: any Error) -> Bool {
        guard let state = Self.sqlState(error) else { return false }
        return state == "40001" || state == "40P01" || state == "55P03"
    }

    static func sqlState(_ error: any Error) -> String? {
        if let e = error as? PSQLError { return e.serverInfo?[.sqlState] }
        return nil
    }

    package func message(of error: any Error) -> String? {
        guard error is PSQLError else { return nil }
        return Self.describe(error)
    }

    /// The server's message and code, or what failed on the way to it (postgres-nio's own
    /// description hides both, lest a query's values leak into logs).
    package static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let info = e.serverInfo, let message = info[.message] {
                let detail = info[.detail].map { " (\($0))" } ?? ""
                return "\(message)\(detail) [SQLSTATE \(info[.sqlState] ?? "?")]"
            }
            switch e.code {
            case .connectionError: return "cannot reach the server" + (e.underlying.map { ": \($0)" } ?? "")
            case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
            default: return "\(e.code)" + (e.underlying.map { ": \($0)" } ?? "")
            }
        }
        if let e = error as? StoreError { return e.message }
        return "\(error)"
    }

    package func announcedDecision() -> Int64? { listener.newest() }

    package func isUnreachable(_ error: any Error) -> Bool {
        if error is ChannelError || error is IOError { return true }
        guard let e = error as? PSQLError else { return false }
        return e.code == .connectionError || e.code == .serverClosedConnection || e.code == .uncleanShutdown
    }

    /// In this user's data folder, one spool per server and database.
    package var spoolBase: String {
        let name = "\(url.host)-\(url.port)-\(url.database)".map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        return UserPaths.dataDirectory(environment: ProcessInfo.processInfo.environment) + "/postgres-" + String(name)
    }

    package func writeRetry(_ base: WriteRetry) -> WriteRetry {
        WriteRetry(busyTimeout: base.busyTimeout, attempts: max(base.attempts, 12), backoff: 0.002)
    }
}
