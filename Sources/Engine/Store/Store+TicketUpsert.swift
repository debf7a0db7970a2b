import Core

/// A followed help-desk export's changes, written by ticket id (issue 19, item 2). The
/// follow writes into a dataset of its own, copied once from the run's tickets, so the saved
/// run keeps the dataset it was computed on and a refit (`opsdeck run`, `R`) reads the live
/// one as the latest import.
extension Store {
    /// What one upsert did.
    public struct TicketUpsert: Sendable, Equatable {
        public var inserted: Int
        public var updated: Int
        public init(inserted: Int = 0, updated: Int = 0) { self.inserted = inserted; self.updated = updated }
    }

    /// A new tickets dataset holding a copy of `base`'s tickets as rows (a follow updates them
    /// by id; not its extra columns, whose column blobs cannot grow by a row), named for what
    /// follows it. A dataset saved as rows is copied in one statement.
    public func liveTicketDataset(copying base: Int64, source: String) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("starting the followed tickets dataset") { s in
            guard try s.row("SELECT id FROM dataset WHERE id = ? AND kind = 'tickets'", base) != nil else {
                throw StoreError("tickets dataset \(base) is not in the store")
            }
            let blocks = try Self.hasTicketBlocks(s, dataset: base)
            let copied = blocks ? try Self.readTickets(s, dataset: base, statuses: StatusMapping()) : []
            let count = blocks ? copied.count : try s.row("SELECT COUNT(*) AS n FROM ticket WHERE dataset_id = ?", base)?.int("n") ?? 0
            let id = try s.insertReturningId("""
                INSERT INTO dataset (kind, source, created_at, row_count, gate_report, generated) VALUES ('tickets',?,?,?,?,0)
                """, source, WallClock.text(), count, "followed; copied from tickets dataset \(base)")
            if blocks {
                try Self.insertRows(s, TicketRows(dataset: id, tickets: copied), what: "copying the followed tickets")
                return id
            }
            try s.execute("""
                INSERT INTO ticket (dataset_id, "row", id, created_at, priority, channel, type, product, status, first_response_at,
                                    resolved_at, customer_key, satisfaction, subject, state, requester_email)
                SELECT ?, "row", id, created_at, priority, channel, type, product, status, first_response_at,
                       resolved_at, customer_key, satisfaction, subject, state, requester_email
                FROM ticket WHERE dataset_id = ?
                """, id, base)
            return id
        }
    }

    /// Writes `tickets` into `dataset` by id, in one transaction: a known id's row is updated
    /// in place (its row number, so its position, stays), a new id is appended.
    @discardableResult
    public func upsertTickets(_ tickets: [Ticket], dataset: Int64) throws(StoreError) -> TicketUpsert {
        guard !tickets.isEmpty else { return TicketUpsert() }
        return try write("upserting \(tickets.count) tickets") { s in
            guard try !Self.hasTicketBlocks(s, dataset: dataset) else {
                throw StoreError("tickets dataset \(dataset) is saved as column blocks, which are not edited by id; follow a copy of it (liveTicketDataset)")
            }
            var done = TicketUpsert()
            let update = """
                UPDATE ticket SET created_at = ?, priority = ?, channel = ?, type = ?, product = ?, status = ?,
                    first_response_at = ?, resolved_at = ?, customer_key = ?, satisfaction = ?, subject = ?, state = ?,
                    requester_email = ?
                WHERE dataset_id = ? AND id = ?
                """
            let insert = """
                INSERT INTO ticket (dataset_id, "row", id, created_at, priority, channel, type, product, status,
                                    first_response_at, resolved_at, customer_key, satisfaction, subject, state, requester_email)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """
            var next = (try s.row("SELECT MAX(\"row\") AS last FROM ticket WHERE dataset_id = ?", dataset)?.intOrNil("last") ?? -1) + 1
            for t in tickets {
                let values: [SQLValue] = [t.createdAt.sqlValue, t.priority.sqlValue, t.channel.sqlValue, t.type.sqlValue,
                    t.product.sqlValue, t.status.sqlValue, t.firstResponseAt.sqlValue, t.resolvedAt.sqlValue,
                    t.customerKey.sqlValue, t.satisfaction.sqlValue, t.subject.sqlValue, t.state.rawValue.sqlValue,
                    t.requesterEmail.sqlValue]
                if try s.execute(update, values + [.int(dataset), .text(t.id)]) > 0 { done.updated += 1; continue }
                try s.execute(insert, [.int(dataset), .int(Int64(next)), .text(t.id)] + values)
                next += 1
                done.inserted += 1
            }
            if done.inserted > 0 {
                try s.execute("UPDATE dataset SET row_count = row_count + ? WHERE id = ?", done.inserted, dataset)
            }
            return done
        }
    }
}
