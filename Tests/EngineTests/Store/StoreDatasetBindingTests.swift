import GRDB
import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Store

/// Dataset rows are bound straight to SQLite (`SQLiteRowBinder`): every value must come back
/// equal, and be stored with the SQL type GRDB's own `execute(arguments:)` gave it.
@Suite struct StoreDatasetBindingTests {
    // Open vocabularies: industry, tier and product are the CRM's own labels (any text,
    // empty included), channels may be no preference (nil), and name/visit window are stored.
    static let edgeCustomers: [Customer] = [
        Customer(id: "Zürich—東京 🚀 \"q\" 'x'", lat: -90, lon: 180, lastPurchaseDay: Int.min, amount: -Double.greatestFiniteMagnitude,
                 lifetimeValue: Double.leastNonzeroMagnitude, companySize: Int.max, industry: Industry.allCases[0].rawValue,
                 tier: Tier.allCases[0].rawValue,
                 preferredChannel: .allCases[0], lastContactChannel: .allCases[SalesChannel.allCases.count - 1],
                 digitalEngagement: .infinity, inboundCalls30d: 0, outboundConnectRate: -.infinity, webSessions30d: -1,
                 abandonedCarts30d: Int.min, ecomOrders30d: Int.max, supportTickets90d: 7, csat: Double.ulpOfOne,
                 recentIssue: true, touches30d: 3, productInterest: Product.allCases[0].rawValue, churned: true, futureSpend: 1e308,
                 churnLogit: -1e-308, name: "Ωmega 🛠 \"GmbH\"", visitWindow: VisitWindow(opens: Int.min, closes: Int.max, minutes: 0),
                 domain: "zürich-東京.example"),
        Customer(id: "", lat: 0, lon: -0.0, lastPurchaseDay: nil, amount: nil, lifetimeValue: 0.1 + 0.2,
                 companySize: 0, industry: "COMPUTER_SOFTWARE — 東京", tier: "",
                 preferredChannel: nil, lastContactChannel: .allCases[0], digitalEngagement: 0.5,
                 inboundCalls30d: 1, outboundConnectRate: 1, webSessions30d: 2, abandonedCarts30d: 3, ecomOrders30d: 4,
                 supportTickets90d: 5, csat: nil, recentIssue: false, touches30d: 6,
                 productInterest: "", churned: false, futureSpend: nil, churnLogit: nil,
                 visitWindow: VisitWindow(opens: nil, closes: 17 * 60, minutes: nil)),
        Customer(id: "C3", lat: 1.5, lon: 2.5, lastPurchaseDay: 12, amount: 0, lifetimeValue: 9, companySize: 40,
                 industry: Industry.allCases[Industry.allCases.count - 1].rawValue, tier: "Platinum",
                 preferredChannel: .allCases[1], lastContactChannel: nil,
                 digitalEngagement: 0, inboundCalls30d: 0, outboundConnectRate: 0, webSessions30d: 0, abandonedCarts30d: 0,
                 ecomOrders30d: 0, supportTickets90d: 0, csat: 4.5, recentIssue: false, touches30d: 0,
                 productInterest: Product.allCases[Product.allCases.count - 1].rawValue, churned: nil),
    ]

    static let edgeTickets: [Ticket] = [
        Ticket(id: "T-ünï", createdAt: Int64.min, priority: DemoPriority.allCases[0].rawValue, channel: DemoChannel.allCases[0].rawValue,
               type: "", product: "Ωmega 🛠", status: DemoStatus.open.label, state: .open, firstResponseAt: Int64.max, resolvedAt: 0,
               customerKey: "", satisfaction: -0.0, subject: "a\tb\nc", requesterEmail: "Ω <o@zürich-東京.example>"),
        Ticket(id: "", createdAt: Int64.max, priority: DemoPriority.allCases[DemoPriority.allCases.count - 1].rawValue,
               channel: DemoChannel.allCases[DemoChannel.allCases.count - 1].rawValue, type: "billing", product: "",
               status: DemoStatus.pendingCustomer.label, state: .waitingOnCustomer),
        // A desk's own labels: an empty priority, a status whose meaning a profile gave it.
        Ticket(id: "SUP-7", createdAt: 0, priority: "", channel: "voice", type: "Incident", product: "", status: "Pending",
               state: .onHold, resolvedAt: nil),
        Ticket(id: "INC0010", createdAt: 1, priority: "1 - Critical", channel: "Self-service", type: "x", product: "y",
               status: "Resolved", state: .solved, resolvedAt: 2),
    ]

    static let edgeReps = [
        Rep(id: "", name: "Zoë Ñúñez 山田", homeLat: -.greatestFiniteMagnitude, homeLon: .leastNormalMagnitude,
            dayStartMinute: Int.min, dayEndMinute: Int.max, workingDays: 0),
        Rep(id: "R2", name: "", homeLat: 0, homeLon: 0),
    ]

    @Test func everyColumnTypeRoundTrips() throws {
        let store = try Store.inMemory()
        let c = try store.saveCustomers(Self.edgeCustomers, source: "edge")
        let r = try store.saveReps(Self.edgeReps, source: "edge")
        let t = try store.saveTickets(Self.edgeTickets, source: "edge")
        #expect(try store.customers(dataset: c) == Self.edgeCustomers)
        #expect(try store.reps(dataset: r) == Self.edgeReps)
        #expect(try store.tickets(dataset: t) == Self.edgeTickets)
        // Empty strings are TEXT, never NULL (a nil pointer would bind NULL).
        let emptyIds = try #require(store.sqlite).read { db in
            try String.fetchAll(db, sql: "SELECT typeof(id) FROM customer WHERE dataset_id = ? AND id = ''", arguments: [c])
        }
        #expect(emptyIds == ["text"])
    }

    @Test func storedTypesAndValuesMatchGRDBArguments() throws {
        let store = try Store.inMemory()
        let mine = (customers: try store.saveCustomers(Self.edgeCustomers, source: "binder"),
                    reps: try store.saveReps(Self.edgeReps, source: "binder"),
                    // A followed copy is the one tickets dataset still written row by row.
                    tickets: try store.liveTicketDataset(copying: store.saveTickets(Self.edgeTickets, source: "binder"), source: "rows"))
        #expect(try store.tickets(dataset: mine.tickets) == Self.edgeTickets)
        let grdb = (customers: try store.saveCustomers([], source: "grdb"), reps: try store.saveReps([], source: "grdb"),
                    tickets: try store.saveTickets([], source: "grdb"))
        try #require(store.sqlite).write { db in try Self.insertThroughGRDB(db, grdb) }
        for (table, a, b) in [("customer", mine.customers, grdb.customers), ("rep", mine.reps, grdb.reps),
                              ("ticket", mine.tickets, grdb.tickets)] {
            let (typesA, valuesA) = try Self.stored(store, table, a)
            let (typesB, valuesB) = try Self.stored(store, table, b)
            #expect(!typesA.isEmpty && typesA == typesB, "\(table): SQL types differ")
            #expect(valuesA == valuesB, "\(table): stored values differ")
        }
    }

    @Test func aFailingRowIsAClearErrorAndNothingIsKept() throws {
        let store = try Store.inMemory()
        var bad = Self.edgeCustomers
        bad[1].lat = .nan  // SQLite stores NaN as NULL, which `lat NOT NULL` refuses
        do {
            try store.saveCustomers(bad, source: "bad")
            Issue.record("a NULL in a NOT NULL column was saved")
        } catch {
            #expect(error.message.contains("saving customers failed at row 1"))
            #expect(error.message.contains("NOT NULL"))
        }
        #expect(try store.datasets(kind: "customers").isEmpty)
    }

    /// Edge rows repeated past several multi-row statements, ending in a partial one, each
    /// with its own id so a row out of place would show.
    static func many<T>(_ rows: [T], count: Int, id: (inout T, String) -> Void) -> [T] {
        (0..<count).map { i in
            var r = rows[i % rows.count]
            id(&r, "r\(i)")
            return r
        }
    }

    static let batches = 2 * SQLiteRowBinder.batchRows + 5

    @Test func rowsAcrossBatchesAndARemainderRoundTripAsGRDBStoresThem() throws {
        let customers = Self.many(Self.edgeCustomers, count: Self.batches) { $0.id = $1 }
        let reps = Self.many(Self.edgeReps, count: Self.batches) { $0.name = $1 }
        let tickets = Self.many(Self.edgeTickets, count: Self.batches + 1) { $0.subject = $0.subject == nil ? nil : $1 }
        #expect(tickets.contains { $0.subject == nil } && customers.contains { $0.csat == nil })
        let store = try Store.inMemory()
        let mine = (customers: try store.saveCustomers(customers, source: "binder"),
                    reps: try store.saveReps(reps, source: "binder"),
                    tickets: try store.liveTicketDataset(copying: store.saveTickets(tickets, source: "binder"), source: "rows"))
        #expect(try store.customers(dataset: mine.customers) == customers)
        #expect(try store.reps(dataset: mine.reps) == reps)
        #expect(try store.tickets(dataset: mine.tickets) == tickets)
        let grdb = (customers: try store.saveCustomers([], source: "grdb"), reps: try store.saveReps([], source: "grdb"),
                    tickets: try store.saveTickets([], source: "grdb"))
        try #require(store.sqlite).write { db in
            try Self.insertThroughGRDB(db, grdb, customers: customers, reps: reps, tickets: tickets)
        }
        for (table, a, b) in [("customer", mine.customers, grdb.customers), ("rep", mine.reps, grdb.reps),
                              ("ticket", mine.tickets, grdb.tickets)] {
            let (typesA, valuesA) = try Self.stored(store, table, a)
            let (typesB, valuesB) = try Self.stored(store, table, b)
            #expect(typesA.count >= Self.batches && typesA == typesB, "\(table): SQL types differ")
            #expect(valuesA == valuesB, "\(table): stored values differ")
        }
    }

    /// A failure inside a full multi-row statement, and inside the remainder, names its own row.
    @Test func aFailingRowInALaterBatchIsNamed() throws {
        let store = try Store.inMemory()
        for bad in [SQLiteRowBinder.batchRows + 6, Self.batches - 2] {
            var customers = Self.many(Self.edgeCustomers, count: Self.batches) { $0.id = $1 }
            customers[bad].lon = .nan
            do {
                try store.saveCustomers(customers, source: "bad")
                Issue.record("a NULL in a NOT NULL column was saved")
            } catch {
                #expect(error.message.contains("saving customers failed at row \(bad),"), "\(error.message)")
                #expect(error.message.contains("customer.lon"))
            }
        }
        #expect(try store.datasets(kind: "customers").isEmpty)
        let rows = try #require(store.sqlite).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") }
        #expect(rows == 0)
    }

    /// Dataset rows are inserted with foreign-key checks off; they are back on after a save,
    /// whether it succeeded or failed.
    @Test func foreignKeysAreEnforcedAgainAfterEverySave() throws {
        let store = try Store.inMemory()
        try store.saveReps(Self.edgeReps, source: "ok")
        var bad = Self.edgeReps
        bad[1].homeLat = .nan
        #expect(throws: StoreError.self) { try store.saveReps(bad, source: "bad") }
        #expect(try #require(store.sqlite).read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        #expect(throws: DatabaseError.self) {
            try #require(store.sqlite).write { db in try db.execute(sql: "INSERT INTO rep VALUES (999, 0, 'R', 'orphan', 0, 0, 0, 0, 0)") }
        }
    }

    /// Each column's `typeof` and value, rows in order, without the dataset id.
    private static func stored(_ store: Store, _ table: String, _ dataset: Int64) throws -> ([[String]], [[DatabaseValue]]) {
        try #require(store.sqlite).read { db in
            let columns = try db.columns(in: table).map(\.name).filter { $0 != "dataset_id" }
            let types = try Row.fetchAll(db, sql: "SELECT \(columns.map { "typeof(\($0))" }.joined(separator: ",")) FROM \(table) WHERE dataset_id = ? ORDER BY row",
                                         arguments: [dataset]).map { r in (0..<r.count).map { r[$0] as String } }
            let values = try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ",")) FROM \(table) WHERE dataset_id = ? ORDER BY row",
                                          arguments: [dataset]).map { Array($0.databaseValues) }
            return (types, values)
        }
    }

    /// The rows as the store wrote them before the binder: GRDB's statement arguments.
    private static func insertThroughGRDB(_ db: Database, _ ids: (customers: Int64, reps: Int64, tickets: Int64),
                                          customers: [Customer] = edgeCustomers, reps: [Rep] = edgeReps,
                                          tickets: [Ticket] = edgeTickets) throws {
        let cs = try db.makeStatement(sql: "INSERT INTO customer VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        for (row, c) in customers.enumerated() {
            try cs.execute(arguments: [
                ids.customers, row, c.id, c.lat, c.lon, c.lastPurchaseDay, c.amount, c.lifetimeValue, c.companySize,
                c.industry, c.tier, c.preferredChannel?.rawValue ?? "", c.lastContactChannel?.rawValue ?? "",
                c.digitalEngagement, c.inboundCalls30d, c.outboundConnectRate, c.webSessions30d,
                c.abandonedCarts30d, c.ecomOrders30d, c.supportTickets90d, c.csat, c.recentIssue,
                c.touches30d, c.productInterest, c.churned, c.futureSpend, c.churnLogit, c.name,
                c.visitWindow?.opens, c.visitWindow?.closes, c.visitWindow?.minutes, c.domain,
            ])
        }
        let rs = try db.makeStatement(sql: "INSERT INTO rep VALUES (?,?,?,?,?,?,?,?,?)")
        for (row, r) in reps.enumerated() {
            try rs.execute(arguments: [ids.reps, row, r.id, r.name, r.homeLat, r.homeLon, r.dayStartMinute, r.dayEndMinute, r.workingDays])
        }
        let ts = try db.makeStatement(sql: "INSERT INTO ticket VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        for (row, t) in tickets.enumerated() {
            try ts.execute(arguments: [ids.tickets, row, t.id, t.createdAt, t.priority, t.channel,
                                       t.type, t.product, t.status, t.firstResponseAt, t.resolvedAt,
                                       t.customerKey, t.satisfaction, t.subject, t.state.rawValue, t.requesterEmail])
        }
    }
}
