import Foundation
import GRDB

/// A saved pipeline run: what it was given and what it measured. Its outputs are artifacts.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var createdAt: String
    public var seed: UInt64
    /// JSON of the run's configuration.
    public var config: String
    public var customersDataset: Int64?
    public var repsDataset: Int64?
    public var ticketsDataset: Int64?
    /// JSON of the KPIs.
    public var kpis: String
    /// JSON of the execution trace.
    public var trace: String

    public init(id: Int64 = 0, createdAt: String = "", seed: UInt64, config: String, customersDataset: Int64?,
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
    @discardableResult
    public func saveRun(_ run: RunRecord, artifacts: [String: [UInt8]]) throws(StoreError) -> Int64 {
        var run = run
        if run.createdAt.isEmpty { run.createdAt = WallClock.text() }
        do {
            return try retry.run { try db.write { db in try Self.insert(run, artifacts: artifacts, db) } }
        } catch where WriteRetry.isLocked(error) && path != ":memory:" {
            let file: String
            do { file = try Self.spool(run, artifacts: artifacts, storePath: path) } catch {
                throw StoreError("saving the run failed: the store at \(path) stayed locked by another writer, "
                                 + "and the run could not be kept beside it either (\(error.description))")
            }
            throw StoreError("the store at \(path) stayed locked by another writer, so the run is kept in \(file); "
                             + "it is saved the next time OpsDeck opens the store to write (e.g. `opsdeck run`)")
        } catch {
            throw StoreError("saving the run failed: \(Store.describe(error))")
        }
    }

    static func insert(_ run: RunRecord, artifacts: [String: [UInt8]], _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO run (created_at, seed, config, customers_dataset, reps_dataset, tickets_dataset, kpis, trace)
            VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [run.createdAt, Int64(bitPattern: run.seed), run.config, run.customersDataset,
                             run.repsDataset, run.ticketsDataset, run.kpis, run.trace])
        let id = db.lastInsertedRowID
        let stmt = try db.makeStatement(sql: "INSERT INTO artifact (run_id, name, data) VALUES (?,?,?)")
        for (name, bytes) in artifacts.sorted(by: { $0.key < $1.key }) {
            try stmt.execute(arguments: [id, name, Data(bytes)])
        }
        return id
    }

    /// Runs, newest first.
    public func runs(limit: Int = 100) throws(StoreError) -> [RunRecord] {
        try read("listing runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.run)
        }
    }

    public func latestRun() throws(StoreError) -> RunRecord? { try runs(limit: 1).first }

    public func artifact(run: Int64, name: String) throws(StoreError) -> [UInt8]? {
        try read("loading artifact \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT data FROM artifact WHERE run_id = ? AND name = ?", arguments: [run, name])
                .map { r -> [UInt8] in [UInt8]((r["data"] as Data?) ?? Data()) }
        }
    }

    public func artifactNames(run: Int64) throws(StoreError) -> [String] {
        try read("listing artifacts") { db in
            try String.fetchAll(db, sql: "SELECT name FROM artifact WHERE run_id = ? ORDER BY name", arguments: [run])
        }
    }

    private static func run(_ r: Row) -> RunRecord {
        RunRecord(id: r["id"], createdAt: r["created_at"], seed: UInt64(bitPattern: r["seed"] as Int64),
                  config: r["config"], customersDataset: r["customers_dataset"], repsDataset: r["reps_dataset"],
                  ticketsDataset: r["tickets_dataset"], kpis: r["kpis"], trace: r["trace"])
    }
}
