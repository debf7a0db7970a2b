import Testing
import Core

@Suite struct CivilDateTests {
    @Test func knownDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2026, month: 11, day: 23)) == 0)  // a Monday
        #expect(CivilDate.format(days: CivilDate.days(year: 2024, month: 2, day: 29)) == "2024-02-29")
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        let start = CivilDate.days(year: 1800, month: 1, day: 1)
        for d in stride(from: start, to: start + 146_097, by: 1) {
            let (y, m, dd) = CivilDate.date(days: d)
            #expect(CivilDate.days(year: y, month: m, day: dd) == d)
        }
    }

    @Test func parsesTimestampsAndRejectsImpossibleDates() {
        #expect(CivilDate.parseTimestamp("2023-06-01 12:15") == Int64(CivilDate.days(year: 2023, month: 6, day: 1)) * 86_400 + 44_100)
        #expect(CivilDate.parseTimestamp("2023-06-01T12:15:30") == CivilDate.parseTimestamp("2023-06-01 12:15")! + 30)
        #expect(CivilDate.parseTimestamp("2023-02-29") == nil)
        #expect(CivilDate.parseTimestamp("2023-06-01 25:00") == nil)
        #expect(CivilDate.parseTimestamp("01/06/2023") == nil)
        #expect(CivilDate.format(seconds: CivilDate.parseTimestamp("1969-12-31 23:59")!) == "1969-12-31 23:59")
    }
}
