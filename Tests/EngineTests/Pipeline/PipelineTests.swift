import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Store
import Pipeline

@Suite struct PipelineTests {
    let small = PipelineConfig(customers: 400, reps: 4, tickets: 1500, seed: 9, sales: .fastForTests)

    @Test func syntheticRunTracesDataAndGatesAndSaves() throws {
        let store = try Store.inMemory()
        var outcome = try Pipeline.run(config: small, input: .synthetic, store: store)
        #expect(outcome.trace.stages.map(\.name) == ["data", "gates", "models", "segments+nba", "territories+anomalies", "allocation+routes",
                                                      "contact centre", "scripts", "sla", "kpi monitor"])
        #expect(outcome.trace.stages[0].counts.contains(Trace.Count("customers", 400)))
        #expect(outcome.customers.count == 400 && outcome.tickets.count == 1500)
        let id = try Pipeline.save(&outcome, to: store)
        let run = try #require(try store.latestRun())
        #expect(run.id == id && run.seed == 9)
        #expect(run.customersDataset != nil)
        #expect(try store.artifactNames(run: id).contains("gates.csv"))
    }

    /// Datasets inserted beside the sales stages: saved once, traced, and the run's artifacts are
    /// the same bytes as when `save` inserts them afterwards. Without the flag nothing is written.
    @Test func datasetsSavedBesideTheStagesMatchASaveAfterwards() throws {
        let early = try Store.inMemory(), late = try Store.inMemory()
        var a = try Pipeline.run(config: small, input: .synthetic, store: early, saveDatasets: true)
        #expect(a.trace.stages.map(\.name).suffix(3) == ["sla", "save datasets", "kpi monitor"])
        #expect(a.datasetIds.customers != nil && a.datasetIds.reps != nil && a.datasetIds.tickets != nil)
        var b = try Pipeline.run(config: small, input: .synthetic, store: late)
        #expect(try late.datasets().isEmpty)
        let ida = try Pipeline.save(&a, to: early), idb = try Pipeline.save(&b, to: late)
        #expect(try early.datasets().count == 3 && late.datasets().count == 3)
        #expect(try early.customers(dataset: #require(a.datasetIds.customers)) == a.customers)
        let names = try early.artifactNames(run: ida)
        #expect(names == (try late.artifactNames(run: idb)))
        for n in names { #expect(try early.artifact(run: ida, name: n) == late.artifact(run: idb, name: n)) }
    }

    @Test func storedRunUsesTheSavedDatasets() throws {
        let store = try Store.inMemory()
        var first = try Pipeline.run(config: small, input: .synthetic, store: store)
        try Pipeline.save(&first, to: store)
        // The demo's datasets are saved as generated: a stored run reads them when named (a
        // re-run of the demo); with no ids it takes the latest imports, and generated data is
        // never taken for one (`--from-store`: "the latest imported datasets").
        let ids = first.datasetIds
        let again = try Pipeline.run(config: small, input: .stored(customers: ids.customers, reps: ids.reps, tickets: ids.tickets),
                                     store: store)
        #expect(again.customers == first.customers)
        #expect(again.tickets == first.tickets)
        let latest = try Pipeline.run(config: small, input: .stored(customers: nil, reps: nil, tickets: nil), store: store)
        #expect(latest.customers.isEmpty && latest.tickets.isEmpty)
    }

    @Test func sameSeedSameData() throws {
        let a = try Pipeline.run(config: small, input: .synthetic, store: nil)
        let b = try Pipeline.run(config: small, input: .synthetic, store: nil)
        #expect(a.customers == b.customers && a.tickets == b.tickets && a.kpis == b.kpis)
    }

    @Test func gatesLeaveOutBadRecordsAndSayWhere() {
        var customers = CustomerGenerator(seed: 1).generate(count: 10)
        customers[3].lon = 2.9          // at sea
        customers[5].id = customers[4].id
        let (kept, report) = QualityGates.customers(customers, source: "crm", region: .barcelona,
                                                    asOfDay: CustomerGenerator.defaultAsOfDay)
        #expect(kept.count == 8)
        #expect(report.findings.first { $0.gate == .atSea }?.examples.first?.hasPrefix("crm:5:") == true)
        #expect(report.findings.first { $0.gate == .duplicateId }?.count == 1)
    }

    @Test func traceRendersEveryStageAndTotal() throws {
        let outcome = try Pipeline.run(config: small, input: .synthetic, store: nil)
        let text = outcome.trace.rendered()
        #expect(text.contains("data") && text.contains("gates") && text.contains("total"))
    }
}
