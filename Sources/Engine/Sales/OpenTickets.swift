/// Open tickets by account, with the earliest SLA deadline: the support side of the NBA's
/// friction term, of the contact-centre schedule and of the prep scripts.
public struct OpenTickets: Sendable {
    /// Per account, indices into `tickets` of its open tickets (CSR layout: `start[i]..<start[i+1]`).
    public var start: [Int32]
    public var items: [Int32]
    /// Per account, earliest deadline in seconds since 1970 (Int64.max when none).
    public var deadline: [Int64]

    /// Matches `ticket.customerKey` to customer ids (sorted search, no dictionary in the loop).
    public init(customers: [Customer], tickets: [Ticket], slaHours: [Double]) {
        let n = customers.count
        let order = (0..<n).sorted { customers[$0].id < customers[$1].id }
        let ids = order.map { customers[$0].id }
        var owner = [Int32](repeating: -1, count: tickets.count)
        var count = [Int32](repeating: 0, count: n + 1)
        var deadline = [Int64](repeating: .max, count: n)
        for (t, ticket) in tickets.enumerated() where ticket.resolvedAt == nil {
            guard let key = ticket.customerKey else { continue }
            var lo = 0, hi = ids.count
            while lo < hi { let mid = (lo + hi) / 2; if ids[mid] < key { lo = mid + 1 } else { hi = mid } }
            guard lo < ids.count, ids[lo] == key else { continue }
            let i = order[lo]
            owner[t] = Int32(i)
            count[i + 1] += 1
            let hours = slaHours[min(slaHours.count - 1, Int(ticket.priority.code))]
            deadline[i] = min(deadline[i], ticket.createdAt + Int64(hours * 3600))
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
    }

    public func count(_ i: Int) -> Int { Int(start[i + 1] - start[i]) }

    public func tickets(_ i: Int) -> ArraySlice<Int32> { items[Int(start[i])..<Int(start[i + 1])] }
}
