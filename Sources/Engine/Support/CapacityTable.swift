import Core
import Learning
/// What escalating the top N tickets of each day yields, for any N, without re-sorting.
///
/// Built once: tickets are grouped by day and sorted by their ranking score (highest
/// first); per day we keep prefix sums of the breach cost and breach count an escalation
/// would catch. `outcome(capacity:)` then reads one prefix entry per day: O(days).
/// Effectiveness and intervention cost are applied at query time (they scale every ticket
/// alike, so they never change the order), so those sliders are free too.
public struct CapacityTable: Sendable {
    /// Day numbers present, ascending.
    public let days: [Int]
    /// Per day: offset of its first prefix entry in `cost`/`breaches`; the day has
    /// `start[d+1] - start[d] - 1` tickets and its prefix entries run 0…that count.
    package let start: [Int]
    /// Per-day prefix sums of the caught breach cost (truth for a backtest, p × cost for an
    /// expectation) and of caught breaches (truth or p), each day's block starting at 0.
    package let cost: [Double]
    package let breaches: [Double]
    /// Per rank r: summed over days, the cost and breaches of the ticket ranked r-th and
    /// the number of days having one (the capacity curve without a per-day loop).
    package let rankCost: [Double]
    package let rankBreaches: [Double]
    package let rankCount: [Int]
    /// Total breach cost and breaches over all tickets (the capture curve's denominator).
    public let totalCost: Double
    public let totalBreaches: Double
    public var ticketCount: Int { start.last.map { $0 - days.count } ?? 0 }
    /// The largest number of tickets on one day: beyond it, capacity changes nothing.
    public var maxPerDay: Int { rankCount.count }

    /// `day[i]`: the ticket's escalation day; `score[i]`: ranking (higher first, ties by
    /// index); `cost[i]`/`breach[i]`: what escalating it would catch at effectiveness 1.
    public init(day: [Int], score: [Double], cost: [Double], breach: [Double]) {
        self.init(order: Self.order(day: day, score: score), day: day, cost: cost, breach: breach)
    }

    /// The rows by day (ascending), then score (highest first), then index: the table's order.
    /// A desk's tickets fall on a few hundred days, so they are dealt into days in index order
    /// (a counting sort) and only each day's block is ordered by score, by a stable radix sort
    /// (`ScoreOrder`): the same order as one sort on (day, score, row), with buffers the size
    /// of one day's tickets.
    package static func order(day: [Int], score: [Double]) -> [Int] {
        let n = day.count
        guard n > 0 else { return [] }
        var lo = Int.max, hi = Int.min
        for d in day { lo = min(lo, d); hi = max(hi, d) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < 4 * n + 1024 else { return sortedOrder(day: day, score: score) }
        var begin = [Int](repeating: 0, count: span + 2)
        for d in day { begin[d - lo + 1] += 1 }
        for b in 1..<begin.count { begin[b] += begin[b - 1] }
        var next = begin
        var order = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let b = day[i] - lo
            order[next[b]] = i
            next[b] += 1
        }
        score.withUnsafeBufferPointer { s in
            for b in 0...span where begin[b + 1] - begin[b] > 1 {
                let sorted = ScoreOrder.descending(rows: Array(order[begin[b]..<begin[b + 1]]), scores: s)
                order.replaceSubrange(begin[b]..<begin[b + 1], with: sorted)
            }
        }
        return order
    }

    /// The same order by one sort of every row (days spread too thin for a table of them).
    private static func sortedOrder(day: [Int], score: [Double]) -> [Int] {
        // Sorted as one array of keys (no lookups into three arrays per comparison).
        var keys = (0..<day.count).map { (day: day[$0], score: score[$0], row: $0) }
        keys.sort { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.score != b.score { return a.score > b.score }
            return a.row < b.row
        }
        return keys.map(\.row)
    }

    /// The table over rows already in `order(day:score:)`'s order: two tables ranked by the
    /// same scores share one sort.
    package init(order: [Int], day: [Int], cost: [Double], breach: [Double]) {
        let n = day.count
        var days: [Int] = [], start: [Int] = []
        var c = [Double](), b = [Double]()
        c.reserveCapacity(n + 366); b.reserveCapacity(n + 366)
        var rc: [Double] = [], rb: [Double] = [], rn: [Int] = []
        var k = 0
        while k < n {
            let d = day[order[k]]
            days.append(d); start.append(c.count)
            c.append(0); b.append(0)
            var rank = 0
            while k < n && day[order[k]] == d {
                let i = order[k]
                c.append((c.last ?? 0) + cost[i]); b.append((b.last ?? 0) + breach[i])
                if rank == rc.count { rc.append(0); rb.append(0); rn.append(0) }
                rc[rank] += cost[i]; rb[rank] += breach[i]; rn[rank] += 1
                rank += 1; k += 1
            }
        }
        start.append(c.count)
        self.days = days; self.start = start; self.cost = c; self.breaches = b
        self.rankCost = rc; self.rankBreaches = rb; self.rankCount = rn
        totalCost = rc.reduce(0, +); totalBreaches = rb.reduce(0, +)
    }

    /// Escalating the top `capacity` tickets of every day: O(days).
    public func outcome(capacity: Int, effectiveness: Double, interventionCost: Double) -> CapacityOutcome {
        let n = max(capacity, 0)
        var reviews = 0, caughtCost = 0.0, caught = 0.0
        start.withUnsafeBufferPointer { s in
            cost.withUnsafeBufferPointer { c in
                breaches.withUnsafeBufferPointer { b in
                    for d in 0..<(s.count - 1) {
                        let k = min(n, s[d + 1] - s[d] - 1)
                        reviews += k
                        caughtCost += c[s[d] + k]
                        caught += b[s[d] + k]
                    }
                }
            }
        }
        return CapacityOutcome(capacity: n, reviews: reviews, breachesPrevented: caught * effectiveness,
                               grossSavings: caughtCost * effectiveness,
                               operationsCost: Double(reviews) * interventionCost,
                               capturedShare: totalCost > 0 ? caughtCost / totalCost : 0)
    }

    /// The outcome at every capacity 0…maxPerDay, from the per-rank totals: O(maxPerDay).
    public func curve(effectiveness: Double, interventionCost: Double) -> [CapacityOutcome] {
        var out: [CapacityOutcome] = []
        out.reserveCapacity(rankCount.count + 1)
        var reviews = 0, caughtCost = 0.0, caught = 0.0
        for n in 0...rankCount.count {
            out.append(CapacityOutcome(capacity: n, reviews: reviews, breachesPrevented: caught * effectiveness,
                                       grossSavings: caughtCost * effectiveness,
                                       operationsCost: Double(reviews) * interventionCost,
                                       capturedShare: totalCost > 0 ? caughtCost / totalCost : 0))
            if n < rankCount.count {
                reviews += rankCount[n]; caughtCost += rankCost[n]; caught += rankBreaches[n]
            }
        }
        return out
    }
}

/// The result of one daily escalation capacity.
public struct CapacityOutcome: Sendable, Equatable {
    /// Tickets per day the desk may escalate.
    public var capacity: Int
    /// Escalations actually made (days with fewer tickets use fewer).
    public var reviews: Int
    public var breachesPrevented: Double
    /// Breach cost avoided.
    public var grossSavings: Double
    /// Reviews × intervention cost.
    public var operationsCost: Double
    /// Share of all breach cost that the escalated tickets carried (before effectiveness).
    public var capturedShare: Double

    public var netSavings: Double { grossSavings - operationsCost }
    /// Net savings per unit spent on escalations; nil when nothing was spent.
    public var roi: Double? { operationsCost > 0 ? netSavings / operationsCost : nil }
}

extension CapacityTable {
    /// The capacity with the highest net savings (the smallest such N on ties): where the
    /// marginal saving of one more escalation per day stops paying for its intervention
    /// cost. The whole curve is scanned because the marginal is not monotone in N once
    /// short days run out of tickets.
    public func suggestedCapacity(effectiveness: Double, interventionCost: Double) -> Int {
        var best = 0, bestNet = 0.0
        for o in curve(effectiveness: effectiveness, interventionCost: interventionCost) where o.netSavings > bestNet {
            best = o.capacity; bestNet = o.netSavings
        }
        return best
    }
}
