import Foundation
import Testing
import Support

/// Records the commands instead of running them.
final class RecordingHookRunner: AlertHookRunner, @unchecked Sendable {
    var commands: [String] = []
    var result = AlertHookResult.exited(0)
    func run(_ command: String, timeout: Double) -> AlertHookResult { commands.append(command); return result }
}

@Suite struct AlertHookTests {
    typealias I = AlertEvaluatorTests

    private func alert(_ id: String, rule: String = "costly", at: Int64 = 0) -> Alert {
        Alert(rule: rule, at: at, input: I.input(id, p: 0.834, elapsed: 3_600, target: 3_600 + 4_800, loss: 312.5))
    }

    @Test func placeholdersBecomeQuotedValues() {
        let cmd = AlertHookCommand.render("notify-send {ticket}:{rule} {priority} p={p} {left} {expected_loss} ${HOME} {other}",
                                          alert: alert("T-1"))
        #expect(cmd == "notify-send 'T-1':'costly' 'High' p='0.83' '1h20m' '312.50' ${HOME} {other}")
        // Inside quotes the value joins the quoted text.
        #expect(AlertHookCommand.render(#"notify-send "OpsDeck" "{ticket} {left}" 'at {p}'"#, alert: alert("T-1"))
            == #"notify-send "OpsDeck" "T-1 1h20m" 'at ''0.83'''"#)
        #expect(AlertHookCommand.render(#"echo "{ticket}""#, alert: alert(#"a"$b`c\d"#)) == #"echo "a\"\$b\`c\\d""#)
        #expect(AlertHookCommand.render(#"echo \"{ticket}"#, alert: alert("x")) == #"echo \"'x'"#)
    }

    @Test func durationsReadAsAPersonWould() {
        #expect(AlertHookCommand.durationText(7_200) == "2h")
        #expect(AlertHookCommand.durationText(-900) == "-15m")
        #expect(AlertHookCommand.durationText(90_061) == "1d1h")
        #expect(AlertHookCommand.durationText(45) == "45s")
        #expect(AlertHookCommand.durationText(0) == "0m")
    }

    @Test func hostileTicketIdsStayData() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alerts-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim").path
        let out = dir.appendingPathComponent("out").path
        #expect(FileManager.default.createFile(atPath: victim, contents: Data()))
        let id = "x\";rm -f \(victim);echo '$(rm -f \(victim))`rm -f \(victim)`;rm -rf \(victim)"
        let target = AlertHookCommand.shellQuoted(out)
        for template in ["printf '%s\\n' {ticket} >> \(target)", "printf '%s\\n' \"{ticket}\" >> \(target)",
                         "printf '%s\\n' '{ticket}' >> \(target)"] {
            #expect(AlertShellRunner().run(AlertHookCommand.render(template, alert: alert(id)), timeout: 10) == .exited(0))
        }
        #expect(FileManager.default.fileExists(atPath: victim))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == String(repeating: id + "\n", count: 3))
    }

    @Test func rateLimitPerRuleReportsTheSkipped() throws {
        let config = try AlertRuleParser.parse("""
        rule costly: expected_loss >= 300
        rule other: p > 0.5
        rule quiet: p > 0.5
        hook costly: echo {ticket}
        hook other: echo {ticket} {rule}
        hook.min_interval = 60s
        """)
        let runner = RecordingHookRunner()
        var schedule = AlertHookSchedule()
        let first = schedule.dispatch([alert("A"), alert("B"), alert("A", rule: "other"), alert("A", rule: "quiet")],
                                      config: config, runner: runner)
        #expect(first == [.ran(status: 0), .rateLimited, .ran(status: 0), nil])
        #expect(runner.commands == ["echo 'A'", "echo 'A' 'other'"])
        #expect(schedule.dispatch([alert("C", at: 59)], config: config, runner: runner) == [.rateLimited])
        runner.result = .exited(3)
        #expect(schedule.dispatch([alert("D", at: 60)], config: config, runner: runner) == [.ran(status: 3)])
        #expect(runner.commands.last == "echo 'D'")
        let back = try JSONDecoder().decode(AlertHookSchedule.self, from: try JSONEncoder().encode(schedule))
        #expect(back == schedule)
    }

    @Test func aHungHookIsStopped() {
        #expect(AlertShellRunner().run("sleep 5", timeout: 0.2) == .timedOut)
        #expect(AlertShellRunner().run("trap '' TERM; sleep 5", timeout: 0.2) == .timedOut)
        #expect(AlertShellRunner().run("exit 4", timeout: 10) == .exited(4))
    }

    /// The issue's "done": through the real shell, evaluated over three clock ticks, the hook
    /// writes one line per (ticket, rule).
    @Test func realHookWritesOneLinePerTicketAndRule() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("alerts-lines-\(getpid()).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let config = try AlertRuleParser.parse("""
        rule costly: expected_loss >= 300
        rule likely: p >= 0.7
        hook costly: echo {ticket} {rule} >> \(AlertHookCommand.shellQuoted(file))
        hook likely: echo {ticket} {rule} >> \(AlertHookCommand.shellQuoted(file))
        hook.min_interval = 0s
        """)
        let queue = [I.input("T-1", p: 0.8, loss: 400), I.input("T-2", p: 0.2, loss: 500), I.input("T-3", p: 0.9, loss: 10)]
        var state = AlertState(), schedule = AlertHookSchedule()
        for tick in Int64(0)..<3 {
            let r = AlertEvaluator.evaluate(config.rules, inputs: queue, state: state, at: tick * 60)
            state = r.state
            #expect(schedule.dispatch(r.alerts, config: config, runner: AlertShellRunner()).allSatisfy { $0 == .ran(status: 0) })
        }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").sorted()
        #expect(lines == ["T-1 costly", "T-1 likely", "T-2 costly", "T-3 likely"])
    }
}
