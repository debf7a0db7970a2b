import GRDB
import Testing
import Core
import Store

/// Issue 21: a tickets dataset is saved as blocks of columns (`TicketBlock`). Every value must
/// come back as it went in, whichever way a column is stored, and damaged bytes must be an
/// error, never a crash.
@Suite struct TicketBlockTests {
    static let edge = StoreDatasetBindingTests.edgeTickets

    @Test func theDesksEdgeTicketsComeBackAsTheyWere() throws {
        let tickets = Self.edge + Self.edge.reversed()
        #expect(try TicketBlock.tickets(TicketBlock.bytes(of: tickets[...])) == tickets)
        #expect(try TicketBlock.tickets(TicketBlock.bytes(of: [][...])) == [])
    }

    /// Ids and e-mail addresses have too many values for a dictionary and are stored plain;
    /// a few hundred labels take two-byte codes; an optional column mixes values and none.
    @Test func everyKindOfTextColumnRoundTrips() throws {
        let n = TicketBlock.dictionaryLimit + 50
        let tickets = (0..<n).map { (i: Int) -> Ticket in
            let resolved: Int64? = i % 5 == 0 ? Int64(i) * 61 : nil
            let response: Int64? = i % 3 == 0 ? nil : Int64(i)
            let rating: Double? = i % 4 == 0 ? Double(i % 5) + 0.5 : nil
            let customer: String? = i % 7 == 0 ? nil : "acct-\(i % 977)"
            let subject: String? = i % 2 == 0 ? nil : "Printer 東京 #\(i)\t"
            let email: String? = i % 11 == 0 ? "" : "u\(i)@example.org"
            return Ticket(id: "INC\(i)", createdAt: Int64(i) * 60, priority: "P\(i % 300)", channel: i % 2 == 0 ? "Portal" : "Téléphone",
                          type: "", product: "Ωmega", status: "Waiting on Customer", state: TicketState.allCases[i % 4],
                          firstResponseAt: response, resolvedAt: resolved, customerKey: customer, satisfaction: rating,
                          subject: subject, requesterEmail: email)
        }
        #expect(try TicketBlock.tickets(TicketBlock.bytes(of: tickets[...])) == tickets)
        // A slice in the middle is a block of its own.
        #expect(try TicketBlock.tickets(TicketBlock.bytes(of: tickets[17..<301])) == Array(tickets[17..<301]))
    }

    @Test func aDamagedBlockIsAnErrorNeverACrash() throws {
        let bytes = TicketBlock.bytes(of: Self.edge[...])
        for cut in 0..<bytes.count {
            #expect(throws: StoreError.self) { try TicketBlock.tickets(Array(bytes.prefix(cut))) }
        }
        #expect(throws: StoreError.self) { try TicketBlock.tickets(bytes + [0]) }
        var rng = SeededRNG(seed: 21)
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[rng.int(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.int(below: 256))
            _ = try? TicketBlock.tickets(damaged)  // either an error or tickets: it must return
        }
    }

    /// More tickets than one block: saved as two blocks and no rows, read back in order; a
    /// dataset saved row by row before blocks still loads.
    @Test func aLargeDatasetIsAFewBlocksAndRowsStillLoad() throws {
        let tickets = StoreDatasetBindingTests.many(Self.edge, count: TicketBlock.rows + 7) { $0.id = $1 }
        let store = try Store.inMemory()
        let id = try store.saveTickets(tickets, source: "two blocks")
        #expect(try store.tickets(dataset: id) == tickets)
        let (blocks, rows) = try #require(store.sqlite).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket_block WHERE dataset_id = ?", arguments: [id]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket WHERE dataset_id = ?", arguments: [id]))
        }
        #expect(blocks == 2 && rows == 0)
        let legacy = try store.liveTicketDataset(copying: id, source: "rows")
        #expect(try store.tickets(dataset: legacy) == tickets)
        #expect(try store.dataset(id: legacy)?.rowCount == tickets.count)
    }

    @Test func aDamagedBlockInTheStoreNamesTheBlockAndTheDataset() throws {
        let store = try Store.inMemory()
        let id = try store.saveTickets(Self.edge, source: "edge")
        try #require(store.sqlite).write { db in
            try db.execute(sql: "UPDATE ticket_block SET data = substr(data, 1, 40) WHERE dataset_id = ?", arguments: [id])
        }
        #expect { try store.tickets(dataset: id) } throws: {
            ($0 as? StoreError)?.message.hasPrefix("block 0 of tickets dataset \(id) is unreadable: a ticket block is ") == true
        }
    }
}
