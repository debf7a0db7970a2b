import Foundation
import Testing
import OpsDeckTestSupport
import Core
import Support
import Store
import Pipeline

/// Either desk on its own, on real exports: a support desk without a CRM, a CRM around
/// Chicago without churn or future-spend labels, and generated data never shadowing imports.
@Suite struct ImportedRunTests {
    static func fixture(_ name: String) -> String { VendorFixtures.path(name) }

    static var zendeskPolicy: SLAPolicy {
        var p = SLAPolicy()
        p.defaultPriority = "normal"
        return p
    }

    @Test func ticketsOnlyStoreRunsTheSupportSide() throws {
        let store = try Store.inMemory()
        let r = try TicketCSV.read(path: Self.fixture("zendesk_tickets_export.csv"), options: .init(keepExtras: true))
        try store.saveTickets(r.tickets, extras: r.extras, source: "zendesk_tickets_export.csv")
        var outcome = try Pipeline.run(config: PipelineConfig(seed: 7), input: .stored(customers: nil, reps: nil, tickets: nil),
                                       store: store, slaPolicy: Self.zendeskPolicy)
        #expect(outcome.sales == nil)
        let support = try #require(outcome.support)
        #expect(support.tickets.count == 64)
        #expect(Set(support.tickets.map(\.priority)).isSubset(of: ["Urgent", "High", "Normal", "Low", ""]))
        #expect(outcome.config.demo == false)
        #expect(outcome.trace.stages.contains { $0.warnings.contains { $0.contains("sales stages are skipped") } })
        let id = try Pipeline.save(&outcome, to: store)
        #expect(try store.artifact(run: id, name: SupportSnapshot.artifactName) != nil)
    }

    @Test func generatedDataNeverShadowsAnImport() throws {
        let store = try Store.inMemory()
        let r = try TicketCSV.read(path: Self.fixture("freshdesk_tickets.csv"), options: .init())
        let imported = try store.saveTickets(r.tickets, source: "freshdesk_tickets.csv")
        var demo = try Pipeline.run(config: PipelineConfig(customers: 200, reps: 3, tickets: 500, seed: 3), input: .synthetic,
                                    store: store, saveDatasets: false)
        try Pipeline.save(&demo, to: store)
        #expect(try store.latestDataset(kind: "tickets")?.generated == true)
        #expect(try store.latestImport(kind: "tickets")?.id == imported)
        let next = try Pipeline.run(config: PipelineConfig(seed: 3), input: .stored(customers: nil, reps: nil, tickets: nil),
                                    store: store)
        #expect(next.datasetIds.tickets == imported)
        #expect(next.customers.isEmpty)
    }

    @Test func salesforceAccountsAroundChicagoPlanEndToEnd() throws {
        let store = try Store.inMemory()
        let (customers, extras, _) = try CustomerCSV.readKeepingExtras(path: Self.fixture("salesforce_accounts.csv"), asOfDay: 19_814)
        let (reps, _) = try RepCSV.read(path: Self.fixture("salesforce_users.csv"))
        let tickets = try TicketCSV.read(path: Self.fixture("zendesk_tickets_export.csv"), options: .init()).tickets
        try store.saveCustomers(customers, extras: extras, source: "salesforce_accounts.csv")
        try store.saveReps(reps, source: "salesforce_users.csv")
        try store.saveTickets(tickets, source: "zendesk_tickets_export.csv")
        let outcome = try Pipeline.run(config: PipelineConfig(seed: 11, asOfDay: 19_814), input: .stored(customers: nil, reps: nil, tickets: nil),
                                       store: store, slaPolicy: Self.zendeskPolicy)
        let sales = try #require(outcome.sales)
        #expect(outcome.customers.count == 120 && outcome.reps.count == 8)
        // No future-spend column: the potential is the file's own AnnualRevenue, said in the trace.
        #expect(sales.models.valueModelled == false && sales.models.potentialKnown)
        #expect(outcome.trace.stages.contains { $0.warnings.contains { $0.contains("AnnualRevenue") } })
        #expect(!outcome.kpis.contains { $0.name.hasPrefix("value RMSE") })
        // Every rep plans a day in the accounts' own area, at the area's travel speed.
        #expect(!sales.routes.visits.isEmpty)
        let area = Region.of(customers: outcome.customers, reps: outcome.reps, demo: outcome.config.demo)
        #expect(!area.isDemo && !area.name.contains("Barcelona"))
        #expect(outcome.customers.allSatisfy { area.latRange.contains($0.lat) && area.lonRange.contains($0.lon) })
        // Tickets name accounts by organisation: the run links them to Salesforce accounts.
        #expect((0..<outcome.customers.count).contains { sales.openTickets.count($0) > 0 })
    }

    @Test func hubspotWithoutAnyLabelsStillPlans() throws {
        let store = try Store.inMemory()
        let (customers, extras, _) = try CustomerCSV.readKeepingExtras(path: Self.fixture("hubspot_companies.csv"), asOfDay: 19_814)
        try store.saveCustomers(customers, extras: extras, source: "hubspot_companies.csv")
        let outcome = try Pipeline.run(config: PipelineConfig(seed: 5, asOfDay: 19_814), input: .stored(customers: nil, reps: nil, tickets: nil),
                                       store: store)
        let sales = try #require(outcome.sales)
        #expect(sales.models.churnModelled == false)
        #expect(!outcome.kpis.contains { $0.name.hasPrefix("churn AUC") })
        #expect(outcome.trace.stages.contains { $0.warnings.contains { $0.contains("no churn model") } })
    }
}
