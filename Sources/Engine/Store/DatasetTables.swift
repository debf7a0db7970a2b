import Core

/// The three dataset tables' rows, each written and read in one place for both databases:
/// the values in the table's column order (`bind`), and the SELECT with its decoding.
package struct CustomerRows: DatasetRows {
    package static let table = "customer"
    package static let columns = 32
    package var dataset: Int64
    package var customers: [Customer]
    package var count: Int { customers.count }

    @inline(__always)
    package func bind<B: RowBinding>(_ b: inout B, row: Int) throws(StoreError) {
        let c = customers[row]
        try b.bind(1, dataset); try b.bind(2, row); try b.bind(3, c.id); try b.bind(4, c.lat); try b.bind(5, c.lon)
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
}

package struct CustomerDecoder: DatasetDecoder {
    package let select = """
        SELECT id, lat, lon, last_purchase_day, amount, lifetime_value, company_size, industry, tier,
               preferred_channel, last_contact_channel, digital_engagement, inbound_calls_30d,
               outbound_connect_rate, web_sessions_30d, abandoned_carts_30d, ecom_orders_30d,
               support_tickets_90d, csat, recent_issue, touches_30d, product_interest, churned,
               future_spend, churn_logit, name, visit_opens, visit_closes, visit_minutes, domain
        FROM customer WHERE dataset_id = ? ORDER BY "row"
        """

    @inline(__always)
    package func decode<R: RowReading>(_ r: R) throws(StoreError) -> Customer {
        Customer(
            id: try r.string(0), lat: try r.double(1), lon: try r.double(2), lastPurchaseDay: try r.intOrNil(3),
            amount: try r.doubleOrNil(4), lifetimeValue: try r.double(5), companySize: try r.int(6),
            industry: try r.string(7), tier: try r.string(8), preferredChannel: try r.salesChannel(9),
            lastContactChannel: try r.salesChannel(10), digitalEngagement: try r.double(11),
            inboundCalls30d: try r.int(12), outboundConnectRate: try r.double(13), webSessions30d: try r.int(14),
            abandonedCarts30d: try r.int(15), ecomOrders30d: try r.int(16), supportTickets90d: try r.int(17),
            csat: try r.doubleOrNil(18), recentIssue: try r.bool(19), touches30d: try r.int(20),
            productInterest: try r.string(21), churned: try r.boolOrNil(22), futureSpend: try r.doubleOrNil(23),
            churnLogit: try r.doubleOrNil(24), name: try r.stringOrNil(25),
            visitWindow: Self.window(try r.intOrNil(26), try r.intOrNil(27), try r.intOrNil(28)), domain: try r.stringOrNil(29))
    }

    private static func window(_ opens: Int?, _ closes: Int?, _ minutes: Int?) -> VisitWindow? {
        opens == nil && closes == nil && minutes == nil ? nil : VisitWindow(opens: opens, closes: closes, minutes: minutes)
    }
}

package struct RepRows: DatasetRows {
    package static let table = "rep"
    package static let columns = 9
    package var dataset: Int64
    package var reps: [Rep]
    package var count: Int { reps.count }

    package func bind<B: RowBinding>(_ b: inout B, row: Int) throws(StoreError) {
        let r = reps[row]
        try b.bind(1, dataset); try b.bind(2, row); try b.bind(3, r.id); try b.bind(4, r.name)
        try b.bind(5, r.homeLat); try b.bind(6, r.homeLon); try b.bind(7, r.dayStartMinute)
        try b.bind(8, r.dayEndMinute); try b.bind(9, r.workingDays)
    }
}

package struct RepDecoder: DatasetDecoder {
    package let select = """
        SELECT id, name, home_lat, home_lon, day_start, day_end, working_days
        FROM rep WHERE dataset_id = ? ORDER BY "row"
        """

    package func decode<R: RowReading>(_ r: R) throws(StoreError) -> Rep {
        Rep(id: try r.string(0), name: try r.string(1), homeLat: try r.double(2), homeLon: try r.double(3),
            dayStartMinute: try r.int(4), dayEndMinute: try r.int(5), workingDays: try r.int(6))
    }
}

package struct TicketRows: DatasetRows {
    package static let table = "ticket"
    package static let columns = 16
    package var dataset: Int64
    package var tickets: [Ticket]
    package var count: Int { tickets.count }

    @inline(__always)
    package func bind<B: RowBinding>(_ b: inout B, row: Int) throws(StoreError) {
        let t = tickets[row]
        try b.bind(1, dataset); try b.bind(2, row); try b.bind(3, t.id); try b.bind(4, t.createdAt)
        try b.bind(5, t.priority); try b.bind(6, t.channel); try b.bind(7, t.type); try b.bind(8, t.product)
        try b.bind(9, t.status); try b.bind(10, t.firstResponseAt); try b.bind(11, t.resolvedAt)
        try b.bind(12, t.customerKey); try b.bind(13, t.satisfaction); try b.bind(14, t.subject)
        try b.bind(15, t.state.rawValue); try b.bind(16, t.requesterEmail)
    }
}

/// `statuses` gives the meaning of rows saved before meanings were stored.
package struct TicketDecoder: DatasetDecoder {
    package var statuses: StatusMapping
    package let select = """
        SELECT id, created_at, priority, channel, type, product, status, first_response_at, resolved_at,
               customer_key, satisfaction, subject, state, requester_email
        FROM ticket WHERE dataset_id = ? ORDER BY "row"
        """

    @inline(__always)
    package func decode<R: RowReading>(_ r: R) throws(StoreError) -> Ticket {
        let status = try r.string(6), resolved = try r.int64OrNil(8)
        let state = try r.stringOrNil(12).flatMap(TicketState.init(rawValue:)) ?? statuses.state(of: status, resolved: resolved != nil)
        return Ticket(
            id: try r.string(0), createdAt: try r.int64(1), priority: try r.string(2), channel: try r.string(3),
            type: try r.string(4), product: try r.string(5), status: status, state: state,
            firstResponseAt: try r.int64OrNil(7), resolvedAt: resolved, customerKey: try r.stringOrNil(9),
            satisfaction: try r.doubleOrNil(10), subject: try r.stringOrNil(11), requesterEmail: try r.stringOrNil(13))
    }
}

extension Store {
    /// A dataset's rows in bulk: SQLite's batched INSERT, PostgreSQL's COPY. Generic over the
    /// rows, so each table's binding is compiled for each database, not dispatched per value.
    package static func insertRows<R: DatasetRows>(_ s: any StoreSession, _ rows: R, what: String) throws {
        if let s = s as? SQLiteSession {
            try SQLiteRowBinder.insertRows(s.db, rows, what: what)
        } else if let s = s as? PostgresSession {
            try s.copy(rows, what: what)
        } else {
            throw StoreError("\(what): no bulk path for this database")
        }
    }

    /// A dataset's rows read in order, each decoded where the database hands it over.
    package static func readRows<D: DatasetDecoder>(_ s: any StoreSession, _ decoder: D, dataset: Int64,
                                                    what: String) throws -> [D.Value] {
        if let s = s as? SQLiteSession {
            // The reader holds the raw handle only: the statement must outlive the loop.
            let statement = try s.db.makeStatement(sql: decoder.select)
            var r = SQLiteRowReader(statement, what: what)
            try r.bind(1, dataset)
            var out: [D.Value] = []
            while try r.next() { out.append(try decoder.decode(r)) }
            withExtendedLifetime(statement) {}
            return out
        } else if let s = s as? PostgresSession {
            return try s.decodeRows(decoder, dataset: dataset, what: what)
        }
        throw StoreError("\(what): no bulk path for this database")
    }
}
