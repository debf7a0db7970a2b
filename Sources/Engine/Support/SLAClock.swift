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
    public init(start: Int64, end: Int64? = nil) { self.start = start; self.end = end }
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
}

/// The SLA clock: counted time from creation to resolution (or to "now" for open tickets),
/// inside the business calendar and outside pauses.
public struct SLAClock: Sendable {
    public let policy: ResolvedSLAPolicy

    public init(policy: ResolvedSLAPolicy) { self.policy = policy }

    /// Counted seconds between two instants, ignoring pauses.
    @inline(__always)
    public func counted(from a: Int64, to b: Int64) -> Int64 {
        guard b > a else { return 0 }
        if let cal = policy.policy.calendar {
            // Business hours are the desk's wall-clock hours.
            guard let zone = policy.policy.zone else { return cal.businessSeconds(from: a, to: b) }
            return cal.businessSeconds(from: zone.local(fromUTC: a), to: max(zone.local(fromUTC: a), zone.local(fromUTC: b)))
        }
        return b - a
    }

    /// The ticket's state at `now`, its priority looked up by label (tickets of the data set
    /// the policy was resolved for: use `state(of:code:…)` in loops, with its `priorityCode`).
    /// A priority the policy does not know gets no target (0).
    public func state(of ticket: Ticket, pauses: [SLAPause] = [], at now: Int64) -> SLAState {
        state(of: ticket, code: policy.code(of: ticket.priority), pauses: pauses, at: now)
    }

    /// The ticket's state at `now`. A resolved ticket's clock stopped at its resolution.
    public func state(of ticket: Ticket, code: UInt8?, pauses: [SLAPause] = [], at now: Int64) -> SLAState {
        let end = min(now, ticket.resolvedAt ?? now)
        var elapsed = counted(from: ticket.createdAt, to: end)
        var pausedNow = false
        if policy.policy.pauseWhilePending {
            let intervals = effectivePauses(ticket, pauses)
            for (a, b) in mergedIntervals(intervals, upTo: end) {
                elapsed -= counted(from: max(a, ticket.createdAt), to: b)
            }
            pausedNow = ticket.resolvedAt.map { now < $0 } ?? true
                && intervals.contains { $0.start <= end && ($0.end ?? Int64.max) > end }
        }
        let target = code.map { Int($0) < policy.targetSeconds.count ? policy.targetSeconds[Int($0)] : 0 } ?? 0
        return SLAState(elapsed: max(elapsed, 0), target: target, paused: pausedNow)
    }

    /// The wall-clock instant at which an unpaused open ticket breaches, given its state now.
    public func deadline(of state: SLAState, at now: Int64) -> Int64? {
        guard !state.paused else { return nil }
        let left = state.timeLeft
        guard left > 0 else { return now }
        if let cal = policy.policy.calendar {
            guard let zone = policy.policy.zone else { return cal.instant(after: left, from: now) }
            return zone.utc(fromLocal: cal.instant(after: left, from: zone.local(fromUTC: now)))
        }
        return now + left
    }

    private func effectivePauses(_ t: Ticket, _ given: [SLAPause]) -> [SLAPause] {
        if !given.isEmpty { return given }
        if t.state == .waitingOnCustomer, let answered = t.firstResponseAt { return [SLAPause(start: answered)] }
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

/// Breach labels of resolved tickets: 1 when counted time at resolution exceeded the
/// target. Open tickets get no label (`nil`).
public func breachLabels(_ tickets: [Ticket], clock: SLAClock, pauses: [[SLAPause]]? = nil) -> [UInt8?] {
    tickets.indices.map { i in
        let t = tickets[i]
        guard t.isResolved, let done = t.resolvedAt else { return nil }
        return clock.state(of: t, code: clock.policy.priorityCode[i], pauses: pauses?[i] ?? [], at: done).breached ? 1 : 0
    }
}
