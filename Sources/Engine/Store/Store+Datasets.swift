import GRDB
import Core

/// A dataset as listed: what it holds and where it came from.
public struct DatasetInfo: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var source: String
    public var createdAt: String
    public var rowCount: Int
    public var gateReport: String
    /// OpsDeck generated it (the demo); generated data never shadows an import.
    public var generated: Bool
}

extension Store {
    /// Saves customers as a new dataset; returns its id.
    @discardableResult
    public func saveCustomers(_ customers: [Customer], source: String, report: String = "", generated: Bool = false) throws(StoreError) -> Int64 {
        try saveCustomers(customers, source: source, report: report, generated: generated, then: nil)
    }

    /// `then` adds more rows for the new dataset in the same transaction.
    package func saveCustomers(_ customers: [Customer], source: String, report: String, generated: Bool = false,
                       then more: ((Database, Int64) throws -> Void)?) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("saving customers") { db in
            let id = try Self.insertDataset(db, kind: "customers", source: source, count: customers.count, report: report,
                                            generated: generated)
            try SQLiteRowBinder.insertRows(db, into: "customer", columns: 32, count: customers.count,
                                           what: "saving customers") { b, row throws(StoreError) in
                let c = customers[row]
                try b.bind(1, id); try b.bind(2, row); try b.bind(3, c.id); try b.bind(4, c.lat); try b.bind(5, c.lon)
                try b.bind(6, c.lastPurchaseDay); try b.bind(7, c.amount); try b.bind(8, c.lifetimeValue)
                try b.bind(9, c.companySize); try b.bind(10, c.industry); try b.bind(11, c.tier)
                try b.bind(12, c.preferredChannel?.rawValue ?? ""); try b.bind(13, c.lastContactChannel?.rawValue ?? "")
                try b.bind(14, c.digitalEngagement); try b.bind(15, c.inboundCalls30d)
                try b.bind(16, c.outboundConnectRate); try b.bind(17, c.webSessions30d)
                try b.bind(18, c.abandonedCarts30d); try b.bind(19, c.ecomOrders30d)
                try b.bind(20, c.supportTickets90d); try b.bind(21, c.csat); try b.bind(22, c.recentIssue)
                try b.bind(23, c.touches30d); try b.bind(24, c.productInterest); try b.bind(25, c.churned)
                try b.bind(26, c.futureSpend); try b.bind(27, c.churnLogit); try b.bind(28, c.name)
                try b.bind(29, c.visitWindow?.opens); try b.bind(30, c.visitWindow?.closes); try b.bind(31, c.visitWindow?.minutes)
                try b.bind(32, c.domain)
            }
            try more?(db, id)
            return id
        }
    }

    @discardableResult
    public func saveReps(_ reps: [Rep], source: String, report: String = "", generated: Bool = false) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("saving reps") { db in
            let id = try Self.insertDataset(db, kind: "reps", source: source, count: reps.count, report: report, generated: generated)
            try SQLiteRowBinder.insertRows(db, into: "rep", columns: 9, count: reps.count,
                                           what: "saving reps") { b, row throws(StoreError) in
                let r = reps[row]
                try b.bind(1, id); try b.bind(2, row); try b.bind(3, r.id); try b.bind(4, r.name)
                try b.bind(5, r.homeLat); try b.bind(6, r.homeLon); try b.bind(7, r.dayStartMinute)
                try b.bind(8, r.dayEndMinute); try b.bind(9, r.workingDays)
            }
            return id
        }
    }

    @discardableResult
    public func saveTickets(_ tickets: [Ticket], extras: CustomerExtras? = nil, source: String, report: String = "",
                            generated: Bool = false) throws(StoreError) -> Int64 {
        if let extras, !extras.isEmpty, extras.rowCount != tickets.count {
            throw StoreError("extra columns have \(extras.rowCount) rows for \(tickets.count) tickets")
        }
        return try writeRowsOfNewDataset("saving tickets") { db in
            let id = try Self.insertDataset(db, kind: "tickets", source: source, count: tickets.count, report: report,
                                            generated: generated)
            try SQLiteRowBinder.insertRows(db, into: "ticket", columns: 16, count: tickets.count,
                                           what: "saving tickets") { b, row throws(StoreError) in
                let t = tickets[row]
                try b.bind(1, id); try b.bind(2, row); try b.bind(3, t.id); try b.bind(4, t.createdAt)
                try b.bind(5, t.priority); try b.bind(6, t.channel); try b.bind(7, t.type); try b.bind(8, t.product)
                try b.bind(9, t.status); try b.bind(10, t.firstResponseAt); try b.bind(11, t.resolvedAt)
                try b.bind(12, t.customerKey); try b.bind(13, t.satisfaction); try b.bind(14, t.subject)
                try b.bind(15, t.state.rawValue); try b.bind(16, t.requesterEmail)
            }
            if let extras, !extras.isEmpty { try Self.insertExtras(db, extras, dataset: id) }
            return id
        }
    }

    private static func insertDataset(_ db: Database, kind: String, source: String, count: Int, report: String,
                                      generated: Bool) throws -> Int64 {
        try db.execute(sql: "INSERT INTO dataset (kind, source, created_at, row_count, gate_report, generated) VALUES (?,?,?,?,?,?)",
                       arguments: [kind, source, WallClock.text(), count, report, generated])
        return db.lastInsertedRowID
    }

    /// Datasets, newest first, optionally of one kind.
    public func datasets(kind: String? = nil) throws(StoreError) -> [DatasetInfo] {
        try read("listing datasets") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM dataset \(kind == nil ? "" : "WHERE kind = ?") ORDER BY id DESC
                """, arguments: kind.map { [$0] } ?? [])
            return rows.map(Self.datasetInfo)
        }
    }

    private static func datasetInfo(_ r: Row) -> DatasetInfo {
        DatasetInfo(id: r["id"], kind: r["kind"], source: r["source"], createdAt: r["created_at"],
                    rowCount: r["row_count"], gateReport: r["gate_report"], generated: r["generated"])
    }

    public func latestDataset(kind: String) throws(StoreError) -> DatasetInfo? { try datasets(kind: kind).first }

    public func dataset(id: Int64) throws(StoreError) -> DatasetInfo? {
        try read("reading dataset \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE id = ?", arguments: [id]).map(Self.datasetInfo)
        }
    }

    /// The latest dataset of this kind a user imported (generated ones never shadow it).
    public func latestImport(kind: String) throws(StoreError) -> DatasetInfo? {
        try datasets(kind: kind).first { !$0.generated }
    }

    /// Whether the store holds any import at all (then runs take imports by default).
    public func hasImports() throws(StoreError) -> Bool {
        for kind in ["customers", "reps", "tickets"] where try latestImport(kind: kind) != nil { return true }
        return false
    }

    public func customers(dataset: Int64) throws(StoreError) -> [Customer] {
        try read("loading customers") { db in
            let stmt = try db.makeStatement(sql: """
                SELECT id, lat, lon, last_purchase_day, amount, lifetime_value, company_size, industry, tier,
                       preferred_channel, last_contact_channel, digital_engagement, inbound_calls_30d,
                       outbound_connect_rate, web_sessions_30d, abandoned_carts_30d, ecom_orders_30d,
                       support_tickets_90d, csat, recent_issue, touches_30d, product_interest, churned,
                       future_spend, churn_logit, name, visit_opens, visit_closes, visit_minutes, domain
                FROM customer WHERE dataset_id = ? ORDER BY row
                """)
            var r = SQLiteRowReader(stmt, what: "loading customers")
            try r.bind(1, dataset)
            var out = [Customer]()
            while try r.next() {
                out.append(Customer(
                    id: try r.string(0), lat: try r.double(1), lon: try r.double(2), lastPurchaseDay: r.intOrNil(3),
                    amount: r.doubleOrNil(4), lifetimeValue: try r.double(5), companySize: try r.int(6),
                    industry: try r.string(7), tier: try r.string(8), preferredChannel: try r.salesChannel(9),
                    lastContactChannel: try r.salesChannel(10), digitalEngagement: try r.double(11),
                    inboundCalls30d: try r.int(12), outboundConnectRate: try r.double(13), webSessions30d: try r.int(14),
                    abandonedCarts30d: try r.int(15), ecomOrders30d: try r.int(16), supportTickets90d: try r.int(17),
                    csat: r.doubleOrNil(18), recentIssue: try r.bool(19), touches30d: try r.int(20),
                    productInterest: try r.string(21), churned: r.boolOrNil(22), futureSpend: r.doubleOrNil(23),
                    churnLogit: r.doubleOrNil(24), name: try r.stringOrNil(25),
                    visitWindow: Self.window(r.intOrNil(26), r.intOrNil(27), r.intOrNil(28)), domain: try r.stringOrNil(29)))
            }
            return out
        }
    }

    private static func window(_ opens: Int?, _ closes: Int?, _ minutes: Int?) -> VisitWindow? {
        opens == nil && closes == nil && minutes == nil ? nil : VisitWindow(opens: opens, closes: closes, minutes: minutes)
    }

    public func reps(dataset: Int64) throws(StoreError) -> [Rep] {
        try read("loading reps") { db in
            let stmt = try db.makeStatement(sql: """
                SELECT id, name, home_lat, home_lon, day_start, day_end, working_days
                FROM rep WHERE dataset_id = ? ORDER BY row
                """)
            var r = SQLiteRowReader(stmt, what: "loading reps")
            try r.bind(1, dataset)
            var out = [Rep]()
            while try r.next() {
                out.append(Rep(id: try r.string(0), name: try r.string(1), homeLat: try r.double(2), homeLon: try r.double(3),
                               dayStartMinute: try r.int(4), dayEndMinute: try r.int(5), workingDays: try r.int(6)))
            }
            return out
        }
    }

    /// `statuses` gives the meaning of rows saved before meanings were stored.
    public func tickets(dataset: Int64, statuses: StatusMapping = StatusMapping()) throws(StoreError) -> [Ticket] {
        try read("loading tickets") { db in
            let stmt = try db.makeStatement(sql: """
                SELECT id, created_at, priority, channel, type, product, status, first_response_at, resolved_at,
                       customer_key, satisfaction, subject, state, requester_email
                FROM ticket WHERE dataset_id = ? ORDER BY row
                """)
            var r = SQLiteRowReader(stmt, what: "loading tickets")
            try r.bind(1, dataset)
            var out = [Ticket]()
            while try r.next() {
                let status = try r.string(6), resolved = r.int64OrNil(8)
                let state = try r.stringOrNil(12).flatMap(TicketState.init(rawValue:))
                    ?? statuses.state(of: status, resolved: resolved != nil)
                out.append(Ticket(
                    id: try r.string(0), createdAt: try r.int64(1), priority: try r.string(2), channel: try r.string(3),
                    type: try r.string(4), product: try r.string(5), status: status, state: state,
                    firstResponseAt: r.int64OrNil(7), resolvedAt: resolved, customerKey: try r.stringOrNil(9),
                    satisfaction: r.doubleOrNil(10), subject: try r.stringOrNil(11), requesterEmail: try r.stringOrNil(13)))
            }
            return out
        }
    }
}
