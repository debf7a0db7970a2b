import Foundation
import Synchronization
import Testing
import Core
import OpsDeckTestSupport
import Pipeline
import Store

/// Issue 20, what only a team's PostgreSQL store does: managers at several terminals at once.
/// Skipped with a message where no server was started (`OPSDECK_TEST_PG`).
@Suite(.enabled(if: StoreBackends.hasPostgres, Comment(rawValue: StoreBackends.skipNote)))
struct StorePostgresTests {
    @Test func eightManagersEscalatingOneTicketAtOnceMakeOneDecision() throws {
        let url = try StoreBackends.freshPostgres("race")
        let stores = try (0..<8).map { _ in try Store(path: url) }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: stores.count) { i in
            do {
                try stores[i].recordDecision(run: nil, user: "m\(i)", action: "escalate", subject: "T-1",
                                             exclusive: ["escalate", "de-escalate"])
                outcomes.add("ok")
            } catch {
                outcomes.add("\(error)")
            }
        }
        let all = outcomes.all
        #expect(all.filter { $0 == "ok" }.count == 1)
        #expect(all.filter { $0.hasPrefix("T-1 is already escalated by m") }.count == 7, "\(all)")
        #expect(try stores[0].decisions(run: nil).count == 1)
    }

    @Test func theDecisionFeedIsAnnouncedNotPolled() throws {
        let url = try StoreBackends.freshPostgres("notify")
        let a = try Store(path: url), b = try Store(path: url)
        #expect(try b.decisionSequence() == 0)  // starts listening
        let d = try a.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-3")
        var heard: Int64?
        for _ in 0..<100 {
            heard = b.backend.announcedDecision()
            if heard == d.id { break }
            usleep(10_000)
        }
        #expect(heard == d.id, "the listener heard the decision's id without a query")
    }

    @Test func twoOpeningsOfANewDatabaseMigrateItOnce() throws {
        let url = try StoreBackends.freshPostgres("migrate")
        let errors = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try Store(path: url) } catch { errors.add("\(error)") }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let store = try Store(path: url)
        let names = try store.read("migrations") { s in try s.rows("SELECT name FROM opsdeck_migration ORDER BY name").map { try $0.string("name") } }
        #expect(names.count == StoreSchema.migrations.count && Set(names).count == names.count)
    }

    @Test func aConnectionTheServerEndedIsOpenedAgain() throws {
        let url = try StoreBackends.freshPostgres("reconnect")
        let store = try Store(path: url), admin = try Store(path: url)
        try store.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-1")
        // The server ends every other session on the database (a restart, a failover, an admin).
        try admin.write("ending sessions") { s in
            try s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        }
        usleep(200_000)
        let again = try store.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-2")
        #expect(try store.decisions(run: nil).map(\.subject) == ["T-1", "T-2"] && again.id == 2)
    }

    @Test func theSameRunSavedInBothIsByteIdentical() throws {
        let config = PipelineConfig(customers: 400, tickets: 1_500, seed: 11)
        let outcome = try Pipeline.run(config: config, input: .synthetic, store: nil)
        var saved: [(names: [String], files: [String: [UInt8]], customers: [Customer], tickets: [Ticket])] = []
        for (_, path) in try StoreBackends.places("same-run") {
            let store = try Store(path: path)
            var copy = outcome
            let id = try Pipeline.save(&copy, to: store)
            let reader = try Store(path: path)
            let names = try reader.artifactNames(run: id)
            var files: [String: [UInt8]] = [:]
            for name in names { files[name] = try reader.artifact(run: id, name: name) }
            let run = try #require(try reader.storedRun(id: id))
            saved.append((names, files, try reader.customers(dataset: try #require(run.customersDataset)),
                          try reader.tickets(dataset: try #require(run.ticketsDataset))))
        }
        try #require(saved.count == 2)
        #expect(saved[0].names == saved[1].names && !saved[0].names.isEmpty)
        for name in saved[0].names { #expect(saved[1].files[name] == saved[0].files[name], "\(name)") }
        #expect(saved[0].customers == saved[1].customers && saved[0].tickets == saved[1].tickets)
    }
}

/// What concurrent callers saw.
final class Outcomes: Sendable {
    private let values = Mutex<[String]>([])
    func add(_ v: String) { values.withLock { $0.append(v) } }
    var all: [String] { values.withLock { $0 } }
}
