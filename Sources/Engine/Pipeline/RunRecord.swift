import Foundation
import Core
import Store

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

extension RunRecord {
    /// The store's row of this run: config, KPIs and trace as sorted-key JSON.
    package func stored() throws(StoreError) -> StoredRun {
        let encoder = Store.jsonEncoder()
        func json<T: Encodable>(_ v: T, _ what: String) throws(StoreError) -> String {
            do { return String(decoding: try encoder.encode(v), as: UTF8.self) } catch { throw StoreError("cannot encode the run's \(what): \(error)") }
        }
        return StoredRun(id: id, createdAt: createdAt, seed: seed, config: try json(config, "config"),
                         customersDataset: customersDataset, repsDataset: repsDataset, ticketsDataset: ticketsDataset,
                         kpis: try json(kpis, "KPIs"), trace: try json(trace, "trace"))
    }

    /// The typed run of a stored row; a field missing or of another type is one clear error.
    package init(_ r: StoredRun) throws(StoreError) {
        self.init(id: r.id, createdAt: r.createdAt, seed: r.seed,
                  config: try Store.decode(PipelineConfig.self, r.config, run: r.id, what: "config"),
                  customersDataset: r.customersDataset, repsDataset: r.repsDataset, ticketsDataset: r.ticketsDataset,
                  kpis: try Store.decode([KPI].self, r.kpis, run: r.id, what: "KPIs"),
                  trace: try Store.decode(Trace.self, r.trace, run: r.id, what: "trace"))
    }
}

extension Store {
    /// Saves a run and all its artifacts in one transaction (see `saveRun(_: StoredRun, …)`).
    @discardableResult
    public func saveRun(_ run: RunRecord, artifacts: [String: [UInt8]]) throws(StoreError) -> Int64 {
        try saveRun(try run.stored(), artifacts: artifacts)
    }

    /// Runs, newest first.
    public func runs(limit: Int = 100) throws(StoreError) -> [RunRecord] {
        var out: [RunRecord] = []
        for r in try storedRuns(limit: limit) { out.append(try RunRecord(r)) }
        return out
    }

    public func latestRun() throws(StoreError) -> RunRecord? { try runs(limit: 1).first }

    /// One run by id (nil: no such run).
    public func run(id: Int64) throws(StoreError) -> RunRecord? {
        guard let r = try storedRun(id: id) else { return nil }
        return try RunRecord(r)
    }

    /// The KPIs of the runs up to `id`, oldest first (the Models screen's drift), without
    /// decoding their configs and traces.
    public func kpiHistory(upTo id: Int64, limit: Int) throws(StoreError) -> [(id: Int64, createdAt: String, kpis: [KPI])] {
        var out: [(id: Int64, createdAt: String, kpis: [KPI])] = []
        for r in try storedKPIs(upTo: id, limit: limit) {
            out.append((r.id, r.createdAt, try Self.decode([KPI].self, r.kpis, run: r.id, what: "KPIs")))
        }
        return out
    }

    /// A run's JSON value, or one clear error: a field missing or of another type means the run
    /// was saved by an older OpsDeck; anything else, that the store was damaged or edited.
    package static func decode<T: Decodable>(_ type: T.Type, _ json: String, run: Int64, what: String) throws(StoreError) -> T {
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

    private static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.isEmpty ? "the top" : c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
