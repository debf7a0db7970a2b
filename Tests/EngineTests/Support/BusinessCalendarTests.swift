import Testing
import OpsDeckTestSupport
import Core
import Support

@Suite struct BusinessCalendarTests {
    typealias F = SupportFixtures

    @Test func fridayEveningToMondayMorningCountsTwoHours() throws {
        let cal = try #require(try F.officePolicy().calendar)
        // Friday 17:00–18:00 and Monday 09:00–10:00; the weekend counts nothing.
        #expect(cal.businessSeconds(from: F.ts("2026-11-20 17:00"), to: F.ts("2026-11-23 10:00")) == 2 * 3600)
        #expect(cal.businessSeconds(from: F.ts("2026-11-21 08:00"), to: F.ts("2026-11-22 23:00")) == 0)
        // A whole week is five nine-hour days.
        #expect(cal.businessSeconds(from: F.ts("2026-11-16 00:00"), to: F.ts("2026-11-23 00:00")) == 45 * 3600)
    }

    @Test func holidayIsSkipped() throws {
        let cal = try #require(try F.officePolicy(holiday: true).calendar)
        #expect(!cal.isWorkingDay(CivilDate.days(year: 2026, month: 11, day: 23)))
        #expect(cal.businessSeconds(from: F.ts("2026-11-20 17:00"), to: F.ts("2026-11-24 10:00")) == 2 * 3600)
        #expect(cal.instant(after: 2 * 3600, from: F.ts("2026-11-20 17:00")) == F.ts("2026-11-24 10:00"))
    }

    @Test func deadlineInvertsElapsedTime() throws {
        let cal = try #require(try F.officePolicy(holiday: true).calendar)
        let start = F.ts("2026-11-19 16:30")
        for hours in [1, 4, 9, 10, 24, 72] {
            let end = cal.instant(after: Int64(hours) * 3600, from: start)
            #expect(cal.businessSeconds(from: start, to: end) == Int64(hours) * 3600)
        }
        // Exactly at closing time when the budget ends with the day.
        #expect(cal.instant(after: 1800, from: start) == F.ts("2026-11-19 17:00"))
        #expect(cal.instant(after: 5400, from: start) == F.ts("2026-11-19 18:00"))
    }

    @Test func malformedCalendarsAreRefused() {
        #expect(throws: SLAPolicyError.noWorkdays) {
            try BusinessCalendar(workdays: Array(repeating: false, count: 7), opens: 0, closes: 3600)
        }
        #expect(throws: SLAPolicyError.badHours(opens: 7200, closes: 3600)) {
            try BusinessCalendar(workdays: Array(repeating: true, count: 7), opens: 7200, closes: 3600)
        }
    }
}
