import Core
import Optimisation
/// The contact centre's day: per staffed channel and interval, how many contacts the team
/// can take at the service level (Erlang C), which contacts go where (earliest SLA deadline
/// first, then highest NBA), what is left over (backlog) and which deadlines are met.
///
/// An interval takes at most as many contacts as the rostered agents, after shrinkage, can
/// answer at the channel's service level and occupancy cap, so a scheduled interval meets
/// its target by construction; misses are contacts past their deadline or left in the backlog.
/// A contact whose ticket was already past its SLA before the channel opened cannot be met by
/// any plan: it is worked first and counted apart ("overdue at start"), not as a miss of the plan.
public struct ContactCentrePlan: Sendable, Equatable {
    public enum SLAOutcome: String, Sendable, Equatable {
        case met, missed
        case overdueAtStart = "overdue at start"
    }

    public struct Interval: Sendable, Equatable {
        public var channel: SalesChannel
        public var startMinute: Int
        public var contacts: Int
        public var erlangs: Double
        /// Erlang C agents this volume needs (before shrinkage) and to roster (after).
        public var agentsNeeded: Int
        public var rosterNeeded: Int
        public var agentsAvailable: Int
        public var serviceLevel: Double

        package init(channel: SalesChannel, startMinute: Int, contacts: Int, erlangs: Double, agentsNeeded: Int, rosterNeeded: Int, agentsAvailable: Int, serviceLevel: Double) {
            self.channel = channel; self.startMinute = startMinute; self.contacts = contacts; self.erlangs = erlangs; self.agentsNeeded = agentsNeeded; self.rosterNeeded = rosterNeeded; self.agentsAvailable = agentsAvailable; self.serviceLevel = serviceLevel
        }
    }

    public struct Contact: Sendable, Equatable {
        public var account: Int
        public var channel: SalesChannel
        /// Interval start, minutes after midnight; nil when it is in the backlog.
        public var startMinute: Int?
        /// Minutes after midnight of the planning day the account must be answered by (nil: none).
        public var deadlineMinute: Int?
        public var nba: Float
        public var sla: SLAOutcome
        /// Counted seconds past the SLA target when the day started (0 unless overdue from the data).
        public var overdueSeconds: Int64
    }

    public struct ChannelResult: Sendable, Equatable {
        public var channel: SalesChannel
        public var planned: Int
        public var scheduled: Int
        public var backlog: Int
        public var slaMet: Int
        public var slaMissed: Int
        /// Contacts whose deadline had passed before the channel opened (neither met nor missed).
        public var overdueAtStart: Int
        /// Contacts one interval can take at the service level with the rostered team.
        public var perInterval: Int

        package init(channel: SalesChannel, planned: Int, scheduled: Int, backlog: Int, slaMet: Int, slaMissed: Int, overdueAtStart: Int, perInterval: Int) {
            self.channel = channel; self.planned = planned; self.scheduled = scheduled; self.backlog = backlog; self.slaMet = slaMet; self.slaMissed = slaMissed; self.overdueAtStart = overdueAtStart; self.perInterval = perInterval
        }
    }

    public var intervals: [Interval]
    /// The day's schedule in the order it is worked (per channel: deadline, then NBA).
    public var schedule: [Contact]
    public var channels: [ChannelResult]

    /// `accounts` are today's contacts (account index, channel); `deadline` (minutes after the
    /// planning day's midnight), `overdueSeconds` (how far past its SLA the account's ticket was
    /// at midnight; empty: none) and `nba` are per account.
    public init(accounts: [(account: Int, channel: SalesChannel)], nba: [Float], deadline: [Int32?], overdueSeconds: [Int64] = [],
                staffing: [ContactCentreChannel]) {
        let overdue = { (a: Int) -> Int64 in a < overdueSeconds.count ? overdueSeconds[a] : 0 }
        var intervals: [Interval] = [], schedule: [Contact] = [], channels: [ChannelResult] = []
        for cc in staffing {
            // Overdue at the open: the ticket was past its SLA already, or its deadline falls before the channel opens.
            let late = { (a: Int) -> Bool in overdue(a) > 0 || deadline[a].map { Int($0) <= cc.openMinute } ?? false }
            let mine = accounts.filter { $0.channel == cc.channel }.map(\.account).sorted { a, b in
                let la = late(a), lb = late(b)
                if la != lb { return la }
                if la && overdue(a) != overdue(b) { return overdue(a) > overdue(b) }  // longest overdue first
                let da = deadline[a].map(Int.init) ?? Int.max, db = deadline[b].map(Int.init) ?? Int.max
                if da != db { return da < db }
                return nba[a] != nba[b] ? nba[a] > nba[b] : a < b
            }
            let seconds = Double(cc.intervalMinutes * 60)
            let available = Int((Double(cc.agents) * (1 - cc.shrinkage)).rounded(.down))
            let cap = Self.capacity(agents: available, cc)
            var result = ChannelResult(channel: cc.channel, planned: mine.count, scheduled: 0, backlog: 0, slaMet: 0, slaMissed: 0,
                                       overdueAtStart: 0, perInterval: cap)
            func add(_ a: Int, start: Int?, met: Bool) {
                let outcome: SLAOutcome = late(a) ? .overdueAtStart : met ? .met : .missed
                schedule.append(Contact(account: a, channel: cc.channel, startMinute: start, deadlineMinute: deadline[a].map(Int.init),
                                        nba: nba[a], sla: outcome, overdueSeconds: overdue(a)))
                switch outcome {
                case .met: result.slaMet += 1
                case .missed: result.slaMissed += 1
                case .overdueAtStart: result.overdueAtStart += 1
                }
            }
            var next = 0
            var start = cc.openMinute
            while start + cc.intervalMinutes <= cc.closeMinute {
                let take = min(cap, mine.count - next)
                let s = ErlangC.staffing(calls: Double(take), intervalSeconds: seconds, handleSeconds: cc.handleSeconds,
                                         serviceLevel: cc.serviceLevel, answerSeconds: cc.answerSeconds,
                                         maxOccupancy: cc.maxOccupancy, shrinkage: cc.shrinkage)
                let sl = ErlangC.serviceLevel(agents: available, erlangs: s.erlangs, handleSeconds: cc.handleSeconds, answerSeconds: cc.answerSeconds)
                intervals.append(Interval(channel: cc.channel, startMinute: start, contacts: take, erlangs: s.erlangs,
                                          agentsNeeded: s.agents, rosterNeeded: s.rostered, agentsAvailable: available, serviceLevel: sl))
                for a in mine[next..<(next + take)] {
                    add(a, start: start, met: deadline[a].map { Int($0) >= start + cc.intervalMinutes } ?? true)
                }
                next += take
                start += cc.intervalMinutes
            }
            result.scheduled = next
            for a in mine[next...] {
                // A backlogged contact misses its deadline when it has one today or earlier.
                add(a, start: nil, met: deadline[a].map { Int($0) >= 24 * 60 } ?? true)
            }
            result.backlog = mine.count - next
            channels.append(result)
        }
        self.intervals = intervals
        self.schedule = schedule
        self.channels = channels
    }

    /// Most contacts per interval that `agents` answer at the channel's target and occupancy cap.
    package static func capacity(agents: Int, _ cc: ContactCentreChannel) -> Int {
        guard agents > 0 else { return 0 }
        let seconds = Double(cc.intervalMinutes * 60)
        var v = 0
        // Load is at most agents × occupancy, so this loop is short.
        let ceiling = Int(Double(agents) * cc.maxOccupancy * seconds / cc.handleSeconds) + 1
        while v < ceiling {
            let s = ErlangC.staffing(calls: Double(v + 1), intervalSeconds: seconds, handleSeconds: cc.handleSeconds,
                                     serviceLevel: cc.serviceLevel, answerSeconds: cc.answerSeconds, maxOccupancy: cc.maxOccupancy)
            if s.agents > agents { break }
            v += 1
        }
        return v
    }
}
