@testable import Engine

/// Shared helpers for the Support tests: readable time stamps and small tickets.
enum SupportFixtures {
    /// Seconds for "YYYY-MM-DD HH:MM" (fixture text is known good).
    static func ts(_ text: String) -> Int64 {
        CivilDate.parseTimestamp(Substring(text)) ?? Int64.min
    }

    static func ticket(_ id: String, _ priority: Priority, created: String, resolved: String? = nil,
                       status: TicketStatus? = nil, channel: TicketChannel = .email, type: String = "Technical issue",
                       customer: String? = nil, firstResponse: String? = nil) -> Ticket {
        Ticket(id: id, createdAt: ts(created), priority: priority, channel: channel, type: type, product: "POS",
               status: status ?? (resolved == nil ? .open : .closed), firstResponseAt: firstResponse.map(ts),
               resolvedAt: resolved.map(ts), customerKey: customer)
    }

    /// Mon–Fri 09:00–18:00 with Monday 2026-11-23 a holiday when asked.
    static func officePolicy(holiday: Bool = false) throws -> SLAPolicy {
        var p = SLAPolicy()
        p.calendar = try BusinessCalendar(workdays: [true, true, true, true, true, false, false],
                                          opens: 9 * 3600, closes: 18 * 3600,
                                          holidays: holiday ? [CivilDate.days(year: 2026, month: 11, day: 23)] : [])
        return p
    }
}
