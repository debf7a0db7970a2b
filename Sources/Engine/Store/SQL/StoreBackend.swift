import Core

/// Where a store's tables live: the SQLite file (the default, `SQLiteBackend`) or a team's
/// PostgreSQL database (`PostgresBackend`). A backend runs a closure in one transaction or a
/// read; `Store` adds retries, spooling and its queries on top, the same for both.
package protocol StoreBackend: Sendable {
    var dialect: SQLDialect { get }
    /// One write transaction: committed when `body` returns, rolled back when it throws.
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// A read (never blocks a writer, nor is blocked by one).
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// A write transaction for a new dataset's rows, whose only parent is the dataset row it
    /// inserts first (SQLite skips its foreign-key lookups for them).
    func writeRowsOfNewDataset<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// Another writer held the lock or the transaction met a concurrent one: safe to run again.
    func isRetryable(_ error: any Error) -> Bool
    /// The database's own message for an error, when it is one of the database's.
    func message(of error: any Error) -> String?
    /// The newest decision id another command center announced, when the backend listens
    /// (PostgreSQL's LISTEN); nil means ask the table.
    func announcedDecision() -> Int64?
    /// How writes are retried: SQLite waits on a lock; PostgreSQL's serialization failures
    /// come at once and are retried sooner and more often.
    func writeRetry(_ base: WriteRetry) -> WriteRetry
    /// The server could not be reached or went away (a file store never says so).
    func isUnreachable(_ error: any Error) -> Bool
    /// Where a run that could not be saved is spooled (`<spoolBase>.spool/`).
    var spoolBase: String { get }
}
