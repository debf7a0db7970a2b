import Core
import Support
/// Open tickets by account, with the earliest SLA deadline: the support side of the NBA's
/// friction term, of the contact-centre schedule and of the prep scripts.
///
/// Deadlines come from the SLA engine's clock (its policy's targets, business calendar and
/// pending-customer pauses), taken at the start of the planning day, so the sales plan and
/// the SLA queue give one ticket the same deadline.
public struct OpenTickets: Sendable {
    /// Per account, indices into `tickets` of its open tickets (CSR layout: `start[i]..<start[i+1]`).
    public var start: [Int32]
    public var items: [Int32]
    /// Per account, the earliest deadline still ahead at `now`, in seconds since 1970
    /// (Int64.max when none: no open ticket, or every one paused or already overdue).
    public var deadline: [Int64]
    /// Per account, the counted (business, unpaused) seconds by which its most overdue ticket
    /// had passed its target at `now`; 0 when none was overdue.
    public var overdueSeconds: [Int64]
    /// Per ticket (index into `tickets`): open and already past its SLA at `now`.
    public var ticketOverdue: [Bool]
    /// The instant the deadlines were taken at: the planning day's start.
    public var now: Int64

    /// Matches `ticket.customerKey` to customer ids (sorted search), else to account names.
    /// Tickets the clock cannot time (a priority without a target) get no deadline.
    public init(customers: [Customer], tickets: [Ticket], clock: SLAClock, now: Int64) {
        let n = customers.count
        var owner = [Int32](repeating: -1, count: tickets.count)
        var count = [Int32](repeating: 0, count: n + 1)
        var deadline = [Int64](repeating: .max, count: n)
        var overdue = [Int64](repeating: 0, count: n)
        var ticketOverdue = [Bool](repeating: false, count: tickets.count)
        let targets = clock.policy.targetSeconds
        let codes = clock.policy.priorityCode
        // Help desks name the account by organisation more often than by CRM id.
        let link = AccountLink(customers)
        // By index: enumerating copies every ticket with its texts, and all but the open few are skipped.
        for t in tickets.indices where tickets[t].state != .solved {
            let ticket = tickets[t]
            guard let i = link.account(of: ticket)?.index else { continue }
            owner[t] = Int32(i)
            count[i + 1] += 1
            let code = Int(codes[t])
            guard code < targets.count, targets[code] > 0 else { continue }
            let state = clock.state(of: ticket, code: codes[t], at: now)
            if state.paused { continue }  // waiting for the customer: the SLA clock is stopped
            if state.timeLeft <= 0 {
                overdue[i] = max(overdue[i], max(1, -state.timeLeft))
                ticketOverdue[t] = true
            } else if let d = clock.deadline(of: state, at: now) {
                deadline[i] = min(deadline[i], d)
            }
        }
        for i in 0..<n { count[i + 1] += count[i] }
        var fill = count
        var items = [Int32](repeating: 0, count: Int(count[n]))
        for t in 0..<tickets.count where owner[t] >= 0 {
            let i = Int(owner[t])
            items[Int(fill[i])] = Int32(t)
            fill[i] += 1
        }
        start = count
        self.items = items
        self.deadline = deadline
        self.overdueSeconds = overdue
        self.ticketOverdue = ticketOverdue
        self.now = now
    }

    public func count(_ i: Int) -> Int { Int(start[i + 1] - start[i]) }

    public func tickets(_ i: Int) -> ArraySlice<Int32> { items[Int(start[i])..<Int(start[i + 1])] }

    /// Whether a ticket of account `i` was already past its SLA when the day started.
    public func isOverdue(_ i: Int) -> Bool { overdueSeconds[i] > 0 }

    /// Minutes after `now` of account `i`'s earliest deadline still ahead (nil: none).
    public func deadlineMinute(_ i: Int) -> Int32? {
        deadline[i] == .max ? nil : Int32(clamping: (deadline[i] - now) / 60)
    }
}
