import Foundation
import Testing
import Core
import Learning
import OpsDeckTestSupport
import Pipeline
import Store
import Support
import Synthetic

/// Issue 20: every store operation gives the same answers in SQLite and PostgreSQL. Each test
/// runs on a fresh SQLite file and, when a server is there (`OPSDECK_TEST_PG`), on a fresh
/// PostgreSQL database; the PostgreSQL-only behaviour is in `StorePostgresTests`.
@Suite struct StoreBackendTests {
    /// Rows with what COPY's text format and binds must carry exactly: tabs, newlines,
    /// backslashes, quotes, `\N` as text, empty and missing values, non-ASCII, extreme reals.
    static func hostileCustomers() -> [Customer] {
        var customers = CustomerGenerator(seed: 5).generate(count: 120)
        let texts = ["a\tb", "line\nbreak\r\n", "back\\slash \\N", "quote ' \" ;", "", "Sant Adrià de Besòs — 東京 🚚", "\\"]
        for (i, t) in texts.enumerated() {
            customers[i].name = t
            customers[i].industry = t
            customers[i].domain = i % 2 == 0 ? nil : t
        }
        customers[7].csat = nil
        customers[8].amount = 1e-300
        customers[9].lifetimeValue = 123456789.123456789
        customers[10].futureSpend = -0.0
        customers[11].churnLogit = .infinity
        customers[12].lat = 41.387_012_345_678_91
        customers[13].visitWindow = VisitWindow(opens: 480, closes: nil, minutes: 45)
        customers[14].preferredChannel = nil
        return customers
    }

    @Test func datasetsRoundTripIdenticallyOnBothBackends() throws {
        let customers = Self.hostileCustomers()
        let reps = RepGenerator(seed: 5).generate(count: 6, customers: customers)
        var tickets = TicketGenerator(seed: 5, days: 12).generate(count: 700, customers: customers)
        tickets[0].subject = "tab\there\nand a newline \\ and \\N"
        tickets[1].customerKey = nil
        tickets[2].satisfaction = nil
        let codes = tickets.indices.map { Int32($0 % 3) }
        let extras = CustomerExtras(columns: [RawTable.Column(name: "group", values: ["Tier 1", "Billing", "Tier\t2"],
                                                               counts: (0..<3).map { k in codes.filter { $0 == k }.count }, codes: codes)],
                                    rowCount: tickets.count)
        for (kind, path) in try StoreBackends.places("datasets") {
            let store = try Store(path: path)
            let c = try store.saveCustomers(customers, source: "hostile \(kind)")
            let r = try store.saveReps(reps, source: "reps")
            let t = try store.saveTickets(tickets, extras: extras, source: "tickets")
            let reopened = try Store(path: path)
            let back = try reopened.customers(dataset: c)
            #expect(back.count == customers.count, "\(kind)")
            // Infinity is the one value SQLite and PostgreSQL both keep; compare field by field.
            for (a, b) in zip(back, customers) { #expect(a == b, "\(kind): \(a.id)") }
            #expect(try reopened.reps(dataset: r) == reps, "\(kind)")
            #expect(try reopened.tickets(dataset: t) == tickets, "\(kind)")
            #expect(try reopened.customerExtras(dataset: t) == extras, "\(kind)")
            #expect(try reopened.datasets().map(\.kind) == ["tickets", "reps", "customers"], "\(kind)")
            #expect(try reopened.latestImport(kind: "customers")?.source == "hostile \(kind)", "\(kind)")
        }
    }

    @Test func runsAndArtifactsRoundTripAndStayImmutable() throws {
        for (kind, path) in try StoreBackends.places("runs") {
            let store = try Store(path: path)
            let blob = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let record = RunRecord(seed: UInt64.max - 3, config: PipelineConfig(seed: 1), customersDataset: nil, repsDataset: nil,
                                   ticketsDataset: nil, kpis: [], trace: Trace())
            let id = try store.saveRun(record, artifacts: ["b.bin": blob, "a.txt": Array("hello".utf8), "empty": []])
            let other = try Store(path: path)
            #expect(try other.artifact(run: id, name: "b.bin") == blob, "\(kind)")
            #expect(try other.artifact(run: id, name: "empty") == [], "\(kind)")
            #expect(try other.artifactNames(run: id) == ["a.txt", "b.bin", "empty"], "\(kind)")
            #expect(try other.storedRun(id: id)?.seed == UInt64.max - 3, "\(kind)")
            #expect(try other.latestRun()?.id == id, "\(kind)")
            let update = #expect(throws: StoreError.self, "\(kind)") {
                try store.write("changing a run") { s in try s.execute("UPDATE run SET seed = 2 WHERE id = ?", id) }
            }
            #expect(update?.message.contains("a saved run is immutable") == true, "\(kind): \(update?.message ?? "")")
            #expect(throws: StoreError.self, "\(kind)") {
                try store.write("deleting artifacts") { s in try s.execute("DELETE FROM artifact WHERE run_id = ?", id) }
            }
        }
    }

    @Test func theSecondManagerEscalatingATicketIsToldWhoGotThereFirst() throws {
        for (kind, path) in try StoreBackends.places("escalate") {
            let ana = try Store(path: path), bob = try Store(path: path)
            let actions = ["escalate", "de-escalate"]
            let first = try ana.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-7", exclusive: actions)
            let refused = #expect(throws: StoreError.self, "\(kind)") {
                try bob.recordDecision(run: nil, user: "bob", action: "escalate", subject: "T-7", exclusive: actions)
            }
            #expect(refused?.message == "T-7 is already escalated by ana at \(first.at); nothing recorded", "\(kind)")
            // Another ticket, and the same ticket once withdrawn, are decisions again.
            try bob.recordDecision(run: nil, user: "bob", action: "escalate", subject: "T-8", exclusive: actions)
            try bob.recordDecision(run: nil, user: "bob", action: "de-escalate", subject: "T-7", exclusive: actions)
            try ana.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-7", exclusive: actions)
            #expect(try ana.decisions(run: nil).map { "\($0.user) \($0.action) \($0.subject)" }
                    == ["ana escalate T-7", "bob escalate T-8", "bob de-escalate T-7", "ana escalate T-7"], "\(kind)")
            #expect(try ana.auditLog().filter { $0.event == "decision" }.count == 4, "\(kind)")
        }
    }

    @Test func anotherCommandCenterSeesNewDecisions() throws {
        for (kind, path) in try StoreBackends.places("feed") {
            let a = try Store(path: path), b = try Store(path: path)
            #expect(try b.decisionSequence() == 0, "\(kind)")
            let d = try a.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-3")
            // PostgreSQL announces it (NOTIFY); give the notice a moment to arrive.
            var seen = try b.decisionSequence()
            for _ in 0..<50 where seen < d.id {
                usleep(20_000)
                seen = try b.decisionSequence()
            }
            #expect(seen == d.id, "\(kind)")
            #expect(try b.decisions(after: 0, run: nil).map(\.subject) == ["T-3"], "\(kind)")
        }
    }

    @Test func alertsModelsMappingsAndFollowedTicketsBehaveAlike() throws {
        let customers = CustomerGenerator(seed: 2).generate(count: 30)
        let tickets = TicketGenerator(seed: 2, days: 5).generate(count: 50, customers: customers)
        func alert(_ ticket: String, _ rule: String) -> Alert {
            Alert(rule: rule, at: 100, input: AlertInput(ticket: ticket, priority: "High", status: "open", channel: "Email",
                                                        probability: 0.8, elapsed: 100, target: 3600, expectedLoss: 40, age: 100))
        }
        for (kind, path) in try StoreBackends.places("misc") {
            let a = try Store(path: path), b = try Store(path: path)
            #expect(try a.claimAlerts([alert("T-1", "late"), alert("T-2", "late")], run: nil, user: "ana").count == 2, "\(kind)")
            #expect(try b.claimAlerts([alert("T-1", "late"), alert("T-1", "big")], run: nil, user: "bob").map(\.rule) == ["big"], "\(kind)")
            #expect(try a.firedAlerts().count == 3, "\(kind)")

            try a.rememberMapping(ColumnMapping(["Org": "customer_key"]), kind: "tickets", header: ["Id", "Org"])
            try b.rememberMapping(ColumnMapping(["Org": "customer_id"]), kind: "tickets", header: ["Id", "Org"])
            #expect(try a.rememberedMapping(kind: "tickets", header: ["id", "org"])?.mapping.renames == ["Org": "customer_id"], "\(kind)")

            let base = try a.saveTickets(tickets, source: "export")
            let live = try a.liveTicketDataset(copying: base, source: "followed export")
            var changed = tickets[3]
            changed.status = "solved"
            var added = tickets[4]
            added.id = "NEW-1"
            #expect(try b.upsertTickets([changed, added], dataset: live) == Store.TicketUpsert(inserted: 1, updated: 1), "\(kind)")
            let after = try a.tickets(dataset: live)
            #expect(after.count == 51 && after[3].status == "solved" && after.last?.id == "NEW-1", "\(kind)")
            #expect(try a.dataset(id: live)?.rowCount == 51, "\(kind)")
            #expect(try a.tickets(dataset: base) == tickets, "\(kind): the run's own dataset is untouched")
            // A saved dataset is column blocks: a follow edits its copy, never the blocks.
            #expect { try b.upsertTickets([changed], dataset: base) } throws: { ($0 as? StoreError)?.message.contains("column blocks") == true }
        }
    }

    @Test func aReaderInsideItsSnapshotNeverBlocksASave() throws {
        for (kind, path) in try StoreBackends.places("snapshot") {
            let reader = try Store(path: path), writer = try Store(path: path)
            let record = RunRecord(seed: 1, config: PipelineConfig(seed: 1), customersDataset: nil, repsDataset: nil,
                                   ticketsDataset: nil, kpis: [], trace: Trace())
            try writer.saveRun(record, artifacts: [:])
            let (before, during, saved) = try reader.read("holding a snapshot") { s -> (Int, Int, Int64) in
                let before = try s.row("SELECT COUNT(*) AS n FROM run")?.int("n") ?? -1
                let id = try writer.saveRun(record, artifacts: ["x": [1, 2, 3]])  // must not wait for this read
                let during = try s.row("SELECT COUNT(*) AS n FROM run")?.int("n") ?? -1
                return (before, during, id)
            }
            #expect(before == 1 && during == 1, "\(kind): the snapshot does not move")
            #expect(try reader.latestRun()?.id == saved, "\(kind)")
        }
    }
}
