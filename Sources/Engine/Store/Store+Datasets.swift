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
                               then more: ((any StoreSession, Int64) throws -> Void)?) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("saving customers") { s in
            let id = try Self.insertDataset(s, kind: "customers", source: source, count: customers.count, report: report,
                                            generated: generated)
            try Self.insertRows(s, CustomerRows(dataset: id, customers: customers), what: "saving customers")
            try more?(s, id)
            return id
        }
    }

    @discardableResult
    public func saveReps(_ reps: [Rep], source: String, report: String = "", generated: Bool = false) throws(StoreError) -> Int64 {
        try writeRowsOfNewDataset("saving reps") { s in
            let id = try Self.insertDataset(s, kind: "reps", source: source, count: reps.count, report: report, generated: generated)
            try Self.insertRows(s, RepRows(dataset: id, reps: reps), what: "saving reps")
            return id
        }
    }

    @discardableResult
    public func saveTickets(_ tickets: [Ticket], extras: CustomerExtras? = nil, source: String, report: String = "",
                            generated: Bool = false) throws(StoreError) -> Int64 {
        if let extras, !extras.isEmpty, extras.rowCount != tickets.count {
            throw StoreError("extra columns have \(extras.rowCount) rows for \(tickets.count) tickets")
        }
        return try writeRowsOfNewDataset("saving tickets") { s in
            let id = try Self.insertDataset(s, kind: "tickets", source: source, count: tickets.count, report: report,
                                            generated: generated)
            try Self.insertTicketBlocks(s, tickets, dataset: id)
            if let extras, !extras.isEmpty { try Self.insertExtras(s, extras, dataset: id) }
            return id
        }
    }

    private static func insertDataset(_ s: any StoreSession, kind: String, source: String, count: Int, report: String,
                                      generated: Bool) throws -> Int64 {
        try s.insertReturningId("INSERT INTO dataset (kind, source, created_at, row_count, gate_report, generated) VALUES (?,?,?,?,?,?)",
                                kind, source, WallClock.text(), count, report, generated)
    }

    /// Datasets, newest first, optionally of one kind.
    public func datasets(kind: String? = nil) throws(StoreError) -> [DatasetInfo] {
        try read("listing datasets") { s in
            try s.rows("SELECT * FROM dataset \(kind == nil ? "" : "WHERE kind = ?") ORDER BY id DESC", kind.map { [.text($0)] } ?? [])
                .map(Self.datasetInfo)
        }
    }

    private static func datasetInfo(_ r: SQLRow) throws(StoreError) -> DatasetInfo {
        DatasetInfo(id: try r.int64("id"), kind: try r.string("kind"), source: try r.string("source"),
                    createdAt: try r.string("created_at"), rowCount: try r.int("row_count"), gateReport: try r.string("gate_report"),
                    generated: try r.bool("generated"))
    }

    public func latestDataset(kind: String) throws(StoreError) -> DatasetInfo? { try datasets(kind: kind).first }

    public func dataset(id: Int64) throws(StoreError) -> DatasetInfo? {
        try read("reading dataset \(id)") { s in try s.row("SELECT * FROM dataset WHERE id = ?", id).map(Self.datasetInfo) }
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
        try read("loading customers") { s in try Self.readRows(s, CustomerDecoder(), dataset: dataset, what: "loading customers") }
    }

    public func reps(dataset: Int64) throws(StoreError) -> [Rep] {
        try read("loading reps") { s in try Self.readRows(s, RepDecoder(), dataset: dataset, what: "loading reps") }
    }

    /// `statuses` gives the meaning of rows saved before meanings were stored.
    public func tickets(dataset: Int64, statuses: StatusMapping = StatusMapping()) throws(StoreError) -> [Ticket] {
        try read("loading tickets") { s in try Self.readTickets(s, dataset: dataset, statuses: statuses) }
    }

    /// A tickets dataset as saved: its column blocks, else (saved before blocks, or followed) its rows.
    package static func readTickets(_ s: any StoreSession, dataset: Int64, statuses: StatusMapping) throws -> [Ticket] {
        let blocks = try s.rows("SELECT block, row_count FROM ticket_block WHERE dataset_id = ? ORDER BY block", dataset)
        guard !blocks.isEmpty else {
            return try readRows(s, TicketDecoder(statuses: statuses), dataset: dataset, what: "loading tickets")
        }
        var out: [Ticket] = []
        out.reserveCapacity(try blocks.reduce(0) { n, b throws(StoreError) in n + max(0, try b.int("row_count")) })
        // One blob held at a time: a large desk's blocks are read one after the other.
        for b in blocks {
            let block = try b.int64("block"), count = try b.int("row_count")
            guard let data = try s.row("SELECT data FROM ticket_block WHERE dataset_id = ? AND block = ?", dataset, block) else {
                throw StoreError("block \(block) of tickets dataset \(dataset) went missing while it was read")
            }
            let tickets: [Ticket]
            do { tickets = try TicketBlock.tickets(try data.bytes("data")) } catch {
                throw StoreError("block \(block) of tickets dataset \(dataset) is unreadable: \(error)")
            }
            guard tickets.count == count else {
                throw StoreError("block \(block) of tickets dataset \(dataset) holds \(tickets.count) tickets where \(count) were saved")
            }
            out.append(contentsOf: tickets)
        }
        return out
    }

    /// Saves tickets as column blocks of `TicketBlock.rows` each, encoded one at a time.
    package static func insertTicketBlocks(_ s: any StoreSession, _ tickets: [Ticket], dataset: Int64) throws {
        for (k, start) in stride(from: 0, to: tickets.count, by: TicketBlock.rows).enumerated() {
            let slice = tickets[start..<min(tickets.count, start + TicketBlock.rows)]
            try s.execute("INSERT INTO ticket_block (dataset_id, block, row_count, data) VALUES (?,?,?,?)",
                          dataset, k, slice.count, TicketBlock.bytes(of: slice))
        }
    }

    /// Whether a tickets dataset is saved as column blocks (so it cannot be edited by id).
    package static func hasTicketBlocks(_ s: any StoreSession, dataset: Int64) throws -> Bool {
        try s.row("SELECT COUNT(*) AS n FROM ticket_block WHERE dataset_id = ?", dataset)?.int("n") ?? 0 > 0
    }
}
