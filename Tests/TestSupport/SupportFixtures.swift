import Core
import Synthetic
import Support

/// Shared helpers for the Support tests: readable time stamps and small tickets.
package enum SupportFixtures {
    /// Seconds for "YYYY-MM-DD HH:MM" (fixture text is known good).
    package static func ts(_ text: String) -> Int64 {
        CivilDate.parseTimestamp(Substring(text)) ?? Int64.min
    }

    package static func ticket(_ id: String, _ priority: DemoPriority, created: String, resolved: String? = nil,
                       status: DemoStatus? = nil, channel: DemoChannel = .email, type: String = "Technical issue",
                       customer: String? = nil, firstResponse: String? = nil) -> Ticket {
        let s = status ?? (resolved == nil ? .open : .closed)
        return Ticket(id: id, createdAt: ts(created), priority: priority.rawValue, channel: channel.rawValue, type: type,
                      product: "POS", status: s.label, state: s.state, firstResponseAt: firstResponse.map(ts),
                      resolvedAt: resolved.map(ts), customerKey: customer)
    }

    /// Features coded as the pipeline codes them: priority codes from the default policy
    /// resolved for `tickets` (least urgent first).
    package static func features(_ tickets: [Ticket], labels: [UInt8?], policy: SLAPolicy = SLAPolicy()) throws -> SupportFeatures {
        let r = try policy.resolved(for: tickets)
        return SupportFeatures(tickets: tickets, labels: labels, priorityCodes: r.priorityCode, priorityLabels: r.labels)
    }

    /// Mon–Fri 09:00–18:00 with Monday 2026-11-23 a holiday when asked.
    package static func officePolicy(holiday: Bool = false) throws -> SLAPolicy {
        var p = SLAPolicy()
        p.calendar = try BusinessCalendar(workdays: [true, true, true, true, true, false, false],
                                          opens: 9 * 3600, closes: 18 * 3600,
                                          holidays: holiday ? [CivilDate.days(year: 2026, month: 11, day: 23)] : [])
        return p
    }
}

/// The demo desk's labels as the tests name them (real desks' labels are open; see `Vocabulary`).
package enum DemoPriority: String, CaseIterable {
    case low = "Low", medium = "Medium", high = "High", critical = "Critical"
}

package enum DemoChannel: String, CaseIterable {
    case email = "Email", phone = "Phone", chat = "Chat", social = "Social media"
}

package enum DemoStatus {
    case open, closed, pendingCustomer

    package var label: String {
        switch self {
        case .open: DemoDesk.open
        case .closed: DemoDesk.closed
        case .pendingCustomer: DemoDesk.pending
        }
    }

    package var state: TicketState {
        switch self {
        case .open: .open
        case .closed: .solved
        case .pendingCustomer: .waitingOnCustomer
        }
    }
}
