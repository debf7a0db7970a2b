import Core
extension EscalationQueue {
    /// The queue with each entry's metric named (by ticket index) and its deadline read in
    /// the calendar of the ticket's own policy; order and expected losses unchanged.
    package init(_ queue: EscalationQueue, metricOf: [Int: SLAMetric], clock: SLAClock, now: Int64) {
        entries = queue.entries.map { e in
            var e = e
            e.metric = metricOf[e.index] ?? .resolution
            e.deadline = clock.deadline(of: e.state, at: now, row: e.index)
            return e
        }
    }
}
