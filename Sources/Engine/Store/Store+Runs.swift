import Foundation
import Core

/// A run as the store holds it: its scalars, and its config, KPIs and trace as JSON texts.
/// Pipeline's `RunRecord` is the typed value (decoded with errors, never defaults); the store
/// only keeps, spools and returns the row, so it needs no pipeline type.
public struct StoredRun: Sendable, Equatable, Codable {
    public var id: Int64
    public var createdAt: String
    public var seed: UInt64
    public var config: String
    public var customersDataset: Int64?
    public var repsDataset: Int64?
    public var ticketsDataset: Int64?
    public var kpis: String
    public var trace: String

    public init(id: Int64, createdAt: String, seed: UInt64, config: String, customersDataset: Int64?,
                repsDataset: Int64?, ticketsDataset: Int64?, kpis: String, trace: String) {
        self.id = id; self.createdAt = createdAt; self.seed = seed; self.config = config
        self.customersDataset = customersDataset; self.repsDataset = repsDataset; self.ticketsDataset = ticketsDataset
        self.kpis = kpis; self.trace = trace
    }
}

extension Store {
    /// Saves a run and all its artifacts in one transaction: either all of it lands or none.
    /// Another writer's lock is waited for and retried; a run that still cannot be saved is
    /// spooled beside the store (never lost) and the error says where and how it gets saved.
    /// A PostgreSQL server that went away mid-save spools the run in this user's data folder,
    /// saved the next time OpsDeck reaches the server to write.
    @discardableResult
    public func saveRun(_ run: StoredRun, artifacts: [String: [UInt8]]) throws(StoreError) -> Int64 {
        var run = run
        if run.createdAt.isEmpty { run.createdAt = WallClock.text() }
        do {
            return try backend.writeRetry(retry).run(retryable: backend.isRetryable) {
                try backend.write { s in try Self.insert(run, artifacts: artifacts, s) }
            }
        } catch where backend.dialect == .sqlite && WriteRetry.isLocked(error) && path != ":memory:" {
            let file: String
            do { file = try Self.spool(run, artifacts: artifacts, storePath: path) } catch {
                throw StoreError("saving the run failed: the store at \(path) stayed locked by another writer, "
                                 + "and the run could not be kept beside it either (\(error.description))")
            }
            throw StoreError("the store at \(path) stayed locked by another writer, so the run is kept in \(file); "
                             + "it is saved the next time OpsDeck opens the store to write (e.g. `opsdeck run`)")
        } catch where backend.isUnreachable(error) {
            let file: String
            do { file = try Self.spool(run, artifacts: artifacts, storePath: backend.spoolBase) } catch {
                throw StoreError("saving the run failed: \(describe(error)), and the run could not be kept locally either "
                                 + "(\(error.description))")
            }
            throw StoreError("saving the run failed: \(describe(error)); the run is kept in \(file) and saved the next "
                             + "time OpsDeck reaches \(path) to write (e.g. `opsdeck run`)")
        } catch {
            throw StoreError("saving the run failed: \(describe(error))")
        }
    }

    package static func insert(_ run: StoredRun, artifacts: [String: [UInt8]], _ s: any StoreSession) throws -> Int64 {
        let id = try s.insertReturningId("""
            INSERT INTO run (created_at, seed, config, customers_dataset, reps_dataset, tickets_dataset, kpis, trace)
            VALUES (?,?,?,?,?,?,?,?)
            """, run.createdAt, Int64(bitPattern: run.seed), run.config, run.customersDataset,
            run.repsDataset, run.ticketsDataset, run.kpis, run.trace)
        for (name, bytes) in artifacts.sorted(by: { $0.key < $1.key }) {
            // SQLite reads the blob in place: a 10 M-ticket run's snapshot is 230 MB, and a
            // `Data` copy plus SQLite's own would hold it three times at the save's peak.
            if let sqlite = s as? SQLiteSession {
                try sqlite.insertArtifact(run: id, name: name, bytes: bytes)
            } else {
                try s.execute("INSERT INTO artifact (run_id, name, data) VALUES (?,?,?)", id, name, bytes)
            }
        }
        return id
    }

    /// Stored runs, newest first.
    public func storedRuns(limit: Int = 100) throws(StoreError) -> [StoredRun] {
        try read("listing runs") { s in
            try s.rows("SELECT * FROM run ORDER BY id DESC LIMIT ?", limit).map(Self.storedRun)
        }
    }

    /// One stored run by id (nil: no such run).
    public func storedRun(id: Int64) throws(StoreError) -> StoredRun? {
        try read("loading run \(id)") { s in
            try s.row("SELECT * FROM run WHERE id = ?", id).map(Self.storedRun)
        }
    }

    /// The KPI texts of the runs up to `id`, oldest first, without their configs and traces.
    public func storedKPIs(upTo id: Int64, limit: Int) throws(StoreError) -> [(id: Int64, createdAt: String, kpis: String)] {
        try read("listing runs' KPIs") { s in
            try s.rows("SELECT id, created_at, kpis FROM run WHERE id <= ? ORDER BY id DESC LIMIT ?", id, limit)
                .reversed().map { r throws(StoreError) in (try r.int64("id"), try r.string("created_at"), try r.string("kpis")) }
        }
    }

    public func artifact(run: Int64, name: String) throws(StoreError) -> [UInt8]? {
        try read("loading artifact \(name)") { s in
            try s.row("SELECT data FROM artifact WHERE run_id = ? AND name = ?", run, name).map { r throws(StoreError) in try r.bytes("data") }
        }
    }

    public func artifactNames(run: Int64) throws(StoreError) -> [String] {
        try read("listing artifacts") { s in
            try s.rows("SELECT name FROM artifact WHERE run_id = ? ORDER BY name", run).map { r throws(StoreError) in try r.string("name") }
        }
    }

    private static func storedRun(_ r: SQLRow) throws(StoreError) -> StoredRun {
        StoredRun(id: try r.int64("id"), createdAt: try r.string("created_at"), seed: UInt64(bitPattern: try r.int64("seed")),
                  config: try r.string("config"), customersDataset: try r.int64OrNil("customers_dataset"),
                  repsDataset: try r.int64OrNil("reps_dataset"), ticketsDataset: try r.int64OrNil("tickets_dataset"),
                  kpis: try r.string("kpis"), trace: try r.string("trace"))
    }

    /// Sorted keys (the same value gives the same bytes); a KPI that came out NaN (an AUC with one
    /// class) is written as "nan" rather than failing the save.
    package static func jsonEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    package static func jsonDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }
}
