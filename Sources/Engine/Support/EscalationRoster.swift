import Core
import Optimisation
/// The senior agents to roster per interval of the day for the escalations a capacity
/// picks: the day's escalations spread by the tickets' arrival profile, each taking the
/// escalation's minutes, staffed by Erlang C to the economics' service level.
public struct EscalationRoster: Sendable, Equatable {
    public struct Interval: Sendable, Equatable {
        /// Minutes after midnight, desk time.
        public var start: Int
        public var escalations: Double
        public var staffing: ErlangC.Staffing

    }

    public var intervalMinutes: Int
    public var escalationsPerDay: Double
    public var intervals: [Interval]

    /// The most agents any interval needs (rostered, after shrinkage).
    public var peak: Int { intervals.map(\.staffing.rostered).max() ?? 0 }
    /// Paid senior-agent hours over the day.
    public var agentHours: Double { Double(intervals.reduce(0) { $0 + $1.staffing.rostered }) * Double(intervalMinutes) / 60 }

    public init(escalationsPerDay: Double, profile: ArrivalProfile, economics e: EscalationEconomics) {
        intervalMinutes = e.intervalMinutes
        self.escalationsPerDay = escalationsPerDay
        let shares = profile.shares(intervalMinutes: e.intervalMinutes)
        let handle = e.minutes * 60
        intervals = shares.enumerated().map { k, share in
            let volume = max(0, escalationsPerDay) * share
            // No time per escalation (a flat price with 0 minutes): nobody to roster.
            let staff = handle > 0
                ? ErlangC.staffing(calls: volume, intervalSeconds: Double(e.intervalMinutes * 60), handleSeconds: handle,
                                   serviceLevel: e.serviceLevel, answerSeconds: e.answerMinutes * 60, shrinkage: e.shrinkage)
                : ErlangC.staffing(calls: 0, intervalSeconds: 1, handleSeconds: 1, serviceLevel: e.serviceLevel, answerSeconds: 1)
            return Interval(start: k * e.intervalMinutes, escalations: volume, staffing: staff)
        }
    }

    /// Rostered agents per hour of the day (an interval shorter than an hour gives its hour's
    /// largest), for a 24-cell row on screen.
    public var hourly: [Int] {
        var h = [Int](repeating: 0, count: 24)
        for x in intervals { h[x.start / 60] = max(h[x.start / 60], x.staffing.rostered) }
        return h
    }
}
