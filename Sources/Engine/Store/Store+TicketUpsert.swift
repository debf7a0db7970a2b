import GRDB
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

    /// A new tickets dataset holding a copy of `base`'s rows (not its extra columns, whose
    /// column blobs cannot grow by a row), named for what follows it. One statement in SQLite.
    public func liveTicketDataset(copying base: Int64, source: String) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("starting the followed tickets dataset") { db in
            guard let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket WHERE dataset_id = ?", arguments: [base]) else {
                throw StoreError("tickets dataset \(base) is not in the store")
            }
            try db.execute(sql: "INSERT INTO dataset (kind, source, created_at, row_count, gate_report, generated) VALUES ('tickets',?,?,?,?,0)",
                           arguments: [source, WallClock.text(), count, "followed; copied from tickets dataset \(base)"])
            let id = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO ticket (dataset_id, row, id, created_at, priority, channel, type, product, status, first_response_at,
                                    resolved_at, customer_key, satisfaction, subject, state, requester_email)
                SELECT ?, row, id, created_at, priority, channel, type, product, status, first_response_at,
                       resolved_at, customer_key, satisfaction, subject, state, requester_email
                FROM ticket WHERE dataset_id = ?
                """, arguments: [id, base])
            return id
        }
    }

    /// Writes `tickets` into `dataset` by id, in one transaction: a known id's row is updated
    /// in place (its row number, so its position, stays), a new id is appended.
    @discardableResult
    public func upsertTickets(_ tickets: [Ticket], dataset: Int64) throws(StoreError) -> TicketUpsert {
        guard !tickets.isEmpty else { return TicketUpsert() }
        return try write("upserting \(tickets.count) tickets") { db in
            var done = TicketUpsert()
            let update = try db.makeStatement(sql: """
                UPDATE ticket SET created_at = ?, priority = ?, channel = ?, type = ?, product = ?, status = ?,
                    first_response_at = ?, resolved_at = ?, customer_key = ?, satisfaction = ?, subject = ?, state = ?,
                    requester_email = ?
                WHERE dataset_id = ? AND id = ?
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO ticket (dataset_id, row, id, created_at, priority, channel, type, product, status,
                                    first_response_at, resolved_at, customer_key, satisfaction, subject, state, requester_email)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            var next = (try Int.fetchOne(db, sql: "SELECT MAX(row) FROM ticket WHERE dataset_id = ?", arguments: [dataset]) ?? -1) + 1
            for t in tickets {
                let values: [DatabaseValue] = [t.createdAt.databaseValue, t.priority.databaseValue, t.channel.databaseValue,
                    t.type.databaseValue, t.product.databaseValue, t.status.databaseValue,
                    t.firstResponseAt?.databaseValue ?? .null, t.resolvedAt?.databaseValue ?? .null,
                    t.customerKey?.databaseValue ?? .null, t.satisfaction?.databaseValue ?? .null, t.subject?.databaseValue ?? .null,
                    t.state.rawValue.databaseValue, t.requesterEmail?.databaseValue ?? .null]
                try update.execute(arguments: StatementArguments(values + [dataset.databaseValue, t.id.databaseValue]))
                if db.changesCount > 0 { done.updated += 1; continue }
                try insert.execute(arguments: StatementArguments([dataset.databaseValue, next.databaseValue, t.id.databaseValue] + values))
                next += 1
                done.inserted += 1
            }
            if done.inserted > 0 {
                try db.execute(sql: "UPDATE dataset SET row_count = row_count + ? WHERE id = ?", arguments: [done.inserted, dataset])
            }
            return done
        }
    }
}

extension StoreMigrations {
    /// Issue 19, item 2: a followed file upserts tickets by id, so each dataset's ids are indexed.
    package static func registerTicketIds(_ m: inout DatabaseMigrator) {
        m.registerMigration("v7-ticket-ids") { db in
            try db.execute(sql: "CREATE INDEX ticket_id ON ticket(dataset_id, id)")
        }
    }
}
