import Testing
import OpsDeckTestSupport
import Synthetic
import Store
import Pipeline

/// A run on an imported customer dataset uses its extra columns, and every run saves the
/// churn and value model cards.
@Suite struct PipelineModelCardTests {
    let config = PipelineConfig(customers: 300, reps: 3, tickets: 600, seed: 5, sales: .fastForTests)

    @Test func aRunOnStoredDataUsesTheDatasetsExtraColumns() throws {
        let store = try Store.inMemory()
        let customers = CustomerGenerator(seed: 5, asOfDay: config.asOfDay).generate(count: config.customers)
        let reps = try store.saveReps(RepGenerator(seed: 5).generate(count: 3, customers: customers), source: "reps.csv")
        let tickets = try store.saveTickets(TicketGenerator(seed: 5, asOfDay: config.asOfDay).generate(count: 200, customers: customers),
                                            source: "tickets.csv")
        let plainId = try store.saveCustomers(customers, source: "plain.csv")
        let withExtras = try store.saveCustomers(customers, extras: CustomerExtrasFixture.extras(customers), source: "crm.csv")

        let plain = try Pipeline.run(config: config, input: .stored(customers: plainId, reps: reps, tickets: tickets), store: store)
        var run = try Pipeline.run(config: config, input: .stored(customers: withExtras, reps: reps, tickets: tickets), store: store)
        let auc = { (o: RunOutcome) in o.kpis.first { $0.name == "churn AUC (out of fold)" }?.value ?? 0 }
        #expect(auc(run) > auc(plain) + 0.03, "AUC \(auc(run)) with extras vs \(auc(plain)) without")

        let id = try Pipeline.save(&run, to: store)
        let text = String(decoding: try #require(try store.artifact(run: id, name: Pipeline.modelCardText)), as: UTF8.self)
        #expect(text.contains("health_score") && text.contains("leakage guard") && text.contains("model card \"value\""))
        let json = try #require(try store.artifact(run: id, name: Pipeline.modelCardJSON))
        #expect(!json.isEmpty)
    }

    @Test func aSyntheticRunSavesCardsWithoutExtras() throws {
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        let artifacts = Pipeline.artifacts(outcome)
        let text = String(decoding: try #require(artifacts[Pipeline.modelCardText]), as: UTF8.self)
        #expect(text.hasPrefix("model card \"churn\" · the run's customers · as of "))
        #expect(!text.contains("extra column"))
    }
}
