import Core
import Sales
/// The channel allocation and the contact-centre plan as a run saves them.

/// `channels.csv`: one `ChannelSummary` per channel.
/// demand = allocated + deferred + beyond_horizon = best_fit + moved_in − moved_out.
public enum ChannelsTable: RunTable {
    public typealias Row = ChannelSummary
    public enum Column: String, CaseIterable, Sendable {
        case channel, capacity, demand, allocated, deferred, beyondHorizon = "beyond_horizon", bestFit = "best_fit"
        case movedIn = "moved_in", movedOut = "moved_out", confidence, meanFit = "mean_fit"
    }
    public static let artifact = "channels.csv"

    public static func cell(_ c: Row, _ column: Column) -> String {
        switch column {
        case .channel: c.channel.rawValue
        case .capacity: String(c.capacity)
        case .demand: String(c.demand)
        case .allocated: String(c.allocated)
        case .deferred: String(c.deferred)
        case .beyondHorizon: String(c.beyondHorizon)
        case .bestFit: String(c.bestFit)
        case .movedIn: String(c.movedIn)
        case .movedOut: String(c.movedOut)
        case .confidence: Pipeline.fmt(c.confidence, 4)
        case .meanFit: Pipeline.fmt(c.meanFit, 4)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        ChannelSummary(channel: try r.value(.channel, SalesChannel.self), capacity: try r.int(.capacity), demand: try r.int(.demand),
                       allocated: try r.int(.allocated), deferred: try r.int(.deferred), beyondHorizon: try r.int(.beyondHorizon),
                       bestFit: try r.int(.bestFit), movedIn: try r.int(.movedIn), movedOut: try r.int(.movedOut),
                       confidence: try r.number(.confidence), meanFit: try r.number(.meanFit))
    }
}

/// `staffing.csv`: per staffed channel and interval, the Erlang C staffing.
public enum StaffingTable: RunTable {
    public typealias Row = ContactCentrePlan.Interval
    public enum Column: String, CaseIterable, Sendable {
        case channel, interval, contacts, erlangs, agentsNeeded = "agents_needed", rosterNeeded = "roster_needed"
        case agentsAvailable = "agents_available", serviceLevel = "service_level"
    }
    public static let artifact = "staffing.csv"

    public static func cell(_ v: Row, _ column: Column) -> String {
        switch column {
        case .channel: v.channel.rawValue
        case .interval: PrepScript.clock(v.startMinute)
        case .contacts: String(v.contacts)
        case .erlangs: Pipeline.fmt(v.erlangs, 3)
        case .agentsNeeded: String(v.agentsNeeded)
        case .rosterNeeded: String(v.rosterNeeded)
        case .agentsAvailable: String(v.agentsAvailable)
        case .serviceLevel: Pipeline.fmt(v.serviceLevel, 4)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(channel: try r.value(.channel, SalesChannel.self), startMinute: try r.clock(.interval), contacts: try r.int(.contacts),
            erlangs: try r.number(.erlangs), agentsNeeded: try r.int(.agentsNeeded), rosterNeeded: try r.int(.rosterNeeded),
            agentsAvailable: try r.int(.agentsAvailable), serviceLevel: try r.number(.serviceLevel))
    }
}

/// `contact_centre.csv`: per staffed channel, the day's plan against its SLA.
public enum ContactCentreTable: RunTable {
    public typealias Row = ContactCentrePlan.ChannelResult
    public enum Column: String, CaseIterable, Sendable {
        case channel, planned, scheduled, backlog, perInterval = "per_interval", slaMet = "sla_met", slaMissed = "sla_missed"
        case overdueAtStart = "overdue_at_start"
    }
    public static let artifact = "contact_centre.csv"

    public static func cell(_ c: Row, _ column: Column) -> String {
        switch column {
        case .channel: c.channel.rawValue
        case .planned: String(c.planned)
        case .scheduled: String(c.scheduled)
        case .backlog: String(c.backlog)
        case .perInterval: String(c.perInterval)
        case .slaMet: String(c.slaMet)
        case .slaMissed: String(c.slaMissed)
        case .overdueAtStart: String(c.overdueAtStart)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(channel: try r.value(.channel, SalesChannel.self), planned: try r.int(.planned), scheduled: try r.int(.scheduled),
            backlog: try r.int(.backlog), slaMet: try r.int(.slaMet), slaMissed: try r.int(.slaMissed),
            overdueAtStart: try r.int(.overdueAtStart), perInterval: try r.int(.perInterval))
    }
}

/// `schedule.csv`: the contact centre's day in the order it is worked, as shown.
public enum ScheduleTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var order: Int
        public var account: String
        public var channel: String
        /// "09:30", or "backlog".
        public var start: String
        /// "14:05", "+2d 09:00", "overdue 3.5 h", or empty (no deadline).
        public var deadline: String
        public var nba: Double
        /// "met", "missed" or "overdue at start" (the ticket was past its SLA before the centre opened).
        public var sla: String

        public init(order: Int, account: String, channel: String, start: String, deadline: String, nba: Double, sla: String) {
            self.order = order; self.account = account; self.channel = channel; self.start = start; self.deadline = deadline
            self.nba = nba; self.sla = sla
        }
    }
    public enum Column: String, CaseIterable, Sendable { case order, account, channel, start, deadline, nba, sla }
    public static let artifact = "schedule.csv"

    public static func cell(_ c: Row, _ column: Column) -> String {
        switch column {
        case .order: String(c.order)
        case .account: c.account
        case .channel: c.channel
        case .start: c.start
        case .deadline: c.deadline
        case .nba: Pipeline.fmt(c.nba, 4)
        case .sla: c.sla
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(order: try r.int(.order), account: r.text(.account), channel: r.text(.channel), start: r.text(.start),
            deadline: r.text(.deadline), nba: try r.number(.nba), sla: r.text(.sla))
    }
}
