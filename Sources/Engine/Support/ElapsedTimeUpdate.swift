import Core
/// Updates an open ticket's breach probability for the time it has already stayed open.
///
/// The breach model scores a ticket as it arrived. A ticket still open after counted time
/// `e` (below its target) has shed every outcome in which it would have been resolved
/// sooner. A breach implies still being open at `e`, so by Bayes
///
///     P(breach | open at e) = p / (p + (1 − p) · S(e)),
///
/// with S(e) the share of on-time tickets of the same priority still open at e, read from
/// the resolved history. It equals p at e = 0 and rises to 1 as e nears the target. The
/// one assumption: among tickets that meet their target, how long they take does not depend
/// on the other features.
public struct ElapsedTimeUpdate: Sendable {
    /// Per priority code: counted resolution times of on-time resolved tickets, ascending.
    package let onTimeDurations: [[Int64]]

    /// `elapsed[k]`/`labels[k]` for each resolved ticket `rows[k]`; `priorityCodes[i]` is
    /// ticket i's code among `levels` priorities (`ResolvedSLAPolicy.priorityCode`).
    public init(priorityCodes: [UInt8], levels: Int, rows: [Int], elapsed: [Int64], labels: [UInt8]) {
        var d = [[Int64]](repeating: [], count: levels)
        for (k, i) in rows.enumerated() where labels[k] == 0 {
            d[Int(priorityCodes[i])].append(elapsed[k])
        }
        onTimeDurations = d.map { $0.sorted() }
    }

    /// From saved curves (`SLAClockCurves`): per priority code, ascending durations.
    package init(onTimeDurations: [[Int64]]) { self.onTimeDurations = onTimeDurations }

    /// Share of on-time tickets of this priority still open after `elapsed` counted seconds;
    /// 1 when the history holds none (no evidence, no update).
    public func stillOpenShare(priority: UInt8, elapsed: Int64) -> Double {
        guard Int(priority) < onTimeDurations.count else { return 1 }
        let d = onTimeDurations[Int(priority)]
        guard !d.isEmpty else { return 1 }
        var lo = 0, hi = d.count  // first index with duration > elapsed
        while lo < hi {
            let mid = (lo + hi) / 2
            if d[mid] <= elapsed { lo = mid + 1 } else { hi = mid }
        }
        return Double(d.count - lo) / Double(d.count)
    }

    /// The updated probability; a ticket already past its target has breached (1).
    public func probability(atArrival p: Double, priority: UInt8, state: SLAState) -> Double {
        if state.breached { return 1 }
        let s = stillOpenShare(priority: priority, elapsed: state.elapsed)
        let denominator = p + (1 - p) * s
        return denominator > 0 ? p / denominator : 1
    }
}
