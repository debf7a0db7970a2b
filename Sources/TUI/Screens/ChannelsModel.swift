import Engine

/// The Channels screen's figures as the run saved them.
public struct ChannelsModel: Sendable {
    /// One channel's allocation as the run saved it, with the contact centre's day for the
    /// channels it staffs. The counts add up two ways (the screen states both):
    /// demand = allocated + deferred + beyondHorizon = bestFit + movedIn − movedOut.
    public struct Row: Sendable, Equatable {
        public var summary: ChannelSummary
        /// nil for channels the contact centre does not staff.
        public var centre: ContactCentrePlan.ChannelResult?

        public init(summary: ChannelSummary, centre: ContactCentrePlan.ChannelResult?) {
            self.summary = summary; self.centre = centre
        }

        public var channel: String { summary.channel.rawValue }
        public var demand: Int { summary.demand }
        public var allocated: Int { summary.allocated }
        public var deferred: Int { summary.deferred }
        public var beyondHorizon: Int { summary.beyondHorizon }
        public var bestFit: Int { summary.bestFit }
        public var movedIn: Int { summary.movedIn }
        public var movedOut: Int { summary.movedOut }
        public var capacity: Int { summary.capacity }
        public var slaMet: Int? { centre?.slaMet }
        public var slaMissed: Int? { centre?.slaMissed }
        /// Contacts whose ticket was past its SLA before the centre opened (neither met nor missed).
        public var overdueAtStart: Int? { centre?.overdueAtStart }
        public var backlog: Int? { centre?.backlog }
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

    /// One contact of the day's schedule: the schedule table's own row.
    public typealias Contact = ScheduleTable.Row

    public var rows: [Row]
    public var staffing: [Staffing]
    public var schedule: [Contact]

    public init(rows: [Row], staffing: [Staffing], schedule: [Contact]) {
        self.rows = rows; self.staffing = staffing; self.schedule = schedule
    }
}
