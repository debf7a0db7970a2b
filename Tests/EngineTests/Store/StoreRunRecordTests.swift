import GRDB
import Testing
import Store
import Pipeline

/// Issue 21, item 1: a run's config, KPIs and trace are typed values, decoded with errors.
@Suite struct StoreRunRecordTests {
    func insertRaw(_ store: Store, config: String, kpis: String = "[]", trace: String = #"{"stages":[]}"#) throws -> Int64 {
        try #require(store.sqlite).write { db in
            try db.execute(sql: "INSERT INTO run (created_at, seed, config, kpis, trace) VALUES ('2026-01-01 00:00:00', 1, ?, ?, ?)",
                           arguments: [config, kpis, trace])
            return db.lastInsertedRowID
        }
    }

    @Test func configKPIsAndTraceRoundTripAsValues() throws {
        let store = try Store.inMemory()
        var trace = Trace()
        trace.stages = [.init(name: "data", start: 0, seconds: 0.25, counts: [.init("customers", 3)], warnings: ["w"])]
        let kpis = [KPI(name: "auc", value: .nan, target: 0.7), KPI(name: "rows", value: 3)]
        let id = try store.saveRun(RunRecord(seed: 5, config: PipelineConfig(customers: 9, seed: 5), customersDataset: nil,
                                             repsDataset: nil, ticketsDataset: nil, kpis: kpis, trace: trace), artifacts: [:])
        let back = try #require(try store.run(id: id))
        #expect(back.config == PipelineConfig(customers: 9, seed: 5))
        #expect(back.trace == trace)
        #expect(back.kpis[0].value.isNaN && back.kpis[1] == kpis[1])
        #expect(try store.kpiHistory(upTo: id, limit: 5).map(\.id) == [id])
    }

    @Test func aRunSavedInAnOlderShapeSaysSoInOneLine() throws {
        let store = try Store.inMemory()
        let id = try insertRaw(store, config: "{}")
        do { _ = try store.latestRun(); Issue.record("an older run loaded") } catch {
            #expect(error.description.hasPrefix("run \(id) was saved by an older OpsDeck; run `opsdeck run` again (its config has no "))
        }
    }

    @Test func damagedKPIsAreAnErrorNamingTheRunNeverAnEmptyList() throws {
        let store = try Store.inMemory()
        let good = try store.saveRun(RunRecord(seed: 1, config: PipelineConfig(seed: 1), customersDataset: nil, repsDataset: nil,
                                               ticketsDataset: nil, kpis: [], trace: Trace()), artifacts: [:])
        let bad = try insertRaw(store, config: String(decoding: Store.jsonEncoder().encode(PipelineConfig(seed: 1)), as: UTF8.self),
                                kpis: "[{")
        #expect(try store.run(id: good) != nil)
        do { _ = try store.run(id: bad); Issue.record("damaged KPIs loaded") } catch {
            #expect(error.description.hasPrefix("run \(bad): its saved KPIs cannot be read"))
        }
        #expect(throws: StoreError.self) { try store.kpiHistory(upTo: bad, limit: 5) }
    }
}
