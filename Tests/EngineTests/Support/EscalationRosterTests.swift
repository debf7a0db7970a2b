import Testing
import OpsDeckTestSupport
import Core
import Optimisation
import Support

/// The roster and the arrival profile it spreads the day by.
@Suite struct EscalationRosterTests {
    @Test func flatProfileMatchesErlangCPerInterval() {
        let profile = ArrivalProfile(counts: [Int](repeating: 1, count: ArrivalProfile.bins))
        let e = EscalationEconomics()  // 20 min, 80 % in 30 min, hourly
        let roster = EscalationRoster(escalationsPerDay: 48, profile: profile, economics: e)
        #expect(roster.intervals.count == 24)
        // Two an hour × 20 min = 0.667 Erlang: one agent answers 80 % within 30 min.
        let one = ErlangC.staffing(calls: 2, intervalSeconds: 3600, handleSeconds: 1200, serviceLevel: 0.8, answerSeconds: 1800)
        #expect(roster.intervals.allSatisfy { abs($0.escalations - 2) < 1e-9 && $0.staffing == one })
        #expect(roster.peak == one.rostered && roster.agentHours == Double(24 * one.rostered))
        #expect(roster.hourly == [Int](repeating: one.rostered, count: 24))
    }

    @Test func busyHoursGetMoreAgentsAndEmptyOnesNone() throws {
        var counts = [Int](repeating: 0, count: ArrivalProfile.bins)
        for q in 36..<40 { counts[q] = 30 }  // 09:00–10:00
        for q in 56..<60 { counts[q] = 10 }  // 14:00–15:00
        var e = try EscalationEconomics.parse("escalation.interval_minutes = 30\nescalation.shrinkage = 0.2", file: "x")
        e.minutes = 20
        let roster = EscalationRoster(escalationsPerDay: 40, profile: ArrivalProfile(counts: counts), economics: e)
        #expect(roster.intervals.count == 48)
        #expect(abs(roster.intervals.reduce(0) { $0 + $1.escalations } - 40) < 1e-9)
        let nine = roster.intervals[18], two = roster.intervals[28]
        #expect(abs(nine.escalations - 15) < 1e-9 && abs(two.escalations - 5) < 1e-9)
        #expect(nine.staffing.rostered > two.staffing.rostered && two.staffing.rostered > 0)
        #expect(nine.staffing.serviceLevel >= 0.8)
        #expect(roster.intervals[0].staffing.rostered == 0)
        #expect(roster.hourly[9] == nine.staffing.rostered && roster.hourly[3] == 0)
    }

    @Test func arrivalProfileReadsTheDesksWallClock() throws {
        let t = SupportFixtures.ts("2026-11-02 23:30")  // UTC
        let tickets = [Ticket(id: "a", createdAt: t, priority: "Low", channel: "Email", type: "x", product: "y",
                              status: "Open", state: .open)]
        #expect(ArrivalProfile(tickets: tickets, zone: nil).counts[94] == 1)
        let madrid = try DeskTimeZone.parse("+01:00")
        #expect(ArrivalProfile(tickets: tickets, zone: madrid).counts[2] == 1)  // 00:30 next day
        #expect(ArrivalProfile().shares(intervalMinutes: 60) == [Double](repeating: 1.0 / 24, count: 24))
    }
}
