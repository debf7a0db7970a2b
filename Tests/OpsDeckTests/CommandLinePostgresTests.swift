import Foundation
import Testing
import OpsDeckTestSupport

/// Issue 20 end to end: the same commands on a team's PostgreSQL store give what they give on
/// the SQLite file. Needs the built binary and a server (`OPSDECK_TEST_PG`, `.ci/run`).
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason),
       .enabled(if: StoreBackends.hasPostgres, Comment(rawValue: StoreBackends.skipNote)))
struct CommandLinePostgresTests {
    @Test func importRunAndExportMatchTheSQLiteStore() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let file = CommandLineTests.vendors.appendingPathComponent("zendesk_tickets_export.csv").path
        try FileManager.default.createDirectory(at: s.config.appendingPathComponent("opsdeck"), withIntermediateDirectories: true)
        try "priority.default = Normal\n".write(to: s.config.appendingPathComponent("opsdeck/sla.conf"), atomically: true, encoding: .utf8)
        let postgres = try StoreBackends.freshPostgres("cli")
        var outputs: [[String]] = []
        for (db, env) in [(s.path("team.sqlite"), [String: String]()), (nil, ["OPSDECK_DB": postgres])] {
            let store = db.map { ["--db", $0] } ?? []  // PostgreSQL through OPSDECK_DB, as a team sets it
            let imported = try s.run(["import", "tickets", file] + store, environment: env)
            #expect(imported.status == 0, "\(imported.err)")
            let run = try s.run(["run"] + store, environment: env)
            #expect(run.status == 0 && run.out.contains("saved run 1"), "\(run.err)")
            var out: [String] = []
            for what in ["tickets", "escalation-queue", "queue", "sla-groups", "sla-economics", "kpis", "gates"] {
                let e = try s.run(["export", what, "--format", "csv"] + store, environment: env)
                #expect(e.status == 0, "\(what): \(e.err)")
                out.append(e.out)
            }
            let escalate = try s.run(["export", "escalation-queue", "--format", "json"] + store, environment: env)
            out.append(escalate.out)
            outputs.append(out)
            if db == nil {
                #expect(imported.out.contains("postgresql://"), "the report names the shared store: \(imported.out.suffix(200))")
                #expect(!imported.out.contains("password"))
            }
        }
        try #require(outputs.count == 2)
        for (a, b) in zip(outputs[0], outputs[1]) { #expect(a == b) }
    }
}

/// A PostgreSQL store that cannot be reached: one line, exit 1, no password echoed. No server needed.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct CommandLinePostgresURLTests {
    @Test func anUnreachableServerIsOneLineAndExitOne() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let r = try s.run(["export", "kpis", "--db", "postgresql://ana:s3cret@127.0.0.1:1/opsdeck?sslmode=disable"])
        #expect(r.status == 1)
        #expect(r.errLines.count == 1, "\(r.err)")
        #expect(r.err.contains("cannot open the store at postgresql://ana@127.0.0.1:1/opsdeck"), "\(r.err)")
        #expect(!r.err.contains("s3cret"))
    }
}
