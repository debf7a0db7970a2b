import Core
import Sales
/// Everything the sales stages computed for one run, per account in the customers' order.
public struct SalesRun: Sendable {
    public struct Script: Sendable, Equatable {
        public var account: Int
        public var channel: SalesChannel
        public var day: Int
        public var text: String
    }

    public var models: ModelScores
    public var value6m: [Double]
    public var recencyDays: [Double]
    public var friction: [Double]
    public var segmentation: Segmentation
    public var nba: NBAScore
    /// 1 = highest priority.
    public var nbaRank: [Int32]
    /// 0…1, 1 = highest NBA.
    public var nbaPercentile: [Double]
    public var openTickets: OpenTickets
    /// Minutes after the planning day's midnight by which the account must be answered (nil: no open ticket).
    public var deadlineMinute: [Int32?]
    public var territories: FieldTerritories
    public var anomalies: AccountAnomalies
    public var fit: [Float]
    public var allocation: ChannelAllocation
    public var contactCentre: ContactCentrePlan
    public var routes: FieldRoutes
    /// The road travel the routes were planned with (the data's region), for their schedule.
    public var travel: TravelModel
    public var scripts: [Script]
}

/// Why a run stopped, in one line a user can act on.
public struct PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
