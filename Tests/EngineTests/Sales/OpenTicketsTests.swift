import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Support
import Sales

/// Open-ticket deadlines follow the SLA engine's policy and calendar, taken at the planning
/// day's start, so the sales plan and the SLA queue agree on a ticket's deadline.
@Suite struct OpenTicketsTests {
    let customers = CustomerGenerator(seed: 2).generate(count: 3)
    /// Monday 2026-11-30 00:00, the planning day's start.
    let now = SupportFixtures.ts("2026-11-30 00:00")

    func tickets() -> [Ticket] {
        [SupportFixtures.ticket("A", .critical, created: "2026-11-27 16:00", customer: customers[0].id),  // Friday, 4 h
         SupportFixtures.ticket("B", .high, created: "2026-11-23 10:00", customer: customers[1].id),      // a week ago, 8 h
         SupportFixtures.ticket("C", .critical, created: "2026-11-27 10:00", status: .pendingCustomer, customer: customers[2].id,
                                firstResponse: "2026-11-27 11:00")]                                        // waiting for the customer
    }

    @Test func businessCalendarCarriesADeadlineOverTheWeekend() throws {
        let policy = try SupportFixtures.officePolicy()
        let clock = SLAClock(policy: try policy.resolved(for: tickets()))
        let open = OpenTickets(customers: customers, tickets: tickets(), clock: clock, now: now)
        // Friday 16:00–18:00 uses 2 of the 4 working hours; the other 2 run Monday 09:00–11:00.
        #expect(open.deadlineMinute(0) == Int32(11 * 60))
        #expect(!open.isOverdue(0))
        // Ticket B breached last Monday at 18:00: overdue at the start, no deadline ahead.
        #expect(open.deadlineMinute(1) == nil)
        #expect(open.isOverdue(1) && open.overdueSeconds[1] == 4 * 9 * 3600)  // 44 working hours elapsed, 8 allowed
        // A pending-customer ticket has a stopped clock: no deadline, not overdue.
        #expect(open.deadlineMinute(2) == nil && !open.isOverdue(2) && open.count(2) == 1)
        #expect(open.ticketOverdue == [false, true, false])
    }

    @Test func agreesWithTheSLAClocksDeadline() throws {
        let policy = try SupportFixtures.officePolicy()
        let clock = SLAClock(policy: try policy.resolved(for: tickets()))
        let open = OpenTickets(customers: customers, tickets: tickets(), clock: clock, now: now)
        // The SLA queue takes the state at its own "now" (Sunday evening here): same instant.
        let later = SupportFixtures.ts("2026-11-29 20:00")
        let slaDeadline = try #require(clock.deadline(of: clock.state(of: tickets()[0], at: later), at: later))
        #expect(open.deadline[0] == slaDeadline)
    }

    @Test func aroundTheClockPolicyMakesFridaysTicketOverdue() throws {
        let clock = SLAClock(policy: try SLAPolicy().resolved(for: tickets()))
        let open = OpenTickets(customers: customers, tickets: tickets(), clock: clock, now: now)
        // Friday 16:00 + 4 h = Friday 20:00: 52 hours before Monday starts.
        #expect(open.deadlineMinute(0) == nil)
        #expect(open.overdueSeconds[0] == 52 * 3600)
    }
}
