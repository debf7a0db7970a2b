import Foundation
import Testing
import OpsDeckTestSupport
import Core
import Sales
import Store

/// Tickets reach accounts by id, then by the requester's e-mail domain, then by the
/// organisation's name; personal mail domains and shared names or domains never link.
@Suite struct AccountLinkTests {
    static func account(_ id: String, name: String?, domain: String?) -> Customer {
        Customer(id: id, lat: 41.9, lon: -87.6, lastPurchaseDay: nil, amount: nil, lifetimeValue: 0, companySize: 1,
                 industry: "", tier: "", preferredChannel: nil, lastContactChannel: nil, digitalEngagement: 50,
                 inboundCalls30d: 0, outboundConnectRate: 0, webSessions30d: 0, abandonedCarts30d: 0, ecomOrders30d: 0,
                 supportTickets90d: 0, csat: nil, recentIssue: false, touches30d: 0, productInterest: "", name: name,
                 domain: domain)
    }

    static func ticket(_ key: String?, email: String? = nil) -> Ticket {
        Ticket(id: "T", createdAt: 0, priority: "", channel: "web", type: "", product: "", status: "open", state: .open,
               customerKey: key, requesterEmail: email)
    }

    static let accounts = [
        account("A1", name: "Acme", domain: "acme.com"),
        account("B1", name: "Beta Corp", domain: "beta.io"),
        account("C1", name: "Gamma", domain: "gmail.com"),
        account("D1", name: "Delta", domain: "shared.example"),
        account("E1", name: "Epsilon", domain: "shared.example"),
    ]

    @Test func idBeatsEmailBeatsOrganisation() {
        let link = AccountLink(Self.accounts)
        func found(_ t: Ticket) -> String? { link.account(of: t).map { "\(Self.accounts[$0.index].id) \($0.key.rawValue)" } }
        #expect(found(Self.ticket("B1", email: "x@acme.com")) == "B1 id")
        #expect(found(Self.ticket("Beta Corp", email: "x@acme.com")) == "A1 e-mail")
        #expect(found(Self.ticket("beta-corp", email: "x@unknown.org")) == "B1 organisation")
        #expect(found(Self.ticket(nil, email: "Ana <ana@EU.Acme.com>")) == "A1 e-mail")  // a subdomain reaches its account
        #expect(found(Self.ticket("someone@beta.io")) == "B1 e-mail")  // the customer cell is the e-mail
        #expect(found(Self.ticket(nil, email: "x@unknown.org")) == nil)
    }

    @Test func personalAndSharedDomainsNeverLink() {
        let link = AccountLink(Self.accounts)
        func found(_ t: Ticket) -> String? { link.account(of: t).map { "\(Self.accounts[$0.index].id) \($0.key.rawValue)" } }
        // An account whose website field says gmail.com is reached by its name, never by the domain.
        #expect(found(Self.ticket(nil, email: "someone@gmail.com")) == nil)
        #expect(found(Self.ticket("Gamma", email: "someone@gmail.com")) == "C1 organisation")
        #expect(found(Self.ticket("Beta Corp", email: "someone@outlook.com")) == "B1 organisation")
        // Two accounts on one domain: the e-mail says nothing; the name still does.
        #expect(found(Self.ticket(nil, email: "x@shared.example")) == nil)
        #expect(found(Self.ticket("Delta", email: "x@shared.example")) == "D1 organisation")
        for d in ["gmail.com", "outlook.com", "hotmail.fr", "yahoo.co.uk", "googlemail.com", "icloud.com", "proton.me", "gmx.de"] {
            #expect(WebDomain.isPersonal(d), "\(d)")
        }
        for d in ["acme.com", "mail.example.net", "wackerdrivecapital.example.com"] { #expect(!WebDomain.isPersonal(d), "\(d)") }
    }

    @Test func websitesAndAddressesComeDownToOneDomain() {
        #expect(WebDomain.of(website: "https://www.Acme.com/contact?x=1") == "acme.com")
        #expect(WebDomain.of(website: " acme.com. ") == "acme.com")
        #expect(WebDomain.of(website: "http://shop.acme.co.uk:8080") == "shop.acme.co.uk")
        #expect(WebDomain.of(website: "not a site") == nil)
        #expect(WebDomain.of(website: "") == nil)
        #expect(WebDomain.of(email: "\"Ana\" <ana@Acme.COM>") == "acme.com")
        #expect(WebDomain.of(email: "mailto:ana@acme.com") == "acme.com")
        #expect(WebDomain.of(email: "Ana Silva") == nil)
        #expect(WebDomain.of(email: "@acme.com") == nil)
    }

    @Test func countsSayHowManyLinkedByWhichKey() {
        let link = AccountLink(Self.accounts)
        let c = link.counts([Self.ticket("A1"), Self.ticket("Beta Corp", email: "x@acme.com"), Self.ticket("Gamma"),
                             Self.ticket(nil, email: "x@gmail.com"), Self.ticket(nil), Self.ticket("")])
        #expect(c.named == 4 && c.linked == 3)
        #expect(c.byKey == [.id: 1, .email: 1, .organisation: 1])
        #expect(c.summary == "3 of 4 tickets that name an account (75%): by id 1, by e-mail 1, by organisation 1")
    }

    // MARK: - The vendor fixtures, accounts from the Salesforce export

    static func salesforce() throws -> [Customer] {
        try CustomerCSV.readKeepingExtras(path: VendorFixtures.path("salesforce_accounts.csv"), asOfDay: 19_800).customers
    }

    @Test func salesforceWebsitesAndHubSpotDomainsAreRead() throws {
        let sf = try Self.salesforce()
        #expect(sf.count == 120)
        #expect(sf.first { $0.name == "Açaí Ltda" }?.domain == "acailtda.example.com")
        #expect(sf.filter { $0.domain != nil }.count > 80)
        let hs = try CustomerCSV.readKeepingExtras(path: VendorFixtures.path("hubspot_companies.csv"), asOfDay: 19_800)
        #expect(hs.customers.first?.domain == "hotelalcantara.pt")
        // The domain is a field now, no longer an extra column.
        #expect(!hs.extras.names.contains("Company Domain Name"))
    }

    /// Every ticket fixture against the Salesforce accounts: how many tickets name an account,
    /// and how many reach one by each key. The Zendesk export writes two in three
    /// organisations' requesters from the account's own domain and every fifth other one from
    /// gmail.com; the other desks name the organisation; Zendesk's API shape carries only
    /// Zendesk's own organisation and user ids, which are no CRM's.
    @Test(arguments: [
        ("zendesk_tickets_export.csv", 64, 41, 0, 18),
        ("zendesk_tickets_api.csv", 64, 0, 0, 0),
        ("freshdesk_tickets.csv", 56, 0, 0, 47),
        ("jira_sm_issues.csv", 52, 0, 0, 45),
        ("servicenow_incidents.csv", 70, 0, 0, 70),
    ])
    func vendorPairsLinkAtTheirRate(file: String, named: Int, byEmail: Int, byId: Int, byName: Int) throws {
        let link = AccountLink(try Self.salesforce())
        let c = link.counts(try VendorFixtures.tickets(file).tickets)
        #expect(c.named == named, "\(file)")
        #expect(c.byKey[.email] ?? 0 == byEmail, "\(file): \(c.summary)")
        #expect(c.byKey[.id] ?? 0 == byId, "\(file): \(c.summary)")
        #expect(c.byKey[.organisation] ?? 0 == byName, "\(file): \(c.summary)")
    }

    @Test func zendeskExportKeepsTheRequesterEmail() throws {
        let r = try VendorFixtures.tickets("zendesk_tickets_export.csv")
        #expect(r.tickets.allSatisfy { $0.requesterEmail.map(WebDomain.isEmail) ?? false })
        #expect(r.report.notes.contains { $0.contains("e-mail from Requester email") })
        // No requester is linked by a personal address.
        let link = AccountLink(try Self.salesforce())
        for t in r.tickets where t.requesterEmail?.hasSuffix("@gmail.com") == true {
            #expect(link.account(of: t)?.key != .email)
        }
    }

    @Test func domainAndRequesterEmailAreStored() throws {
        let path = NSTemporaryDirectory() + "opsdeck-link-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try Store(path: path)
        let c = try store.saveCustomers(Self.accounts, source: "accounts.csv")
        #expect(try store.customers(dataset: c) == Self.accounts)
        let tickets = [Self.ticket("Beta Corp", email: "x@acme.com"), Self.ticket(nil)]
        let t = try store.saveTickets(tickets, source: "tickets.csv")
        #expect(try store.tickets(dataset: t) == tickets)
    }
}
