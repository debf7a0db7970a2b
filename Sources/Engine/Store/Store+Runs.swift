import Foundation
import GRDB

/// A saved pipeline run: what it was given and what it measured, as typed values (the store
/// keeps them as JSON and decodes them with errors, never defaults). Its outputs are artifacts.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var createdAt: String
    public var seed: UInt64
    public var config: PipelineConfig
    public var customersDataset: Int64?
    public var repsDataset: Int64?
    public var ticketsDataset: Int64?
    public var kpis: [KPI]
    public var trace: Trace

    public init(id: Int64 = 0, createdAt: String = "", seed: UInt64, config: PipelineConfig, customersDataset: Int64?,
                repsDataset: Int64?, ticketsDataset: Int64?, kpis: [KPI], trace: Trace) {
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
        let encoder = Store.jsonEncoder()
        func json<T: Encodable>(_ v: T) throws -> String { String(decoding: try encoder.encode(v), as: UTF8.self) }
        try db.execute(sql: """
            INSERT INTO run (created_at, seed, config, customers_dataset, reps_dataset, tickets_dataset, kpis, trace)
            VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [run.createdAt, Int64(bitPattern: run.seed), try json(run.config), run.customersDataset,
                             run.repsDataset, run.ticketsDataset, try json(run.kpis), try json(run.trace)])
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

    /// One run by id (nil: no such run).
    public func run(id: Int64) throws(StoreError) -> RunRecord? {
        try read("loading run \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map(Self.run)
        }
    }

    /// The KPIs of the runs up to `id`, oldest first (the Models screen's drift), without
    /// decoding their configs and traces.
    public func kpiHistory(upTo id: Int64, limit: Int) throws(StoreError) -> [(id: Int64, createdAt: String, kpis: [KPI])] {
        try read("listing runs' KPIs") { db in
            try Row.fetchAll(db, sql: "SELECT id, created_at, kpis FROM run WHERE id <= ? ORDER BY id DESC LIMIT ?",
                             arguments: [id, limit]).reversed().map { r in
                let runId: Int64 = r["id"]
                return (runId, r["created_at"], try Self.decode([KPI].self, r["kpis"], run: runId, what: "KPIs"))
            }
        }
    }

    public func artifact(run: Int64, name: String) throws(StoreError) -> [UInt8]? {
        try read("loading artifact \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT data FROM artifact WHERE run_id = ? AND name = ?", arguments: [run, name])
                .map { r -> [UInt8] in try r.withUnsafeData(atIndex: 0) { d in d.map { Self.bytes($0) } ?? [] } }
        }
    }

    /// The bytes of a blob the row still holds, in one copy (`[UInt8](Data)` goes byte by byte).
    private static func bytes(_ d: Data) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: d.count) { out, done in
            done = d.copyBytes(to: out)
        }
    }

    public func artifactNames(run: Int64) throws(StoreError) -> [String] {
        try read("listing artifacts") { db in
            try String.fetchAll(db, sql: "SELECT name FROM artifact WHERE run_id = ? ORDER BY name", arguments: [run])
        }
    }

    private static func run(_ r: Row) throws -> RunRecord {
        let id: Int64 = r["id"]
        return RunRecord(id: id, createdAt: r["created_at"], seed: UInt64(bitPattern: r["seed"] as Int64),
                         config: try decode(PipelineConfig.self, r["config"], run: id, what: "config"),
                         customersDataset: r["customers_dataset"], repsDataset: r["reps_dataset"], ticketsDataset: r["tickets_dataset"],
                         kpis: try decode([KPI].self, r["kpis"], run: id, what: "KPIs"),
                         trace: try decode(Trace.self, r["trace"], run: id, what: "trace"))
    }

    /// A run's JSON value, or one clear error: a field missing or of another type means the run
    /// was saved by an older OpsDeck; anything else, that the store was damaged or edited.
    static func decode<T: Decodable>(_ type: T.Type, _ json: String, run: Int64, what: String) throws(StoreError) -> T {
        do { return try jsonDecoder().decode(T.self, from: Data(json.utf8)) } catch let DecodingError.keyNotFound(key, _) {
            throw StoreError.olderRun(run, "its \(what) has no \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw StoreError.olderRun(run, "its \(what) has another type at \(path(context))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw StoreError.olderRun(run, "its \(what) has no value at \(path(context))")
        } catch {
            throw StoreError("run \(run): its saved \(what) cannot be read (\(error)); the store was damaged or edited")
        }
    }

    /// Sorted keys (the same run gives the same bytes); a KPI that came out NaN (an AUC with one
    /// class) is written as "nan" rather than failing the save.
    static func jsonEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func jsonDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    private static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.isEmpty ? "the top" : c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
