/// The contact centre's day: per staffed channel and interval, how many contacts the team
/// can take at the service level (Erlang C), which contacts go where (earliest SLA deadline
/// first, then highest NBA), what is left over (backlog) and which deadlines are met.
///
/// An interval takes at most as many contacts as the rostered agents, after shrinkage, can
/// answer at the channel's service level and occupancy cap, so a scheduled interval meets
/// its target by construction; misses are contacts past their deadline or left in the backlog.
public struct ContactCentrePlan: Sendable, Equatable {
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
    }

    public struct Contact: Sendable, Equatable {
        public var account: Int
        public var channel: SalesChannel
        /// Interval start, minutes after midnight; nil when it is in the backlog.
        public var startMinute: Int?
        /// Minutes after midnight of the planning day the account must be answered by (nil: none).
        public var deadlineMinute: Int?
        public var nba: Float
        public var slaMet: Bool
    }

    public struct ChannelResult: Sendable, Equatable {
        public var channel: SalesChannel
        public var planned: Int
        public var scheduled: Int
        public var backlog: Int
        public var slaMet: Int
        public var slaMissed: Int
        /// Contacts one interval can take at the service level with the rostered team.
        public var perInterval: Int
    }

    public var intervals: [Interval]
    /// The day's schedule in the order it is worked (per channel: deadline, then NBA).
    public var schedule: [Contact]
    public var channels: [ChannelResult]

    /// `accounts` are today's contacts (account index, channel); `deadline` and `nba` are per account.
    public init(accounts: [(account: Int, channel: SalesChannel)], nba: [Float], deadline: [Int32?],
                staffing: [ContactCentreChannel]) {
        var intervals: [Interval] = [], schedule: [Contact] = [], channels: [ChannelResult] = []
        for cc in staffing {
            let mine = accounts.filter { $0.channel == cc.channel }.map(\.account).sorted { a, b in
                let da = deadline[a].map(Int.init) ?? Int.max, db = deadline[b].map(Int.init) ?? Int.max
                if da != db { return da < db }
                return nba[a] != nba[b] ? nba[a] > nba[b] : a < b
            }
            let seconds = Double(cc.intervalMinutes * 60)
            let available = Int((Double(cc.agents) * (1 - cc.shrinkage)).rounded(.down))
            let cap = Self.capacity(agents: available, cc)
            var result = ChannelResult(channel: cc.channel, planned: mine.count, scheduled: 0, backlog: 0, slaMet: 0, slaMissed: 0, perInterval: cap)
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
                    let met = deadline[a].map { Int($0) >= start + cc.intervalMinutes } ?? true
                    schedule.append(Contact(account: a, channel: cc.channel, startMinute: start, deadlineMinute: deadline[a].map(Int.init),
                                            nba: nba[a], slaMet: met))
                    if met { result.slaMet += 1 } else { result.slaMissed += 1 }
                }
                next += take
                start += cc.intervalMinutes
            }
            result.scheduled = next
            for a in mine[next...] {
                // A backlogged contact misses its deadline when it has one today or earlier.
                let met = deadline[a].map { Int($0) >= 24 * 60 } ?? true
                schedule.append(Contact(account: a, channel: cc.channel, startMinute: nil, deadlineMinute: deadline[a].map(Int.init), nba: nba[a], slaMet: met))
                if met { result.slaMet += 1 } else { result.slaMissed += 1 }
            }
            result.backlog = mine.count - next
            channels.append(result)
        }
        self.intervals = intervals
        self.schedule = schedule
        self.channels = channels
    }

    /// Most contacts per interval that `agents` answer at the channel's target and occupancy cap.
    static func capacity(agents: Int, _ cc: ContactCentreChannel) -> Int {
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
