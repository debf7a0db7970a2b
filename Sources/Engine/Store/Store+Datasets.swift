import GRDB

/// A dataset as listed: what it holds and where it came from.
public struct DatasetInfo: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var source: String
    public var createdAt: String
    public var rowCount: Int
    public var gateReport: String
}

extension Store {
    /// Saves customers as a new dataset; returns its id.
    @discardableResult
    public func saveCustomers(_ customers: [Customer], source: String, report: String = "") throws(StoreError) -> Int64 {
        try saveCustomers(customers, source: source, report: report, then: nil)
    }

    /// `then` adds more rows for the new dataset in the same transaction.
    func saveCustomers(_ customers: [Customer], source: String, report: String,
                       then more: ((Database, Int64) throws -> Void)?) throws(StoreError) -> Int64 {
        try write("saving customers") { db in
            let id = try Self.insertDataset(db, kind: "customers", source: source, count: customers.count, report: report)
            let stmt = try db.makeStatement(sql: """
                INSERT INTO customer VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            for (row, c) in customers.enumerated() {
                try stmt.execute(arguments: [
                    id, row, c.id, c.lat, c.lon, c.lastPurchaseDay, c.amount, c.lifetimeValue, c.companySize,
                    c.industry.rawValue, c.tier.rawValue, c.preferredChannel.rawValue, c.lastContactChannel.rawValue,
                    c.digitalEngagement, c.inboundCalls30d, c.outboundConnectRate, c.webSessions30d,
                    c.abandonedCarts30d, c.ecomOrders30d, c.supportTickets90d, c.csat, c.recentIssue,
                    c.touches30d, c.productInterest.rawValue, c.churned, c.futureSpend, c.churnLogit,
                ])
            }
            try more?(db, id)
            return id
        }
    }

    @discardableResult
    public func saveReps(_ reps: [Rep], source: String, report: String = "") throws(StoreError) -> Int64 {
        try write("saving reps") { db in
            let id = try Self.insertDataset(db, kind: "reps", source: source, count: reps.count, report: report)
            let stmt = try db.makeStatement(sql: "INSERT INTO rep VALUES (?,?,?,?,?,?,?,?,?)")
            for (row, r) in reps.enumerated() {
                try stmt.execute(arguments: [id, row, r.id, r.name, r.homeLat, r.homeLon,
                                             r.dayStartMinute, r.dayEndMinute, r.workingDays])
            }
            return id
        }
    }

    @discardableResult
    public func saveTickets(_ tickets: [Ticket], source: String, report: String = "") throws(StoreError) -> Int64 {
        try write("saving tickets") { db in
            let id = try Self.insertDataset(db, kind: "tickets", source: source, count: tickets.count, report: report)
            let stmt = try db.makeStatement(sql: "INSERT INTO ticket VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (row, t) in tickets.enumerated() {
                try stmt.execute(arguments: [id, row, t.id, t.createdAt, t.priority.rawValue, t.channel.rawValue,
                                             t.type, t.product, t.status.rawValue, t.firstResponseAt, t.resolvedAt,
                                             t.customerKey, t.satisfaction, t.subject])
            }
            return id
        }
    }

    private static func insertDataset(_ db: Database, kind: String, source: String, count: Int, report: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO dataset (kind, source, created_at, row_count, gate_report) VALUES (?,?,?,?,?)",
                       arguments: [kind, source, WallClock.text(), count, report])
        return db.lastInsertedRowID
    }

    /// Datasets, newest first, optionally of one kind.
    public func datasets(kind: String? = nil) throws(StoreError) -> [DatasetInfo] {
        try read("listing datasets") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM dataset \(kind == nil ? "" : "WHERE kind = ?") ORDER BY id DESC
                """, arguments: kind.map { [$0] } ?? [])
            return rows.map { r in
                DatasetInfo(id: r["id"], kind: r["kind"], source: r["source"], createdAt: r["created_at"],
                            rowCount: r["row_count"], gateReport: r["gate_report"])
            }
        }
    }

    public func latestDataset(kind: String) throws(StoreError) -> DatasetInfo? { try datasets(kind: kind).first }

    public func customers(dataset: Int64) throws(StoreError) -> [Customer] {
        try read("loading customers") { db in
            var out = [Customer]()
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM customer WHERE dataset_id = ? ORDER BY row", arguments: [dataset])
            while let r = try cursor.next() {
                out.append(Customer(
                    id: r["id"], lat: r["lat"], lon: r["lon"], lastPurchaseDay: r["last_purchase_day"],
                    amount: r["amount"], lifetimeValue: r["lifetime_value"], companySize: r["company_size"],
                    industry: try Self.category(r["industry"]), tier: try Self.category(r["tier"]),
                    preferredChannel: try Self.category(r["preferred_channel"]),
                    lastContactChannel: try Self.category(r["last_contact_channel"]),
                    digitalEngagement: r["digital_engagement"], inboundCalls30d: r["inbound_calls_30d"],
                    outboundConnectRate: r["outbound_connect_rate"], webSessions30d: r["web_sessions_30d"],
                    abandonedCarts30d: r["abandoned_carts_30d"], ecomOrders30d: r["ecom_orders_30d"],
                    supportTickets90d: r["support_tickets_90d"], csat: r["csat"], recentIssue: r["recent_issue"],
                    touches30d: r["touches_30d"], productInterest: try Self.category(r["product_interest"]),
                    churned: r["churned"], futureSpend: r["future_spend"], churnLogit: r["churn_logit"]))
            }
            return out
        }
    }

    public func reps(dataset: Int64) throws(StoreError) -> [Rep] {
        try read("loading reps") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rep WHERE dataset_id = ? ORDER BY row", arguments: [dataset]).map { r in
                Rep(id: r["id"], name: r["name"], homeLat: r["home_lat"], homeLon: r["home_lon"],
                    dayStartMinute: r["day_start"], dayEndMinute: r["day_end"], workingDays: r["working_days"])
            }
        }
    }

    public func tickets(dataset: Int64) throws(StoreError) -> [Ticket] {
        try read("loading tickets") { db in
            var out = [Ticket]()
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM ticket WHERE dataset_id = ? ORDER BY row", arguments: [dataset])
            while let r = try cursor.next() {
                out.append(Ticket(
                    id: r["id"], createdAt: r["created_at"], priority: try Self.category(r["priority"]),
                    channel: try Self.category(r["channel"]), type: r["type"], product: r["product"],
                    status: try Self.category(r["status"]), firstResponseAt: r["first_response_at"],
                    resolvedAt: r["resolved_at"], customerKey: r["customer_key"], satisfaction: r["satisfaction"],
                    subject: r["subject"]))
            }
            return out
        }
    }

    /// A label written by this store; anything else means the file was edited by hand.
    private static func category<C: Category>(_ text: String) throws -> C {
        guard let c = C.parse(Substring(text)) else {
            throw StoreError("the store holds '\(text)', which is not a known \(C.self); was the database edited by hand?")
        }
        return c
    }
}
