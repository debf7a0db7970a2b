import Foundation
import Testing
import OpsDeckTestSupport
import Core
import Support

/// Each vendor's export (fixtures built from its published field list, docs/vendor-formats.md)
/// imports with no row lost, read with the right profile, its labels kept as the desk wrote them.
@Suite struct VendorFormatTests {
    static func fixture(_ name: String) -> String { VendorFixtures.path(name) }
    static func tickets(_ name: String) throws -> TicketCSV.Result { try VendorFixtures.tickets(name) }

    @Test func zendeskAPIShape() throws {
        let r = try Self.tickets("zendesk_tickets_api.csv")
        #expect(r.profile == .zendesk)
        #expect(r.report.rowsRead == 64 && r.report.rowsKept == 64)
        let states = Dictionary(grouping: r.tickets, by: \.status).mapValues { Set($0.map(\.state)) }
        #expect(states["pending"] == [.waitingOnCustomer] && states["hold"] == [.onHold])
        #expect(states["new"] == [.open] && states["solved"] == [.solved] && states["closed"] == [.solved])
        // Zendesk's own priorities, empty cells included (priority.default gives them a target).
        #expect(Set(r.tickets.map(\.priority)).isSubset(of: ["urgent", "high", "normal", "low", ""]))
        #expect(r.tickets.contains { $0.priority.isEmpty })
        #expect(Set(r.tickets.map(\.channel)).isSuperset(of: ["email", "web"]))
        // First responses come from reply_time_in_minutes: the API shape has no time column for it.
        #expect(r.tickets.contains { $0.firstResponseAt != nil })
        #expect(r.tickets.allSatisfy { t in t.firstResponseAt.map { $0 >= t.createdAt } ?? true })
        // Group, tags and custom fields stay as breach-model features.
        #expect(r.extras.names.contains("group_id") && r.extras.names.contains("tags"))
        #expect(r.report.notes.contains { $0.contains("account link: Organization") })
    }

    @Test func zendeskCSVExportIsTheSameDesk() throws {
        let api = try Self.tickets("zendesk_tickets_api.csv")
        let csv = try Self.tickets("zendesk_tickets_export.csv")
        #expect(csv.profile == .zendesk)
        #expect(csv.report.rowsKept == 64)
        #expect(Set(csv.tickets.map(\.id)) == Set(api.tickets.map(\.id)))
        let byId = Dictionary(uniqueKeysWithValues: api.tickets.map { ($0.id, $0) })
        for t in csv.tickets {
            let a = try #require(byId[t.id])
            #expect(t.createdAt == a.createdAt, "ticket \(t.id)")
            #expect(t.state == a.state, "ticket \(t.id): \(t.status) vs \(a.status)")
        }
        // The export names the organisation, so tickets link to CRM accounts by name.
        #expect(csv.tickets.contains { $0.customerKey == "Açaí Ltda" })
    }

    @Test func freshdesk() throws {
        let r = try Self.tickets("freshdesk_tickets.csv")
        #expect(r.profile == .freshdesk)
        #expect(r.report.rowsRead == 56 && r.report.rowsKept == 56)
        let state = Dictionary(grouping: r.tickets, by: \.status).mapValues { Set($0.map(\.state)) }
        #expect(state["Waiting on Customer"] == [.waitingOnCustomer] && state["Pending"] == [.waitingOnCustomer])
        #expect(state["Waiting on Third Party"] == [.onHold])
        #expect(state["Resolved"] == [.solved] && state["Closed"] == [.solved] && state["Open"] == [.open])
        #expect(Set(r.tickets.map(\.priority)) == ["Urgent", "High", "Medium", "Low"])
        #expect(r.tickets.filter { $0.state == .solved }.allSatisfy { $0.resolvedAt != nil })
    }

    @Test func jiraServiceManagement() throws {
        let r = try Self.tickets("jira_sm_issues.csv")
        #expect(r.profile == .jira)
        #expect(r.report.rowsRead == 52 && r.report.rowsKept == 52)
        let state = Dictionary(grouping: r.tickets, by: \.status).mapValues { Set($0.map(\.state)) }
        // Jira's Pending waits on someone else; the customer's turn is "Waiting for customer".
        #expect(state["Pending"] == [.onHold] && state["Waiting for customer"] == [.waitingOnCustomer])
        #expect(state["Escalated"] == [.open] && state["Canceled"] == [.solved])
        #expect(Set(r.tickets.map(\.priority)).isSubset(of: ["Highest", "High", "Medium", "Low", "Lowest"]))
        #expect(r.tickets.allSatisfy { $0.id.hasPrefix("DESK-") })
        // No channel column in the default export: the channel is unknown, not a reason to drop.
        #expect(Set(r.tickets.map(\.channel)) == ["unknown"])
    }

    @Test func serviceNow() throws {
        let r = try Self.tickets("servicenow_incidents.csv")
        #expect(r.profile == .serviceNow)
        #expect(r.report.rowsRead == 70 && r.report.rowsKept == 70)
        let held = r.tickets.filter { $0.status == "On Hold" }
        #expect(!held.isEmpty)
        // On Hold while awaiting the caller is the customer's turn; awaiting a vendor or change is a hold.
        #expect(Set(held.map(\.state)) == [.waitingOnCustomer, .onHold])
        #expect(Set(r.tickets.map(\.priority)).isSubset(of: ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"]))
        #expect(r.tickets.allSatisfy { $0.id.hasPrefix("INC") })
    }

    @Test func everyDeskRunsThroughTheDefaultPolicy() throws {
        for name in ["zendesk_tickets_api.csv", "zendesk_tickets_export.csv", "freshdesk_tickets.csv", "jira_sm_issues.csv",
                     "servicenow_incidents.csv"] {
            let r = try Self.tickets(name)
            var policy = SLAPolicy()
            policy.defaultPriority = "normal"
            let resolved = try policy.resolved(for: r.tickets)
            #expect(resolved.priorityCode.count == r.tickets.count, "\(name)")
            // Codes run from the least urgent to the most: the longest target first.
            #expect(zip(resolved.targetSeconds, resolved.targetSeconds.dropFirst()).allSatisfy { $0 >= $1 }, "\(name)")
        }
    }

    @Test func salesforceAccountsAroundChicago() throws {
        let (customers, extras, report) = try CustomerCSV.readKeepingExtras(path: Self.fixture("salesforce_accounts.csv"), asOfDay: 19_814)
        #expect(report.rowsRead == 120 && report.rowsKept == 120)
        #expect(report.notes.contains { $0.contains("Salesforce Account export") })
        #expect(customers.allSatisfy { (41.4...42.3).contains($0.lat) && (-88.4 ... -87.3).contains($0.lon) })
        // Salesforce's own industry picklist is kept as is, Insurance included.
        #expect(customers.contains { $0.industry == "Insurance" })
        #expect(customers.allSatisfy { $0.name != nil })
        #expect(Set(customers.map(\.plannedTier)).count > 1)
        #expect(extras.names.contains("AnnualRevenue"))
    }

    @Test func hubspotCompaniesAroundLisbon() throws {
        let (customers, _, report) = try CustomerCSV.readKeepingExtras(path: Self.fixture("hubspot_companies.csv"), asOfDay: 19_814)
        #expect(report.rowsRead == 80 && report.rowsKept == 80)
        #expect(report.notes.contains { $0.contains("HubSpot") })
        #expect(customers.allSatisfy { (38.5...39.0).contains($0.lat) && (-9.5 ... -8.9).contains($0.lon) })
        #expect(Set(customers.map(\.tier)).isSubset(of: ["Tier 1", "Tier 2", "Tier 3", ""]))
        #expect(customers.filter { !$0.tier.isEmpty }.allSatisfy { Tier.classify($0.tier) != nil })
    }

    @Test func salesforceUsersAreReps() throws {
        let (reps, report) = try RepCSV.read(path: Self.fixture("salesforce_users.csv"))
        #expect(report.rowsKept == 8)
        #expect(reps.allSatisfy { (41.4...42.3).contains($0.homeLat) })
    }

    @Test func excelBOMCustomers() throws {
        let (customers, report) = try CustomerCSV.read(path: Self.fixture("bom_excel_customers.csv"), asOfDay: 19_814)
        #expect(report.rowsKept == report.rowsRead && report.rowsRead > 0)
        #expect(customers.first?.id == "CUST-0001")
    }
}
