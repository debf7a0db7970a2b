import Testing
import OpsDeckTestSupport
import Core
import Support

@Suite struct SLAPolicyTests {
    typealias F = SupportFixtures

    @Test func priorityWithoutCostIsNamed() throws {
        var policy = SLAPolicy()
        policy.breachCost["High"] = nil
        let tickets = [F.ticket("a", .low, created: "2026-11-02 10:00"), F.ticket("b", .high, created: "2026-11-02 10:00")]
        #expect(throws: SLAPolicyError.missingCost("High")) { try policy.resolved(for: tickets) }
        do {
            _ = try SupportAnalysis.build(tickets: tickets, policy: policy)
            Issue.record("analysis built without a cost for High")
        } catch let e as SLAPolicyError {
            #expect(e.description.contains("\"High\""))
            #expect(e.description.contains("cost.High"))
        }
        // A priority absent from the data needs no cost.
        #expect(throws: Never.self) { try policy.resolved(for: [tickets[0]]) }
    }

    @Test func configFileReplacesCostTableAndNamesTheGap() throws {
        let text = """
        # desk policy
        target.Critical = 2
        cost.Critical = 900
        cost.High = 300   # per breach
        intervention_cost = 5
        effectiveness = 0.6
        calendar.weekdays = Mon-Fri
        calendar.hours = 08:00-17:00
        calendar.holidays = 2026-12-25
        """
        let p = try SLAPolicy.parse(text, file: "sla.conf")
        #expect(p.breachCost == LabelTable([("Critical", 900), ("High", 300)]))
        #expect(p.targetHours == LabelTable([("Critical", 2)]))
        #expect(p.interventionCost == 5)
        #expect(p.effectiveness == 0.6)
        #expect(p.calendar?.opens == Int64(8 * 3600))
        #expect(p.calendar?.holidays == [CivilDate.days(year: 2026, month: 12, day: 25)])
        let low = [F.ticket("a", .low, created: "2026-11-02 10:00")]
        // The file's target table lacks Low too, and the target is checked first now.
        #expect(throws: SLAPolicyError.missingTarget("Low")) { try p.resolved(for: low) }
        var withTarget = p
        try withTarget.set("target.Low", "72")
        #expect(throws: SLAPolicyError.missingCost("Low")) { try withTarget.resolved(for: low) }
    }

    @Test func badLinesSayWhereAndWhat() {
        do {
            _ = try SLAPolicy.parse("cost.Low = 10\neffectiveness = 1.5\n", file: "sla.conf")
            Issue.record("accepted an effectiveness above 1")
        } catch let e as SLAPolicyError {
            #expect(e.description.hasPrefix("sla.conf:2: "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        var p = SLAPolicy()
        #expect(throws: SLAPolicyError.unknownKey("colour")) { try p.set("colour", "red") }
        // Open vocabularies: any desk label takes a cost now ("Urgent" used to be refused as no Priority).
        #expect(throws: Never.self) { try p.set("cost.Urgent", "10") }
        #expect(p.breachCost["urgent"] == 10)
        #expect(throws: (any Error).self) { try p.set("cost. ", "10") }
        #expect(throws: (any Error).self) { try p.set("cost.Urgent", "-1") }
        #expect(throws: (any Error).self) { try p.set("calendar.hours", "18:00-09:00") }
    }
}

@Suite struct SLAPolicyCalendarKeysTests {
    @Test func keyOrderDoesNotLoseHolidays() throws {
        // A Saturday holiday set before Saturday becomes a workday still closes that Saturday.
        let sat = CivilDate.days(year: 2026, month: 11, day: 28)
        let a = try SLAPolicy.parse("calendar.holidays = 2026-11-28\ncalendar.weekdays = Mon-Sat\n")
        let b = try SLAPolicy.parse("calendar.weekdays = Sat-Mon\n")
        #expect(a.calendar?.isWorkingDay(sat) == false)
        #expect(a.calendar?.isWorkingDay(sat - 1) == true)
        #expect(b.calendar?.workdays == [true, false, false, false, false, true, true])
    }
}
