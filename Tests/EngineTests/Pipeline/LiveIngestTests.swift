import Foundation
import Testing
import OpsDeckTestSupport
import Core
import Support
import Store
import Pipeline

/// A followed export (issue 19, item 2): appended rows upsert exactly those tickets, a
/// rewritten file passes on only what changed, a refused row keeps the last good state with
/// its place named, and a new file in a followed folder is read; Zendesk and Freshdesk names.
@Suite struct LiveIngestTests {
    /// A store holding a vendor fixture's tickets, the run's snapshot and live model, and a
    /// follow of a copy of the fixture (in a folder of its own).
    struct Desk {
        let store: Store
        let dataset: Int64
        let ingest: LiveIngest
        let file: String
        let folder: String
        let header: [String]
        let policy: SLAPolicy
    }

    static func desk(_ fixture: String, followFolder: Bool = false) throws -> Desk {
        let policy = try SLAPolicy.parse("priority.default = normal\n")
        let source = VendorFixtures.path(fixture)
        let options = TicketCSV.Options(statuses: policy.statusMapping)
        let read = try TicketCSV.read(path: source, options: options)
        let analysis = try Pipeline.supportAnalysis(tickets: read.tickets, policy: policy, seed: 7)
        let store = try Store.inMemory()
        let base = try store.saveTickets(read.tickets, source: source)
        let dataset = try store.liveTicketDataset(copying: base, source: "follow test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-follow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/" + fixture
        try FileManager.default.copyItem(atPath: source, toPath: file)
        let reader = LiveIngestReader(path: followFolder ? folder : file, options: options,
                                      known: try store.tickets(dataset: dataset, statuses: policy.statusMapping))
        let ingest = LiveIngest(snapshot: SupportSnapshot(analysis), model: LiveBreachModel(analysis), curves: SLAClockCurves(analysis), reader: reader,
                                store: store, dataset: dataset)
        let header = try CSVReader(path: source).strings(afterNext: true)
        return Desk(store: store, dataset: dataset, ingest: ingest, file: file, folder: folder, header: header, policy: policy)
    }

    /// One CSV row in `header`'s columns; fields not given are empty.
    static func row(_ header: [String], _ values: [String: String]) -> String {
        header.map { values[$0] ?? "" }.joined(separator: ",") + "\n"
    }

    static func append(_ text: String, to path: String) throws {
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data(text.utf8))
        try h.close()
    }

    static func zendesk(_ id: String, status: String, created: String = "2024-03-30 10:00:00", solved: String = "",
                        priority: String = "High") -> [String: String] {
        ["Id": id, "Requester email": "ana@example.org", "Group": "Tier 1", "Subject": "Live row", "Status": status,
         "Priority": priority, "Via": "Mail", "Ticket type": "Incident", "Created at": created, "Solved at": solved]
    }

    static func ranked(_ rows: [SupportSnapshot.QueueRow]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { $0.expectedLoss >= $1.expectedLoss }
    }

    @Test func appendedRowsUpsertExactlyThoseTickets() throws {
        let d = try Self.desk("zendesk_tickets_export.csv")
        let first = try d.ingest.poll()
        #expect(first.changed == 0, "the file as imported changes nothing")
        #expect(first.errors.isEmpty)
        let before = try d.store.tickets(dataset: d.dataset)
        let queued = d.ingest.snapshot.rows
        let open48227 = try #require(queued.first { $0.id == "48227" })
        #expect(queued.contains { $0.id == "48238" })

        try Self.append(Self.row(d.header, Self.zendesk("99001", status: "Open", priority: "Urgent"))
                        + Self.row(d.header, Self.zendesk("48227", status: "On-hold", created: "2024-03-19 07:36:57", priority: "Urgent"))
                        + Self.row(d.header, Self.zendesk("48238", status: "Solved", created: "2024-03-01 09:00:00",
                                                           solved: "2024-03-02 09:00:00", priority: "Low")), to: d.file)
        let o = try d.ingest.poll()
        #expect(o.errors.isEmpty)
        #expect(o.changed == 3)
        #expect(o.inserted == 1 && o.updated == 2)
        #expect(o.fullReads.isEmpty, "an append is read from where the follow stopped")
        #expect(o.added == 1 && o.left == 1 && o.rescored == 1)

        let after = try d.store.tickets(dataset: d.dataset)
        #expect(after.count == before.count + 1)
        #expect(after.last?.id == "99001")
        // Ids keep their rows: the changed tickets are updated in place.
        let at = try #require(before.firstIndex { $0.id == "48227" })
        #expect(after[at].id == "48227" && after[at].state == .onHold)
        #expect(after.first { $0.id == "48238" }?.state == .solved)
        #expect(after.filter { $0.id != "48227" && $0.id != "48238" && $0.id != "99001" } == before.filter { $0.id != "48227" && $0.id != "48238" })

        let rows = d.ingest.snapshot.rows
        #expect(rows.count == queued.count)  // one new, one solved
        #expect(!rows.contains { $0.id == "48238" })
        let held = try #require(rows.first { $0.id == "48227" })
        #expect(held.state.paused && held.ticketState == .onHold)
        #expect(held.probabilityAtArrival == open48227.probabilityAtArrival, "the same arrival keeps its score")
        let new = try #require(rows.first { $0.id == "99001" })
        #expect(new.probabilityAtArrival > 0 && new.probabilityAtArrival < 1)
        #expect(d.ingest.hasModel, "scored by the run's breach model")
        #expect(Self.ranked(rows))
        #expect(try d.ingest.poll().changed == 0, "nothing read twice")
    }

    @Test func rewrittenOrTruncatedFilePassesOnOnlyChangedRows() throws {
        let d = try Self.desk("zendesk_tickets_export.csv")
        _ = try d.ingest.poll()
        let text = try String(contentsOfFile: d.file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Keep the header and the first 20 rows; 48232 (New → Open) is rewritten in place.
        lines = Array(lines.prefix(21))
        let k = try #require(lines.firstIndex { $0.hasPrefix("4,48221,") || $0.contains(",48232,") })
        lines[k] = lines[k].replacingOccurrences(of: ",New,", with: ",Open,").replacingOccurrences(of: ",Pending,", with: ",Open,")
        try (lines.joined(separator: "\n") + "\n").write(toFile: d.file, atomically: false, encoding: .utf8)
        let o = try d.ingest.poll()
        #expect(o.fullReads == [d.file])
        #expect(o.errors.isEmpty)
        #expect(o.changed == 1, "only the row whose content changed")
        #expect(o.inserted == 0 && o.updated == 1)
        #expect(Self.ranked(d.ingest.snapshot.rows))
        // Then it grows again from the new end.
        try Self.append(Self.row(d.header, Self.zendesk("99002", status: "New")), to: d.file)
        let grown = try d.ingest.poll()
        #expect(grown.changed == 1 && grown.inserted == 1 && grown.fullReads.isEmpty)
        #expect(d.ingest.snapshot.rows.contains { $0.id == "99002" })
    }

    @Test func badRowMidStreamKeepsTheLastGoodState() throws {
        let d = try Self.desk("zendesk_tickets_export.csv")
        _ = try d.ingest.poll()
        let lines = try String(contentsOfFile: d.file, encoding: .utf8).split(separator: "\n").count
        let held = try #require(d.ingest.snapshot.rows.first { $0.id == "48227" })
        try Self.append(Self.row(d.header, Self.zendesk("99003", status: "Open"))
                        + Self.row(d.header, Self.zendesk("48227", status: "Solved", created: "yesterday-ish")), to: d.file)
        let o = try d.ingest.poll()
        #expect(o.errors.count == 1)
        let error = try #require(o.errors.first)
        // file:line:column: what was expected — the bad row is the file's line lines + 2.
        #expect(error.hasPrefix("\(d.file):\(lines + 2):"))
        #expect(error.contains("yesterday-ish"))
        #expect(o.changed == 1, "the good row of the chunk still applies")
        #expect(d.ingest.snapshot.rows.first { $0.id == "48227" } == held, "the refused row changes nothing")
        #expect(try d.store.tickets(dataset: d.dataset).first { $0.id == "48227" }?.state != .solved)

        // A broken record (a row of the wrong width) refuses the whole chunk, and stays refused.
        try Self.append(Self.row(d.header, Self.zendesk("99004", status: "Open")) + "99005,only,three\n", to: d.file)
        let broken = try d.ingest.poll()
        #expect(broken.changed == 0)
        #expect(broken.errors.count == 1)
        #expect(!d.ingest.snapshot.rows.contains { $0.id == "99004" })
        #expect(try d.ingest.poll().errors.count == 1)
        // A writer mid-record (a quote not yet closed) is waited for, not refused.
        let waiting = try Self.desk("zendesk_tickets_export.csv")
        _ = try waiting.ingest.poll()
        try Self.append("99006,\"still being written\n", to: waiting.file)
        #expect(try waiting.ingest.poll().errors.isEmpty)
    }

    @Test func folderWithANewFreshdeskFile() throws {
        let d = try Self.desk("freshdesk_tickets.csv", followFolder: true)
        let first = try d.ingest.poll()
        #expect(first.changed == 0 && first.errors.isEmpty)
        let rows = d.ingest.snapshot.rows.count
        let values = ["Ticket ID": "7001", "Subject": "New from Freshdesk", "Status": "Open", "Priority": "High", "Source": "Email",
                      "Type": "Incident", "Group": "Tier 2 Support", "Created time": "2024-03-30 08:00:00", "Product": "OpsDeck Cloud",
                      "Full name": "Ana Pérez", "Contact ID": "43000100999"]
        try (d.header.joined(separator: ",") + "\n" + Self.row(d.header, values))
            .write(toFile: d.folder + "/later.csv", atomically: false, encoding: .utf8)
        let o = try d.ingest.poll()
        #expect(o.fullReads == [d.folder + "/later.csv"])
        #expect(o.errors.isEmpty)
        #expect(o.changed == 1 && o.inserted == 1)
        let new = try #require(d.ingest.snapshot.rows.first { $0.id == "7001" })
        #expect(new.priority == "High" && new.channel == "Email")
        #expect(d.ingest.snapshot.rows.count == rows + 1)
        #expect(Self.ranked(d.ingest.snapshot.rows))
    }

    @Test func mergeInPlaceKeepsRankAndTies() throws {
        let d = try Self.desk("zendesk_tickets_export.csv")
        let template = try #require(d.ingest.snapshot.rows.first)
        func rows(_ xs: [(String, Double)]) -> [SupportSnapshot.QueueRow] {
            xs.map { var r = template; r.id = $0.0; r.expectedLoss = $0.1; return r }
        }
        var a = rows([("a", 9), ("b", 7), ("c", 5), ("d", 5), ("e", 1)])
        LiveIngest.merge(&a, skipping: [false, true, false, false, true], rows([("x", 10), ("y", 5), ("z", 0)]))
        #expect(a.map(\.id) == ["x", "a", "c", "d", "y", "z"])
        var empty = rows([("a", 1)])
        LiveIngest.merge(&empty, skipping: [true], [])
        #expect(empty.isEmpty)
    }

    @Test func liveModelRoundTripsAsAnArtifact() throws {
        let policy = try SLAPolicy.parse("priority.default = normal\n")
        let read = try TicketCSV.read(path: VendorFixtures.path("zendesk_tickets_export.csv"), options: .init(statuses: policy.statusMapping))
        let analysis = try Pipeline.supportAnalysis(tickets: read.tickets, policy: policy, seed: 7)
        let model = try #require(LiveBreachModel(analysis))
        let back = try LiveBreachModel.decode(model.encoded())
        #expect(back.encoded() == model.encoded())
        let open = read.tickets.filter { !$0.isResolved }
        #expect(try back.score(open, backlog: open.count).probability == (try model.score(open, backlog: open.count).probability))
        // Each customer's history is its tickets and breaches in the analysis.
        var direct: [String: [Int32]] = [:]
        for (i, t) in analysis.tickets.enumerated() {
            guard let key = t.customerKey, !key.isEmpty else { continue }
            let counts = direct[key] ?? [0, 0]
            direct[key] = [counts[0] + 1, counts[1] + (analysis.labels[i] == 1 ? 1 : 0)]
        }
        #expect(!direct.isEmpty && direct.values.contains { $0[1] > 0 })
        #expect(model.customers.mapValues { [$0.tickets, $0.breaches] } == direct)
        #expect(back.customers == model.customers)
    }
}

extension CSVReader {
    /// The first record's fields (the header).
    func strings(afterNext: Bool) throws -> [String] {
        guard try next() else { return [] }
        return strings
    }
}
