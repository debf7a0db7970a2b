import Foundation
import Testing

/// `opsdeck watch` on the built binary: an appended row reaches the queue, a refused one is
/// one line on stderr naming its place while the watcher goes on, a refit swaps in a new run,
/// and a missing export is one line and exit 1.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct WatchCommandTests {
    static let zendesk = CommandProcess.repository.appendingPathComponent("Tests/EngineTests/Core/Data/Fixtures/Vendors/zendesk_tickets_export.csv")

    /// A Zendesk row (42 columns) with the fields that matter.
    static func row(_ id: String, status: String, created: String) -> String {
        var cells = [String](repeating: "", count: 42)
        cells[1] = id; cells[5] = "live@example.org"; cells[9] = "Tier 1"; cells[10] = "Followed \(id)"
        cells[12] = status; cells[13] = "High"; cells[14] = "Phone"; cells[15] = "Incident"; cells[16] = created
        return cells.joined(separator: ",") + "\n"
    }

    @Test func appendedRowsReachTheQueueAndARefusedRowIsNamed() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        try FileManager.default.createDirectory(at: s.config.appendingPathComponent("opsdeck"), withIntermediateDirectories: true)
        try "priority.default = normal\n".write(to: s.config.appendingPathComponent("opsdeck/sla.conf"), atomically: true, encoding: .utf8)
        let file = s.path("zendesk.csv")
        try FileManager.default.copyItem(atPath: Self.zendesk.path, toPath: file)
        #expect(try s.run(["import", "tickets", file]).status == 0)
        #expect(try s.run(["run"]).status == 0)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
        let h = try #require(FileHandle(forWritingAtPath: file))
        h.seekToEndOfFile()
        h.write(Data((Self.row("W1", status: "Open", created: "2024-03-30 08:00:00") + Self.row("W2", status: "Open", created: "soon")).utf8))
        try h.close()
        let r = try s.run(["watch", file, "--max-polls", "2", "--poll-seconds", "0.1", "--refit-every", "0.1s", "--top", "100"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("1 changed ticket (1 new, 0 updated in the store)"), "\(r.out)")
        #expect(r.out.contains(". W1 "), "the appended ticket is listed in the queue's head: \(r.out)")
        #expect(r.out.contains("refit: run 2 swapped in"), "\(r.out)")
        let refused = r.errLines.filter { $0.contains("last good state kept") }
        #expect(refused.count == 1, "said once, not on every look: \(r.err)")
        #expect(refused.first?.contains("\(file):\(lines + 2):") == true, "\(r.err)")
    }

    @Test func aMissingExportIsOneLineAndExitOne() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        #expect(try s.run(["run", "--customers", "200", "--tickets", "1500", "--reps", "3"]).status == 0)
        let r = try s.run(["watch", s.path("nowhere.csv"), "--max-polls", "1"])
        #expect(r.status == 1)
        #expect(r.errLines.count == 1, "\(r.err)")
    }
}
