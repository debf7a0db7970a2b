/// The Channels screen's figures as the run saved them.
public struct ChannelsModel: Sendable {
    public struct Row: Sendable, Equatable {
        public var channel: String
        public var demand: Int
        public var allocated: Int
        public var deferred: Int
        public var capacity: Int
        /// Contact-centre SLA met / missed (nil for channels the centre does not staff).
        public var slaMet: Int?
        public var slaMissed: Int?
        public var backlog: Int?

        public init(channel: String, demand: Int, allocated: Int, deferred: Int, capacity: Int, slaMet: Int?, slaMissed: Int?,
                    backlog: Int?) {
            self.channel = channel; self.demand = demand; self.allocated = allocated; self.deferred = deferred
            self.capacity = capacity; self.slaMet = slaMet; self.slaMissed = slaMissed; self.backlog = backlog
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
        public var slaMet: Bool

        public init(order: Int, account: String, channel: String, start: String, deadline: String, nba: Double, slaMet: Bool) {
            self.order = order; self.account = account; self.channel = channel; self.start = start; self.deadline = deadline
            self.nba = nba; self.slaMet = slaMet
        }
    }

    public var rows: [Row]
    public var staffing: [Staffing]
    public var schedule: [Contact]

    public init(rows: [Row], staffing: [Staffing], schedule: [Contact]) {
        self.rows = rows; self.staffing = staffing; self.schedule = schedule
    }
}
