import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// The store: datasets, runs with their artifacts, decisions and the audit log, in one SQLite
/// file (the default) or a team's PostgreSQL database (`--db postgresql://…`), behind the same
/// queries (`StoreSession`). A saved run is immutable (triggers refuse changes); a manager's
/// actions are rows in `decisions`, so the trail is complete. Everything is written in one
/// transaction per save, so an interrupted run leaves the previous one intact.
///
/// A file store is a WAL `DatabasePool`: a DB browser or a second reader holding a read
/// transaction never blocks a save. A save that meets another writer retries (`retry`), and
/// a run that still cannot be saved is spooled beside the store (`Store+Spool.swift`).
/// PostgreSQL's readers never block a writer either (MVCC); its write transactions are
/// serializable, and one that meets a concurrent one is run again.
public final class Store: Sendable {
    /// The file, or the PostgreSQL URL without its password.
    public let path: String
    package let backend: any StoreBackend
    /// How long a write waits for another writer, and how often it tries again.
    package let retry: WriteRetry
    /// Runs a previous save spooled and this open saved (a writable open only).
    public let recoveredRuns: [Int64]

    /// Opens (creating folders and the file if needed, unless `create` is false) and migrates
    /// the store. Read-only commands pass `create: false`, so a mistyped `--db` is an error
    /// rather than a new empty store in new folders. A `postgresql://` (or `postgres://`) URL
    /// opens that database instead (`PostgresURL`).
    public init(path: String, create: Bool = true, retry: WriteRetry = WriteRetry()) throws(StoreError) {
        self.retry = retry
        if PostgresURL.isURL(path) {
            let url = try PostgresURL(path)
            self.path = url.redacted
            let postgres: PostgresBackend
            do { postgres = try PostgresBackend(url: url) } catch let e as StoreError { throw e } catch {
                throw StoreError("cannot open the store at \(url.redacted): \(PostgresBackend.describe(error))")
            }
            backend = postgres
            // Runs spooled while the server was away are saved on the first writable open.
            recoveredRuns = create ? try Store.saveSpooledRuns(backend: postgres, storePath: postgres.spoolBase, retry: retry) : []
            return
        }
        self.path = path
        let sqlite: SQLiteBackend
        do {
            if path.isEmpty { throw StoreError("the store path is empty; expected a file such as opsdeck.sqlite") }
            if path != ":memory:" {
                if let problem = Store.problem(at: path, mustExist: !create) { throw StoreError(problem) }
                if create { try Store.makeParentDirectory(of: path) }
            }
            sqlite = try SQLiteBackend(path: path, retry: retry)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError("cannot open the store at \(path): \(SQLiteBackend.describe(error))")
        }
        backend = sqlite
        // A read-only open never writes, so spooled runs wait for a command that may.
        recoveredRuns = create && path != ":memory:" ? try Store.saveSpooledRuns(backend: sqlite, storePath: path, retry: retry) : []
    }

    /// An in-memory store (tests, `--db :memory:`).
    public static func inMemory() throws(StoreError) -> Store { try Store(path: ":memory:") }

    /// The SQLite database, for the tests that look under the store.
    package var sqlite: (any DatabaseWriter)? { (backend as? SQLiteBackend)?.db }

    /// Which database holds the store.
    package var dialect: SQLDialect { backend.dialect }

    /// A team's shared database (PostgreSQL) rather than this user's file.
    public var isShared: Bool { backend.dialect == .postgres }

    /// Whether `path` names a database server (`postgresql://…`) rather than a file.
    public static func isDatabaseURL(_ path: String) -> Bool { PostgresURL.isURL(path) }

    /// `$XDG_DATA_HOME/opsdeck/opsdeck.sqlite`, else `~/.local/share/opsdeck/opsdeck.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        UserPaths.dataDirectory(environment: environment) + "/opsdeck.sqlite"
    }

    /// Why `path` cannot be the store: a folder, or (when it must exist) nothing there.
    package static func problem(at path: String, mustExist: Bool) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return mustExist ? "no store at \(path); check --db, or create one with `opsdeck run` or `opsdeck import`" : nil
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "\(path) is a folder; expected the store's file (e.g. \(path)/opsdeck.sqlite)" }
        return nil
    }

    package static func makeParentDirectory(of path: String) throws(StoreError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let dir = String(path[..<slash])
        guard !dir.isEmpty else { return }
        do { try FileSystem.makeDirectories(dir) } catch { throw StoreError("cannot create \(dir): \(error)") }
    }

    package func describe(_ error: any Error) -> String {
        if let e = error as? StoreError { return e.message }
        return backend.message(of: error) ?? "\(error)"
    }

    /// Runs a write transaction, mapping database failures to `StoreError`; another writer's
    /// lock (or, in PostgreSQL, a concurrent transaction) is waited for and retried (`retry`).
    @discardableResult
    package func write<T>(_ what: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            return try backend.writeRetry(retry).run(retryable: backend.isRetryable) { try backend.write(body) }
        } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(describe(error))")
        }
    }

    /// A write transaction for a new dataset's rows (`StoreBackend.writeRowsOfNewDataset`).
    package func writeRowsOfNewDataset<T>(_ what: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            return try backend.writeRetry(retry).run(retryable: backend.isRetryable) { try backend.writeRowsOfNewDataset(body) }
        } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(describe(error))")
        }
    }

    package func read<T>(_ what: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do { return try backend.read(body) } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(describe(error))")
        }
    }
}

/// A store failure a user can act on: what failed and why.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A run whose saved form this OpsDeck no longer reads: one message, whatever part it is.
    public static func olderRun(_ run: Int64, _ detail: String) -> StoreError {
        StoreError("run \(run) was saved by an older OpsDeck; run `opsdeck run` again (\(detail))")
    }
}
