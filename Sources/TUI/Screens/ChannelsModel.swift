/// The Channels screen's figures as the run saved them.
public struct ChannelsModel: Sendable {
    /// One channel's allocation. The counts add up two ways (the screen states both):
    /// demand = allocated + deferred + beyondHorizon = bestFit + movedIn − movedOut.
    public struct Row: Sendable, Equatable {
        public var channel: String
        /// Accounts the plan puts on this channel, every day and past the horizon.
        public var demand: Int
        /// Served today.
        public var allocated: Int
        /// Served on a later planning day.
        public var deferred: Int
        /// Waiting past the planning horizon.
        public var beyondHorizon: Int
        /// Accounts whose best channel this is; moved in / out by full capacity.
        public var bestFit: Int
        public var movedIn: Int
        public var movedOut: Int
        public var capacity: Int
        /// Contact-centre SLA met / missed (nil for channels the centre does not staff).
        public var slaMet: Int?
        public var slaMissed: Int?
        /// Contacts whose ticket was past its SLA before the centre opened (neither met nor missed).
        public var overdueAtStart: Int?
        public var backlog: Int?

        public init(channel: String, demand: Int, allocated: Int, deferred: Int, beyondHorizon: Int, bestFit: Int, movedIn: Int,
                    movedOut: Int, capacity: Int, slaMet: Int?, slaMissed: Int?, overdueAtStart: Int? = nil, backlog: Int?) {
            self.channel = channel; self.demand = demand; self.allocated = allocated; self.deferred = deferred
            self.beyondHorizon = beyondHorizon; self.bestFit = bestFit; self.movedIn = movedIn; self.movedOut = movedOut
            self.capacity = capacity; self.slaMet = slaMet; self.slaMissed = slaMissed
            self.overdueAtStart = overdueAtStart; self.backlog = backlog
        }
    }

    /// One staffed channel's day: agents Erlang C needs and agents rostered, per interval.
    public struct Staffing: Sendable, Equatable {
        public var channel: String
        public var intervals: [String]
        public var needed: [Double]
        public var available: [Double]
        public var serviceLevel: [Double]

        public init(channel: String, intervals: [String], needed: [Double], available: [Double], serviceLevel: [Double]) {
            self.channel = channel; self.intervals = intervals; self.needed = needed; self.available = available
            self.serviceLevel = serviceLevel
        }
    }

    public struct Contact: Sendable, Equatable {
        public var order: Int
        public var account: String
        public var channel: String
        public var start: String
        public var deadline: String
        public var nba: Double
        /// "met", "missed" or "overdue at start" (the ticket was past its SLA before the centre opened).
        public var sla: String

        public init(order: Int, account: String, channel: String, start: String, deadline: String, nba: Double, sla: String) {
            self.order = order; self.account = account; self.channel = channel; self.start = start; self.deadline = deadline
            self.nba = nba; self.sla = sla
        }
    }

    public var rows: [Row]
    public var staffing: [Staffing]
    public var schedule: [Contact]

    public init(rows: [Row], staffing: [Staffing], schedule: [Contact]) {
        self.rows = rows; self.staffing = staffing; self.schedule = schedule
    }
}
