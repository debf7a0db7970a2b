import Foundation
import Testing

/// `opsdeck alerts check` on the built binary: alerts printed, hooks run through the real
/// shell once per (ticket, rule) across repeated checks, and a bad rule file is one line.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct AlertsCommandTests {
    @Test func checkRunsEachHookOncePerTicketAndRule() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        #expect(try s.run(["run", "--customers", "300", "--tickets", "2000", "--reps", "4"]).status == 0)
        let lines = s.root.appendingPathComponent("hook.txt").path
        try FileManager.default.createDirectory(at: s.config.appendingPathComponent("opsdeck"), withIntermediateDirectories: true)
        try """
        rule any-open: p >= 0
        rule likely: p >= 0.7
        hook any-open: echo {ticket} {rule} >> '\(lines)'
        hook likely: echo {ticket} {rule} >> '\(lines)'
        hook.min_interval = 0s
        """.write(to: s.config.appendingPathComponent("opsdeck/alerts.conf"), atomically: true, encoding: .utf8)
        let state = s.root.appendingPathComponent("state.json").path
        let dry = try s.run(["alerts", "check", "--dry-run", "--state", state])
        #expect(dry.status == 0, "\(dry.err)")
        #expect(!FileManager.default.fileExists(atPath: lines), "a dry run runs no hook")
        let first = try s.run(["alerts", "check", "--state", state])
        #expect(first.status == 0, "\(first.err)")
        func pairs(_ out: String) -> [String] {
            out.split(separator: "\n").dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        }
        let printed = pairs(first.out)
        #expect(!printed.isEmpty)
        #expect(printed == pairs(dry.out), "the dry run lists the same alerts")
        #expect(first.out.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix("hook ran") }, "\(first.out)")
        let again = try s.run(["alerts", "check", "--state", state])
        #expect(again.out.hasPrefix("0 alerts"), "\(again.out)")
        let written = try String(contentsOfFile: lines, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(written.sorted() == printed.sorted())
        #expect(Set(written).count == written.count)
    }

    @Test func aBadRuleFileIsOneLineAndExitOne() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let bad = try s.write("alerts.conf", "rule late: p >= 0.7 and left < 2\n")
        let r = try s.run(["alerts", "check", "--rules", bad])
        #expect(r.status == 1)
        #expect(r.errLines == ["opsdeck: \(bad):1:33: expected a unit after 2: s, m, h or d"], "\(r.err)")
    }
}
