import Core
/// An interval during which a ticket waited for the customer. Tickets carry no status
/// history, so pauses come from outside (an import column or the desk's tool) as a list per
/// ticket; `end == nil` means the ticket is still waiting.
///
/// When a ticket's status is pending-customer but no interval is known, the clock takes it
/// as paused since its first response (the moment a desk asks the customer back), or not
/// paused at all if it was never answered: the clock never invents time before evidence.
public struct SLAPause: Sendable, Equatable {
    public var start: Int64
    public var end: Int64?
    /// What the ticket waited on: the interval stops the clock when the policy pauses on it.
    public var state: TicketState
    public init(start: Int64, end: Int64? = nil, state: TicketState = .waitingOnCustomer) {
        self.start = start; self.end = end; self.state = state
    }
}

/// Where a ticket stands against its target at a given instant.
public struct SLAState: Sendable, Equatable {
    /// Counted (business, unpaused) seconds since creation.
    public var elapsed: Int64
    public var target: Int64
    /// Counted seconds left before the breach; negative once breached.
    public var timeLeft: Int64 { target - elapsed }
    public var breached: Bool { elapsed > target }
    /// Whether the clock is stopped at that instant (waiting for the customer).
    public var paused: Bool

    package init(elapsed: Int64, target: Int64, paused: Bool) {
        self.elapsed = elapsed; self.target = target; self.paused = paused
    }
}

/// The SLA clock: counted time from creation to resolution (or to "now" for open tickets),
/// inside the business calendar and outside pauses.
public struct SLAClock: Sendable {
    public let policy: ResolvedSLAPolicy

    public init(policy: ResolvedSLAPolicy) { self.policy = policy }

    /// Counted seconds between two instants on the desk's calendar, ignoring pauses.
    @inline(__always)
    public func counted(from a: Int64, to b: Int64) -> Int64 {
        SLACalendar(calendar: policy.policy.calendar, zone: policy.policy.zone).counted(from: a, to: b)
    }

    /// The ticket's resolution state at `now`, its priority looked up by label, on the desk's
    /// calendar (tickets of the data set the policy was resolved for: use
    /// `state(row:of:metric:…)`, which follows each ticket's own policy). A priority the
    /// policy does not know gets no target (0).
    public func state(of ticket: Ticket, pauses: [SLAPause] = [], at now: Int64) -> SLAState {
        state(of: ticket, code: policy.code(of: ticket.priority), pauses: pauses, at: now)
    }

    /// The same with the priority code given. A resolved ticket's clock stopped at its resolution.
    public func state(of ticket: Ticket, code: UInt8?, pauses: [SLAPause] = [], at now: Int64) -> SLAState {
        let target = code.map { Int($0) < policy.targetSeconds.count ? policy.targetSeconds[Int($0)] : 0 } ?? 0
        return resolutionState(Times(ticket), status: ticket.status,
                               calendar: SLACalendar(calendar: policy.policy.calendar, zone: policy.policy.zone),
                               target: target, pauses: pauses, at: now)
    }

    /// Ticket `row`'s state for `metric` at `now`, under the policy it matched and in that
    /// policy's calendar; nil when it has no target for the metric (no policy matched, or its
    /// policy sets none for its priority), or for a first reply the ticket was solved
    /// without (nothing to clock).
    public func state(row: Int, of ticket: Ticket, metric: SLAMetric, pauses: [SLAPause] = [], at now: Int64) -> SLAState? {
        state(row: row, Times(ticket), status: ticket.status, metric: metric, pauses: pauses, at: now)
    }

    /// The same from the ticket's times and status: a desk's every ticket is clocked, and
    /// handing over a `Ticket` read from an array copies it with its nine texts.
    package func state(row: Int, _ ticket: Times, status: String, metric: SLAMetric, pauses: [SLAPause] = [],
                       at now: Int64) -> SLAState? {
        let target = policy.targets[metric.rawValue][row]
        guard target > 0 else { return nil }
        let calendar = policy.calendar(row: row)
        switch metric {
        case .firstReply:
            // Clocked to the first reply and never paused, as help desks clock it.
            if ticket.firstResponseAt == nil && ticket.isResolved { return nil }
            let end = min(now, ticket.firstResponseAt ?? now)
            return SLAState(elapsed: calendar.counted(from: ticket.createdAt, to: end), target: target, paused: false)
        case .resolution:
            return resolutionState(ticket, status: status, calendar: calendar, target: target, pauses: pauses, at: now)
        }
    }

    /// What a ticket's clock reads besides its status: plain values.
    package struct Times {
        package let createdAt: Int64, firstResponseAt: Int64?, resolvedAt: Int64?, state: TicketState

        @inline(__always)
        package init(_ t: Ticket) {
            (createdAt, firstResponseAt, resolvedAt, state) = (t.createdAt, t.firstResponseAt, t.resolvedAt, t.state)
        }

        /// `Ticket.isResolved`.
        package var isResolved: Bool { resolvedAt != nil && state == .solved }
    }

    private func resolutionState(_ ticket: Times, status: String, calendar: SLACalendar, target: Int64, pauses: [SLAPause],
                                 at now: Int64) -> SLAState {
        let end = min(now, ticket.resolvedAt ?? now)
        var elapsed = calendar.counted(from: ticket.createdAt, to: end)
        var pausedNow = false
        if pauses.isEmpty {
            // No intervals given (the common case): at most one, since the first reply, as
            // `effectivePauses` makes it, subtracted without building the arrays.
            guard let answered = ticket.firstResponseAt, policy.policy.pauses(state: ticket.state, label: status) else {
                return SLAState(elapsed: max(elapsed, 0), target: target, paused: false)
            }
            if end > answered { elapsed -= calendar.counted(from: max(answered, ticket.createdAt), to: end) }
            pausedNow = ticket.resolvedAt.map { now < $0 } ?? true && answered <= end && end < Int64.max
            return SLAState(elapsed: max(elapsed, 0), target: target, paused: pausedNow)
        }
        let intervals = effectivePauses(ticket, status: status, pauses)
        if !intervals.isEmpty {
            for (a, b) in mergedIntervals(intervals, upTo: end) {
                elapsed -= calendar.counted(from: max(a, ticket.createdAt), to: b)
            }
            pausedNow = ticket.resolvedAt.map { now < $0 } ?? true
                && intervals.contains { $0.start <= end && ($0.end ?? Int64.max) > end }
        }
        return SLAState(elapsed: max(elapsed, 0), target: target, paused: pausedNow)
    }

    /// The wall-clock instant at which an unpaused open ticket breaches, given its state now,
    /// on the desk's calendar (`deadline(of:at:row:)` for a ticket's own policy).
    public func deadline(of state: SLAState, at now: Int64) -> Int64? {
        deadline(of: state, at: now, calendar: SLACalendar(calendar: policy.policy.calendar, zone: policy.policy.zone))
    }

    /// The same in ticket `row`'s policy calendar.
    public func deadline(of state: SLAState, at now: Int64, row: Int) -> Int64? {
        deadline(of: state, at: now, calendar: policy.calendar(row: row))
    }

    private func deadline(of state: SLAState, at now: Int64, calendar: SLACalendar) -> Int64? {
        guard !state.paused else { return nil }
        let left = state.timeLeft
        guard left > 0 else { return now }
        return calendar.instant(after: left, from: now)
    }

    /// The intervals that stop this ticket's clock: the given ones the policy pauses on, or,
    /// with none given, since its first reply when its status pauses now.
    private func effectivePauses(_ t: Times, status: String, _ given: [SLAPause]) -> [SLAPause] {
        let p = policy.policy
        if !given.isEmpty { return given.filter { p.pauseStates.contains($0.state) } }
        if p.pauses(state: t.state, label: status), let answered = t.firstResponseAt { return [SLAPause(start: answered, state: t.state)] }
        return []
    }

    /// Pauses clipped to `[-∞, end]`, sorted and merged so overlaps are not subtracted twice.
    private func mergedIntervals(_ pauses: [SLAPause], upTo end: Int64) -> [(Int64, Int64)] {
        var spans = pauses.compactMap { p -> (Int64, Int64)? in
            let b = min(p.end ?? end, end)
            return b > p.start ? (p.start, b) : nil
        }
        spans.sort { $0.0 < $1.0 }
        var merged: [(Int64, Int64)] = []
        for s in spans {
            if let last = merged.last, s.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, s.1)
            } else {
                merged.append(s)
            }
        }
        return merged
    }
}

/// Breach labels of resolved tickets for one metric, under each ticket's own policy: 1 when
/// the counted time exceeded its target. Open tickets and tickets with no target for the
/// metric get none (`nil`).
public func breachLabels(_ tickets: [Ticket], clock: SLAClock, metric: SLAMetric, pauses: [[SLAPause]]? = nil) -> [UInt8?] {
    tickets.indices.map { i in
        let t = tickets[i]
        guard t.isResolved, let done = t.resolvedAt else { return nil }
        return clock.state(row: i, of: t, metric: metric, pauses: pauses?[i] ?? [], at: done).map { $0.breached ? 1 : 0 }
    }
}

/// Breach labels of resolved tickets: 1 when counted time at resolution exceeded the
/// target. Open tickets get no label (`nil`).
public func breachLabels(_ tickets: [Ticket], clock: SLAClock, pauses: [[SLAPause]]? = nil) -> [UInt8?] {
    tickets.indices.map { i in
        let t = tickets[i]
        guard t.isResolved, let done = t.resolvedAt else { return nil }
        return clock.state(of: t, code: clock.policy.priorityCode[i], pauses: pauses?[i] ?? [], at: done).breached ? 1 : 0
    }
}
