import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// The SQLite store (GRDB): datasets, runs with their artifacts, decisions and the audit log.
/// A saved run is immutable (triggers refuse changes); a manager's actions are rows in
/// `decisions`, so the trail is complete. Everything is written in one transaction per
/// save, so an interrupted run leaves the previous one intact.
///
/// A file store is a WAL `DatabasePool`: a DB browser or a second reader holding a read
/// transaction never blocks a save. A save that meets another writer retries (`retry`), and
/// a run that still cannot be saved is spooled beside the store (`Store+Spool.swift`).
public final class Store: Sendable {
    public let path: String
    package let db: any DatabaseWriter
    /// How long a write waits for another writer, and how often it tries again.
    package let retry: WriteRetry
    /// Runs a previous save spooled and this open saved (a writable open only).
    public let recoveredRuns: [Int64]

    /// Opens (creating folders and the file if needed, unless `create` is false) and migrates
    /// the store. Read-only commands pass `create: false`, so a mistyped `--db` is an error
    /// rather than a new empty store in new folders.
    public init(path: String, create: Bool = true, retry: WriteRetry = WriteRetry()) throws(StoreError) {
        self.path = path
        self.retry = retry
        do {
            if path.isEmpty { throw StoreError("the store path is empty; expected a file such as opsdeck.sqlite") }
            if path != ":memory:" {
                if let problem = Store.problem(at: path, mustExist: !create) { throw StoreError(problem) }
                if create { try Store.makeParentDirectory(of: path) }
            }
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.busyMode = .timeout(retry.busyTimeout)
            // A pool needs a file (its readers are other connections to it); `:memory:` is one queue.
            db = path == ":memory:" ? try DatabaseQueue(configuration: config) : try DatabasePool(path: path, configuration: config)
            try StoreMigrations.migrator.migrate(db)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError("cannot open the store at \(path): \(Store.describe(error))")
        }
        // A read-only open never writes, so spooled runs wait for a command that may.
        recoveredRuns = create && path != ":memory:" ? try Store.saveSpooledRuns(db: db, storePath: path, retry: retry) : []
    }

    /// An in-memory store (tests, `--db :memory:`).
    public static func inMemory() throws(StoreError) -> Store { try Store(path: ":memory:") }

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

    package static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// Runs a write transaction, mapping database failures to `StoreError`; another writer's
    /// lock is waited for and retried (`retry`).
    package func write<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try Store.write(db, what, retry: retry, body)
    }

    package static func write<T>(_ db: any DatabaseWriter, _ what: String, retry: WriteRetry, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try retry.run { try db.write(body) } } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(Store.describe(error))")
        }
    }

    /// A write transaction with foreign-key checks off, for a dataset's rows: their only parent
    /// is the `dataset` row the same transaction has just inserted, so SQLite's parent lookup for
    /// every row (about an eighth of its insert work) can only ever succeed. The pragma is a no-op
    /// inside a transaction, so it is set around one, and set back on whatever the outcome.
    package func writeRowsOfNewDataset<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try retry.run { try db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                var value: T?
                let outcome = Result { try db.inTransaction { value = try body(db); return .commit } }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                try outcome.get()
                guard let value else { throw StoreError("\(what) failed: the transaction did not complete") }
                return value
            } }
        } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(Store.describe(error))")
        }
    }

    package func read<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try db.read(body) } catch let e as StoreError { throw e } catch {
            throw StoreError("\(what) failed: \(Store.describe(error))")
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
