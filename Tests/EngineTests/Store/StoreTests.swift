import Testing
#if canImport(Glibc)
import Glibc
#endif
import Core
import Synthetic
import Store
import Pipeline

@Suite struct StoreTests {
    @Test func datasetsRoundTrip() throws {
        let store = try Store.inMemory()
        let customers = CustomerGenerator(seed: 8).generate(count: 300)
        let reps = RepGenerator(seed: 8).generate(count: 5, customers: customers)
        let tickets = TicketGenerator(seed: 8, days: 10).generate(count: 400, customers: customers)
        let c = try store.saveCustomers(customers, source: "test")
        let r = try store.saveReps(reps, source: "test")
        let t = try store.saveTickets(tickets, source: "test")
        #expect(try store.customers(dataset: c) == customers)
        #expect(try store.reps(dataset: r) == reps)
        #expect(try store.tickets(dataset: t) == tickets)
        #expect(try store.latestDataset(kind: "tickets")?.rowCount == 400)
    }

    @Test func savedRunsAreImmutable() throws {
        let store = try Store.inMemory()
        let id = try store.saveRun(RunRecord(seed: 1, config: PipelineConfig(seed: 1), customersDataset: nil, repsDataset: nil,
                                             ticketsDataset: nil, kpis: [], trace: Trace()),
                                   artifacts: ["a.txt": Array("hello".utf8)])
        #expect(try store.artifact(run: id, name: "a.txt") == Array("hello".utf8))
        #expect(throws: (any Error).self) {
            try #require(store.sqlite).write { db in try db.execute(sql: "UPDATE run SET seed = 2 WHERE id = ?", arguments: [id]) }
        }
        #expect(throws: (any Error).self) {
            try #require(store.sqlite).write { db in try db.execute(sql: "DELETE FROM artifact WHERE run_id = ?", arguments: [id]) }
        }
    }

    @Test func decisionsAreRecordedWithAuditTrail() throws {
        let store = try Store.inMemory()
        let d = try store.recordDecision(run: nil, user: "marta", action: "escalate", subject: "T0000042")
        #expect(d.user == "marta" && d.action == "escalate")
        #expect(try store.decisions(run: nil).map(\.subject) == ["T0000042"])
        #expect(try store.auditLog().first?.detail.contains("escalate T0000042") == true)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/opsdeck/opsdeck.sqlite")
        #expect(Store.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/opsdeck/opsdeck.sqlite")
    }

    @Test func storeOnDiskIsCreatedWithItsFolders() throws {
        let dir = "/tmp/opsdeck-store-test-\(WallClock.now())-\(getpid())"
        let store = try Store(path: dir + "/a/b/s.sqlite")
        try store.saveReps(RepGenerator(seed: 1).generate(count: 2, customers: []), source: "t")
        #expect(FileSystem.exists(dir + "/a/b/s.sqlite"))
    }
}
