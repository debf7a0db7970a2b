import Dispatch
import Core
import Optimisation

/// One channel of an allocation, as the Channels screen shows it. The counts add up two ways:
/// `demand = allocated + deferred + beyondHorizon` (when the plan serves the channel's accounts)
/// and `demand = bestFit + movedIn − movedOut` (why they are on this channel).
public struct ChannelSummary: Sendable, Equatable {
    public var channel: SalesChannel
    public var capacity: Int
    /// Accounts the plan puts on this channel, over every day and past the horizon.
    public var demand: Int
    /// Accounts it serves on the first planning day.
    public var allocated: Int
    /// Accounts it serves on a later planning day (waiting, by priority).
    public var deferred: Int
    /// Accounts waiting past the planning horizon (they keep their best channel).
    public var beyondHorizon: Int
    /// Accounts whose best-fitting channel this is.
    public var bestFit: Int
    /// Accounts served here (some planning day) whose best channel was full.
    public var movedIn: Int
    /// Accounts that fit this channel best but are served by another (this one was full).
    public var movedOut: Int
    /// Share of today's accounts for which this is also their best channel (1 = capacity forced nobody here).
    public var confidence: Double
    public var meanFit: Double

    package init(channel: SalesChannel, capacity: Int, demand: Int, allocated: Int, deferred: Int, beyondHorizon: Int, bestFit: Int, movedIn: Int, movedOut: Int, confidence: Double, meanFit: Double) {
        self.channel = channel; self.capacity = capacity; self.demand = demand; self.allocated = allocated; self.deferred = deferred; self.beyondHorizon = beyondHorizon; self.bestFit = bestFit; self.movedIn = movedIn; self.movedOut = movedOut; self.confidence = confidence; self.meanFit = meanFit
    }
}

/// Each account gets one channel, maximising total fit subject to each channel's daily
/// capacity. The accounts beyond a day's total capacity wait for the next day, in priority
/// (NBA) order: day d serves priority positions [d·C, (d+1)·C). Within a day the choice is a
/// transportation problem solved exactly by the min-cost flow (source → account → channel →
/// sink). Days past the planning horizon are not solved; those accounts keep their best
/// channel and their day, so the backlog is reported, never silent.
public struct ChannelAllocation: Sendable, Equatable {
    public var channel: [UInt8]
    /// Planning day (0 = today); ≥ `days` means past the horizon; -1 when nothing has capacity.
    public var day: [Int32]
    public var summary: [ChannelSummary]
    /// Total fit of the accounts served on day 0.
    public var todayFit: Double
    public var days: Int
    public var beyondHorizon: Int
    /// Daily capacity per channel the allocation used.
    public var capacity: [Int]

    public init(fit: [Float], priority: [Int], capacity: [Int], days: Int, threads: Int = 2) {
        let k = ChannelFit.channels
        let n = priority.count
        precondition(fit.count == n * k && capacity.count == k, "fit must be n × 5 and capacity has 5 entries")
        let best = (0..<n).map { UInt8(Self.bestChannel($0, fit: fit)) }
        var channel = best
        var day = [Int32](repeating: -1, count: n)
        let perDay = capacity.reduce(0, +)
        var solvedDays = 0
        if perDay > 0 {
            for (pos, i) in priority.enumerated() { day[i] = Int32(min(pos / perDay, Int(Int32.max - 1))) }
            let dayCount = min(days, (n + perDay - 1) / perDay)
            solvedDays = dayCount
            let slots = ParallelSlots<[UInt8]>(count: dayCount)
            let workers = max(1, min(threads, dayCount))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var d = worker
                while d < dayCount {
                    let members = Array(priority[(d * perDay)..<min(n, (d + 1) * perDay)])
                    slots[d] = Self.solveDay(members, fit: fit, capacity: capacity)
                    d += workers
                }
            }
            for d in 0..<solvedDays {
                let members = priority[(d * perDay)..<min(n, (d + 1) * perDay)]
                for (j, i) in members.enumerated() { channel[i] = slots[d]?[j] ?? best[i] }
            }
        }
        self.channel = channel
        self.day = day
        self.days = days
        self.capacity = capacity
        beyondHorizon = 0
        summary = []
        todayFit = 0
        summarise(fit: fit)
    }

    /// Recounts `summary`, `todayFit` and `beyondHorizon` from `channel` and `day`.
    package mutating func summarise(fit: [Float]) {
        let k = ChannelFit.channels, n = channel.count
        beyondHorizon = day.reduce(0) { $0 + ($1 >= Int32(days) || $1 < 0 ? 1 : 0) }
        var todayFit = 0.0
        var summary = SalesChannel.allCases.map {
            ChannelSummary(channel: $0, capacity: capacity[Int($0.code)], demand: 0, allocated: 0, deferred: 0, beyondHorizon: 0,
                           bestFit: 0, movedIn: 0, movedOut: 0, confidence: 0, meanFit: 0)
        }
        var agree = [Int](repeating: 0, count: k)
        for i in 0..<n {
            let c = Int(channel[i]), b = Self.bestChannel(i, fit: fit)
            summary[b].bestFit += 1
            summary[c].demand += 1
            if c != b {
                summary[c].movedIn += 1
                summary[b].movedOut += 1
            }
            if day[i] == 0 {
                summary[c].allocated += 1
                summary[c].meanFit += Double(fit[i * k + c])
                todayFit += Double(fit[i * k + c])
                if b == c { agree[c] += 1 }
            } else if day[i] > 0 && day[i] < Int32(days) {
                summary[c].deferred += 1
            } else {
                summary[c].beyondHorizon += 1
            }
        }
        for c in 0..<k where summary[c].allocated > 0 {
            summary[c].confidence = Double(agree[c]) / Double(summary[c].allocated)
            summary[c].meanFit /= Double(summary[c].allocated)
        }
        self.summary = summary
        self.todayFit = todayFit
    }

    package static func bestChannel(_ i: Int, fit: [Float]) -> Int {
        let k = ChannelFit.channels
        var b = 0
        for c in 1..<k where fit[i * k + c] > fit[i * k + b] { b = c }
        return b
    }

    /// The day's transportation problem: each account supplies one unit, each channel
    /// absorbs up to its capacity, arc cost (2 − fit) in 1/10 000 steps — every account uses
    /// exactly one arc, so least cost is most fit. A day never holds more accounts than the
    /// channels' total capacity, so every member is served. Solved exactly over the 5
    /// channels (`Transportation.assignUnits`); channels without capacity take nobody.
    package static func solveDay(_ members: [Int], fit: [Float], capacity: [Int]) -> [UInt8] {
        let k = ChannelFit.channels
        var cost = [Int](repeating: 0, count: members.count * k)
        for (j, i) in members.enumerated() {
            for c in 0..<k { cost[j * k + c] = Int(((2 - Double(fit[i * k + c])) * 10_000).rounded()) }  // ≥ 0 for fits ≤ 2
        }
        return Transportation.assignUnits(cost: cost, capacity: capacity).column.map { UInt8($0) }
    }
}
