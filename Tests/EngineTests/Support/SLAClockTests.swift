import Testing
import OpsDeckTestSupport
import Core
import Support

@Suite struct SLAClockTests {
    typealias F = SupportFixtures

    private func clock(_ policy: SLAPolicy, _ tickets: [Ticket]) throws -> SLAClock {
        SLAClock(policy: try policy.resolved(for: tickets))
    }

    @Test func openTicketTimeLeftAcrossAWeekend() throws {
        // High: 8 business hours. Created Friday 16:00, looked at Monday 11:00: 2 h + 2 h gone.
        let t = F.ticket("a", .high, created: "2026-11-20 16:00")
        let c = try clock(try F.officePolicy(), [t])
        let s = c.state(of: t, at: F.ts("2026-11-23 11:00"))
        #expect(s.elapsed == 4 * 3600)
        #expect(s.timeLeft == 4 * 3600)
        #expect(!s.breached)
        #expect(c.deadline(of: s, at: F.ts("2026-11-23 11:00")) == F.ts("2026-11-23 15:00"))
    }

    @Test func holidayStopsTheClock() throws {
        let t = F.ticket("a", .high, created: "2026-11-20 16:00")
        let c = try clock(try F.officePolicy(holiday: true), [t])
        // Monday is a holiday: at Tuesday 11:00 still only 2 h (Fri) + 2 h (Tue).
        #expect(c.state(of: t, at: F.ts("2026-11-24 11:00")).elapsed == 4 * 3600)
    }

    @Test func pausesWhilePendingCustomer() throws {
        let t = F.ticket("a", .high, created: "2026-11-23 09:00", resolved: "2026-11-24 12:00")
        let pause = [SLAPause(start: F.ts("2026-11-23 12:00"), end: F.ts("2026-11-24 10:00"))]
        var policy = try F.officePolicy()
        let c = try clock(policy, [t])
        // 09–12 Monday and 10–12 Tuesday count; without the pause, 9 h + 3 h.
        #expect(c.state(of: t, pauses: pause, at: F.ts("2026-11-30 00:00")).elapsed == 5 * 3600)
        #expect(c.state(of: t, at: F.ts("2026-11-30 00:00")).elapsed == 12 * 3600)
        // Overlapping pauses are not subtracted twice.
        let twice = pause + [SLAPause(start: F.ts("2026-11-23 15:00"), end: F.ts("2026-11-23 17:00"))]
        #expect(c.state(of: t, pauses: twice, at: F.ts("2026-11-30 00:00")).elapsed == 5 * 3600)
        // With pausing switched off the intervals are ignored.
        policy.pauseWhilePending = false
        #expect(try clock(policy, [t]).state(of: t, pauses: pause, at: F.ts("2026-11-30 00:00")).elapsed == 12 * 3600)
    }

    @Test func pendingWithoutIntervalsPausesFromFirstResponse() throws {
        let t = F.ticket("a", .critical, created: "2026-11-23 09:00", status: .pendingCustomer,
                         firstResponse: "2026-11-23 10:00")
        let c = try clock(try F.officePolicy(), [t])
        let s = c.state(of: t, at: F.ts("2026-11-23 17:00"))
        #expect(s.elapsed == 3600)
        #expect(s.paused)
        #expect(c.deadline(of: s, at: F.ts("2026-11-23 17:00")) == nil)
    }

    @Test func breachLabelsMatchHandWorkedFixture() throws {
        // Around the clock (no calendar), default targets: Critical 4 h, High 8 h, Medium 24 h.
        let tickets = [
            F.ticket("c-3h", .critical, created: "2026-11-02 10:00", resolved: "2026-11-02 13:00"),   // 3 h: met
            F.ticket("c-4h", .critical, created: "2026-11-02 10:00", resolved: "2026-11-02 14:00"),   // exactly 4 h: met
            F.ticket("c-4h1", .critical, created: "2026-11-02 10:00", resolved: "2026-11-02 14:01"),  // 4 h 1 m: breach
            F.ticket("h-9h", .high, created: "2026-11-02 10:00", resolved: "2026-11-02 19:00"),       // 9 h: breach
            F.ticket("m-open", .medium, created: "2026-11-02 10:00"),                                  // open: no label
            F.ticket("m-90h", .medium, created: "2026-11-20 17:00", resolved: "2026-11-24 11:00"),    // 90 h: breach
        ]
        let allDay = try clock(SLAPolicy(), tickets)
        #expect(breachLabels(tickets, clock: allDay) == [0, 0, 1, 1, nil, 1])
        // Office hours: the Medium ticket counts 1 + 9 + 2 = 12 h and is met; the High one
        // counts 10–18 = 8 h on Monday plus 0 (closed at 18:00): met; the 4 h 1 m Critical
        // ticket is still 4 h 1 m inside one working day: breach.
        let office = try clock(try F.officePolicy(), tickets)
        #expect(breachLabels(tickets, clock: office) == [0, 0, 1, 0, nil, 0])
    }
}
