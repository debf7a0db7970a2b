import Testing
import Support

@Suite struct AlertRuleParserTests {
    private func failure(_ text: String) -> String? {
        do { _ = try AlertRuleParser.parse(text); return nil } catch { return error.description }
    }

    @Test func readsTheExampleFile() throws {
        let c = try AlertRuleParser.parse("""
        # warn before a breach
        rule late-and-likely: p >= 0.7 and left < 2h
        rule urgent-75: priority = Urgent and elapsed >= 75%
        rule costly: expected_loss >= 300

        hook late-and-likely: notify-send "OpsDeck" "{ticket} {priority} {left}"
        hook.min_interval = 90s\r
        """)
        #expect(c.rules.map(\.name) == ["late-and-likely", "urgent-75", "costly"])
        #expect(c.rules[0].condition == .and(.compare(.p, .greaterOrEqual, .number(0.7)), .compare(.left, .less, .duration(7_200))))
        #expect(c.rules[1].condition == .and(.compare(.priority, .equal, .label("urgent")), .compare(.elapsed, .greaterOrEqual, .percent(75))))
        #expect(c.rules[2].condition == .compare(.expectedLoss, .greaterOrEqual, .number(300)))
        #expect(c.rules[0].hook == #"notify-send "OpsDeck" "{ticket} {priority} {left}""#)
        #expect(c.rules[1].hook == nil)
        #expect(c.hookMinInterval == 90)
    }

    @Test func andBindsTighterThanOrAndParenthesesGroup() throws {
        let c = try AlertRuleParser.parse("""
        rule a: p > 0.5 or p < 0.1 and age > 1d
        rule b: (p > 0.5 OR p < 0.1) And age > 1h30m
        """)
        let high = AlertCondition.compare(.p, .greater, .number(0.5)), low = AlertCondition.compare(.p, .less, .number(0.1))
        #expect(c.rules[0].condition == .or(high, .and(low, .compare(.age, .greater, .duration(86_400)))))
        #expect(c.rules[1].condition == .and(.or(high, low), .compare(.age, .greater, .duration(5_400))))
    }

    @Test func valueForms() throws {
        let c = try AlertRuleParser.parse("""
        rule a: p>=70% and left<-15m and elapsed > 3h and status != "on hold" and group = tier-2 and expected_loss > -5
        """)
        #expect(c.rules[0].condition == .and(.and(.and(.and(.and(
            .compare(.p, .greaterOrEqual, .number(0.7)), .compare(.left, .less, .duration(-900))),
            .compare(.elapsed, .greater, .duration(10_800))), .compare(.status, .notEqual, .label("on hold"))),
            .compare(.group, .equal, .label("tier-2"))), .compare(.expectedLoss, .greater, .number(-5))))
        #expect(c.hookMinInterval == AlertConfig.defaultHookMinInterval)
    }

    @Test func eachMistakeNamesLineColumnAndWhatWasExpected() {
        #expect(failure("rule a: p >= 0.7 and left < 2") == "alerts.conf:1:30: expected a unit after 2: s, m, h or d")
        #expect(failure("\nrule a: q > 1") == "alerts.conf:2:9: expected a field (p, left, elapsed, expected_loss, age, priority, status, channel, group) or '(', found 'q'")
        #expect(failure("rule a: priority > urgent") == "alerts.conf:1:18: expected = or != after priority (a label)")
        #expect(failure("rule a: p => 1") == "alerts.conf:1:12: expected a probability such as 0.7 or 70%")
        #expect(failure("rule a: p ~ 1") == "alerts.conf:1:11: expected one of < <= > >= = != after p")
        #expect(failure("rule a: p > 1.5") == "alerts.conf:1:13: expected a probability between 0 and 1 (or 0% and 100%)")
        #expect(failure("rule a: (p > 0.5 or age > 1d") == "alerts.conf:1:29: expected `and`, `or` or ')'")
        #expect(failure("rule a: p > 0.5 age > 1d") == "alerts.conf:1:17: expected `and`, `or` or the end of the line")
        #expect(failure("rule a p > 0.5") == "alerts.conf:1:8: expected ':'")
        #expect(failure("rule : p > 0.5") == "alerts.conf:1:6: expected a rule name (letters, digits, - _ .)")
        #expect(failure("rule a: p > 0.5\nrule a: p > 0.6") == "alerts.conf:2:6: expected a new rule name ('a' is already defined on line 1)")
        #expect(failure("alert a: p > 0.5") == "alerts.conf:1:1: expected `rule`, `hook` or `hook.min_interval`")
        #expect(failure("rule a: elapsed > soon") == "alerts.conf:1:19: expected a share of the target such as 75% or a duration such as 90m")
        #expect(failure("rule a: status = \"on hold") == "alerts.conf:1:26: expected a closing '\"' for the label opened at column 18")
        #expect(failure("hook.min_interval = 1m 2") == "alerts.conf:1:24: expected the end of the line after the interval")
        #expect(failure("rule a: p > 0.5\nhook b: echo") == "alerts.conf:2:6: expected the name of a rule in this file, found 'b'")
        #expect(failure("rule a: p > 0.5\nhook a:") == "alerts.conf:2:8: expected a shell command after `hook a:`")
        #expect(failure("rule a: p > 0.5\nhook a: echo {tiket}") == "alerts.conf:2:14: expected a placeholder among {ticket} {rule} {priority} {p} {left} {expected_loss}, found {tiket}")
        #expect(failure("rule a: p > 0.5\nhook a: echo 1\nhook a: echo 2") == "alerts.conf:3:6: expected one hook per rule ('a' has one on line 2)")
    }

    @Test func shellVariablesAreNotPlaceholders() throws {
        let c = try AlertRuleParser.parse("rule a: p > 0.5\nhook a: echo ${home} {ticket}")
        #expect(c.rules[0].hook == "echo ${home} {ticket}")
    }

    @Test func hugeOrOddNumbersAreErrorsNotTraps() {
        #expect(failure("rule a: age > 99999999999999999999d") == "alerts.conf:1:36: expected a duration under 30 000 years")
        #expect(failure("rule a: expected_loss > 1.2.3") != nil)
        #expect(failure("rule a: p > ") == "alerts.conf:1:13: expected a probability such as 0.7 or 70%")
    }
}
