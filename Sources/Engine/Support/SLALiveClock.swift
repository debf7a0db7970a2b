import Foundation
import Core

/// Where the running clock reads the time: the wall clock in the command center, a fixed
/// instant that tests move by hand.
public protocol SLATimeSource: Sendable {
    /// Seconds since 1970 UTC.
    func now() -> Int64
}

/// The system's wall clock.
public struct WallTimeSource: SLATimeSource {
    public init() {}
    public func now() -> Int64 { WallClock.now() }
}

/// The wall clock shifted by a fixed offset: a run on data that ended long ago (the demo, an
/// old export) runs on from the run's own instant at the wall clock's pace.
public struct OffsetTimeSource: SLATimeSource {
    public let offset: Int64
    public init(offset: Int64) { self.offset = offset }
    public func now() -> Int64 { WallClock.now() + offset }
}

/// A clock that stands where it is set: tests advance it.
public final class FixedTimeSource: SLATimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var t: Int64

    public init(_ t: Int64) { self.t = t }

    public func now() -> Int64 { lock.lock(); defer { lock.unlock() }; return t }

    public func set(_ t: Int64) { lock.lock(); self.t = t; lock.unlock() }

    public func advance(by seconds: Int64) { lock.lock(); t += seconds; lock.unlock() }
}

/// The SLA queue re-clocked at a later instant than the run, from the run's saved numbers
/// only: no refit, no ticket reload.
///
/// Per open ticket the run saved its counted time, target, pause and the wall-clock
/// instant it breaches (`deadline`, on the desk's calendar). Between the run and that
/// deadline counted time is spread evenly over the wall time left (exact for a
/// round-the-clock desk and at both ends for one with business hours); a paused ticket's
/// clock stands. The probability is the run's arrival score updated for the longer time
/// open (`ElapsedTimeUpdate`, read from `sla-clock.bin`), recovered from the saved
/// probability by inverting that update, so it is the run's model at the new elapsed time.
/// Past its deadline a ticket is breached (p 1, only the intervention cost left) and the
/// deadline is when. Everything is a flat array, so a tick over 10 000 tickets is a few
/// array passes and two sorts.
public struct SLALiveClock: Sendable {
    /// The snapshot as the run saved it.
    public let base: SupportSnapshot
    /// Whether p moves with elapsed time (the run saved its curves).
    public let rescores: Bool
    private let elapsed0: [Int64]
    private let target: [Int64]
    private let paused: [Bool]
    private let deadline: [Int64]  // Int64.max while paused
    /// Counted seconds per wall second until the deadline.
    private let rate: [Double]
    private let arrival: [Double]
    private let cost: [Double]
    private let priority: [UInt8]
    private let updateIndex: [Int]  // into `updates`, -1 without one
    private let updates: [ElapsedTimeUpdate]
    private let breachedAtRun: [Bool]

    public init(_ snapshot: SupportSnapshot, curves: SLAClockCurves?) {
        base = snapshot
        let rows = snapshot.rows
        var updates: [ElapsedTimeUpdate] = []
        var indexOf: [UInt8: Int] = [:]
        if let curves {
            for code in curves.durations.keys.sorted() {
                guard let m = SLAMetric(code: code), let u = curves.update(for: m) else { continue }
                indexOf[code] = updates.count
                updates.append(u)
            }
        }
        self.updates = updates
        rescores = !updates.isEmpty
        elapsed0 = rows.map(\.state.elapsed)
        target = rows.map(\.state.target)
        paused = rows.map(\.state.paused)
        breachedAtRun = rows.map(\.state.breached)
        deadline = rows.map { $0.state.paused ? Int64.max : ($0.deadline ?? Int64.max) }
        priority = rows.map(\.priorityCode)
        cost = rows.map(\.breachCost)
        updateIndex = rows.map { indexOf[$0.metric.code] ?? -1 }
        let now = snapshot.now
        rate = rows.map { r in
            guard let d = r.deadline, !r.state.paused, d > now, r.state.timeLeft > 0 else { return 1 }
            return Double(r.state.timeLeft) / Double(d - now)
        }
        arrival = rows.indices.map { k in
            let r = rows[k]
            let idx = indexOf[r.metric.code] ?? -1
            guard idx >= 0, !r.state.breached else { return r.probabilityAtArrival }
            // P = p / (p + (1 − p) S)  ⇒  p = P S / (1 − P + P S)
            let s = updates[idx].stillOpenShare(priority: r.priorityCode, elapsed: r.state.elapsed)
            let big = r.probability, den = 1 - big + big * s
            return den > 0 ? big * s / den : r.probabilityAtArrival
        }
    }

    /// What one tick produced.
    public struct Tick: Sendable {
        /// The queue at `snapshot.now`, re-ranked by expected loss; the open-queue KPIs follow.
        public var snapshot: SupportSnapshot
        /// Tickets that passed their target after the run, and when (their deadline).
        public var breachedAt: [String: Int64]
    }

    /// The queue at `instant` with the run's effectiveness and escalation cost ranking it.
    public func tick(at instant: Int64) -> Tick {
        var s = base
        var order = Array(0..<base.rows.count)
        let breached = advance(&s, order: &order, to: instant)
        return Tick(snapshot: s, breachedAt: breached)
    }

    /// Re-clocks `snapshot` (this clock's base or an earlier tick of it) in place to `instant`:
    /// `order[j]` is the base row now at position j, and both are updated. Rows are swapped
    /// into their new ranks and three fields rewritten, so a tick copies no ticket (a copy of
    /// 10 000 queue rows, their strings retained one by one, would cost more than the rest).
    /// Ranking by expected loss at the run's effectiveness and escalation cost; ties keep the
    /// run's order, so at the run's own instant the run's queue comes back. Returns the
    /// tickets that passed their target after `snapshot.now` and up to `instant`, with when.
    public func advance(_ snapshot: inout SupportSnapshot, order: inout [Int], to instant: Int64) -> [String: Int64] {
        let rows = base.rows
        let n = rows.count
        guard snapshot.rows.count == n, order.count == n else {
            snapshot = base
            order = Array(0..<n)
            return advance(&snapshot, order: &order, to: instant)
        }
        let effectiveness = base.policy.effectiveness, interventionCost = base.policy.interventionCost
        let shift = instant - base.now, previous = snapshot.now
        var elapsed = [Int64](repeating: 0, count: n)
        var breached = [Bool](repeating: false, count: n)
        var p = [Double](repeating: 0, count: n)
        var loss = [Double](repeating: 0, count: n)
        var breachedAt: [String: Int64] = [:]
        for k in 0..<n {
            var e = elapsed0[k]
            let d = deadline[k]
            var isBreached = breachedAtRun[k]
            if !paused[k], shift != 0 {
                if instant > d {
                    // Past the deadline: the target is spent and counting goes on at the same pace.
                    e = max(target[k] + 1, target[k] + Int64(Double(instant - d) * rate[k]))
                    isBreached = true
                    if !breachedAtRun[k], d >= previous { breachedAt[rows[k].id] = d }
                } else {
                    e = max(0, e + Int64(Double(shift) * rate[k]))
                    if d != Int64.max { e = min(e, target[k]) }  // on or before the deadline: not yet over
                    isBreached = isBreached || (target[k] > 0 && e > target[k])
                }
            }
            elapsed[k] = e
            breached[k] = isBreached
            let probability: Double
            if isBreached {
                probability = breachedAtRun[k] ? rows[k].probability : 1
            } else if e == elapsed0[k] || updateIndex[k] < 0 {
                probability = rows[k].probability
            } else {
                let a = arrival[k]
                let s = updates[updateIndex[k]].stillOpenShare(priority: priority[k], elapsed: e)
                let den = a + (1 - a) * s
                probability = den > 0 ? a / den : 1
            }
            p[k] = probability
            loss[k] = (isBreached ? 0 : probability * cost[k] * effectiveness) - interventionCost
        }
        // From the previous ranks: a minute moves few tickets, so the sort sees long runs.
        var newOrder = order
        newOrder.sort { a, b in loss[a] != loss[b] ? loss[a] > loss[b] : a < b }
        // Swap rows into their new ranks: `position[k]` is where base row k stands now.
        var position = [Int](repeating: 0, count: n)
        for (j, k) in order.enumerated() { position[k] = j }
        snapshot.rows.withUnsafeMutableBufferPointer { buffer in
            for target in 0..<n {
                let k = newOrder[target]
                let from = position[k]
                guard from != target else { continue }
                buffer.swapAt(from, target)
                let displaced = order[target]
                order[from] = displaced
                position[displaced] = from
                order[target] = k
                position[k] = target
            }
            for j in 0..<n {
                let k = order[j]
                buffer[j].state.elapsed = elapsed[k]
                buffer[j].probability = p[k]
                buffer[j].expectedLoss = loss[k]
            }
        }
        snapshot.now = instant
        var savable = [Double](repeating: 0, count: n)
        var openCost = [Double](repeating: 0, count: n)
        for j in 0..<n {
            let k = order[j]
            savable[j] = breached[k] ? 0 : p[k]
            openCost[j] = savable[j] * cost[k]
        }
        snapshot.openExpectation = shift == 0 ? base.openExpectation
            : CapacityTable(day: [Int](repeating: 0, count: n), score: openCost, cost: openCost, breach: savable)
        return breachedAt
    }
}
