import Core
import Sales
/// The field routes a run saves: every stop of both plans, and the plans compared per rep.

/// `route_compare.csv`: per rep, the NBA-aware plan against the distance-only one.
public enum RouteCompareTable: RunTable {
    public struct Row: Sendable, Equatable {
        /// The rep's id.
        public var rep: String
        public var candidates: Int
        public var highNBACandidates: Int
        public var visitsNBA: Int
        public var highNBAVisitsNBA: Int
        public var kmNBA: Double
        public var visitsDistance: Int
        public var highNBAVisitsDistance: Int
        public var kmDistance: Double

        public init(rep: String, candidates: Int, highNBACandidates: Int, visitsNBA: Int, highNBAVisitsNBA: Int, kmNBA: Double,
                    visitsDistance: Int, highNBAVisitsDistance: Int, kmDistance: Double) {
            self.rep = rep; self.candidates = candidates; self.highNBACandidates = highNBACandidates; self.visitsNBA = visitsNBA
            self.highNBAVisitsNBA = highNBAVisitsNBA; self.kmNBA = kmNBA; self.visitsDistance = visitsDistance
            self.highNBAVisitsDistance = highNBAVisitsDistance; self.kmDistance = kmDistance
        }
    }
    public enum Column: String, CaseIterable, Sendable {
        case rep, candidates, highNBACandidates = "high_nba_candidates", visitsNBA = "visits_nba", highNBAVisitsNBA = "high_nba_visits_nba"
        case kmNBA = "km_nba", visitsDistance = "visits_distance_only", highNBAVisitsDistance = "high_nba_visits_distance_only"
        case kmDistance = "km_distance_only"
    }
    public static let artifact = "route_compare.csv"

    public static func cell(_ c: Row, _ column: Column) -> String {
        switch column {
        case .rep: c.rep
        case .candidates: String(c.candidates)
        case .highNBACandidates: String(c.highNBACandidates)
        case .visitsNBA: String(c.visitsNBA)
        case .highNBAVisitsNBA: String(c.highNBAVisitsNBA)
        case .kmNBA: Pipeline.fmt(c.kmNBA, 1)
        case .visitsDistance: String(c.visitsDistance)
        case .highNBAVisitsDistance: String(c.highNBAVisitsDistance)
        case .kmDistance: Pipeline.fmt(c.kmDistance, 1)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(rep: r.text(.rep), candidates: try r.int(.candidates), highNBACandidates: try r.int(.highNBACandidates),
            visitsNBA: try r.int(.visitsNBA), highNBAVisitsNBA: try r.int(.highNBAVisitsNBA), kmNBA: try r.number(.kmNBA),
            visitsDistance: try r.int(.visitsDistance), highNBAVisitsDistance: try r.int(.highNBAVisitsDistance),
            kmDistance: try r.number(.kmDistance))
    }
}

/// `routes.csv` (NBA-aware) and `routes_distance_only.csv`: every stop of a plan, in visiting
/// order per rep and day, with its schedule (PyVRP's `Route.schedule()`): travel from the
/// previous stop, waiting, the visit's start (`arrival`), length and window. `kind` is "field"
/// for an account allocated to the field in the horizon, "fill-in" for one the field took
/// over from another channel.
public protocol RouteStopsTable: RunTable where Row == RouteStopRow, Column == RouteStopColumn {}

public struct RouteStopRow: Sendable, Equatable {
    /// The rep's id.
    public var rep: String
    /// 1-based planning day.
    public var day: Int
    public var sequence: Int
    /// The account's id.
    public var account: String
    /// When the visit starts (after travel, any lunch and waiting for the window to open).
    public var arrivalMinute: Int
    public var prize: Int
    public var nbaPercentile: Double
    public var fillIn: Bool
    /// Road km from the previous stop (home for the first).
    public var travelKm: Double
    /// Minutes between getting free (or leaving home) plus the drive, and the visit's start.
    public var waitMinutes: Int
    public var serviceMinutes: Int
    /// The account's opening hours within the rep's day, minutes after midnight.
    public var windowStart: Int
    public var windowEnd: Int
}

public enum RouteStopColumn: String, CaseIterable, Sendable {
    case rep, day, sequence, account, arrival, prize, nbaPercentile = "nba_percentile", kind
    case travelKm = "travel_km", waitMinutes = "wait_minutes", serviceMinutes = "service_minutes"
    case windowStart = "window_start", windowEnd = "window_end"
}

extension RouteStopsTable {
    public static func cell(_ v: Row, _ column: Column) -> String {
        switch column {
        case .rep: v.rep
        case .day: String(v.day)
        case .sequence: String(v.sequence)
        case .account: v.account
        case .arrival: PrepScript.clock(v.arrivalMinute)
        case .prize: String(v.prize)
        case .nbaPercentile: Pipeline.fmt(v.nbaPercentile, 4)
        case .kind: v.fillIn ? "fill-in" : "field"
        case .travelKm: Pipeline.fmt(v.travelKm, 3)
        case .waitMinutes: String(v.waitMinutes)
        case .serviceMinutes: String(v.serviceMinutes)
        case .windowStart: PrepScript.clock(v.windowStart)
        case .windowEnd: PrepScript.clock(v.windowEnd)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        let kind = r.text(.kind)
        guard kind == "field" || kind == "fill-in" else { throw r.problem(.kind, "field or fill-in") }
        return Row(rep: r.text(.rep), day: try r.int(.day), sequence: try r.int(.sequence), account: r.text(.account),
                   arrivalMinute: try r.clock(.arrival), prize: try r.int(.prize), nbaPercentile: try r.number(.nbaPercentile),
                   fillIn: kind == "fill-in", travelKm: try r.number(.travelKm), waitMinutes: try r.int(.waitMinutes),
                   serviceMinutes: try r.int(.serviceMinutes), windowStart: try r.clock(.windowStart), windowEnd: try r.clock(.windowEnd))
    }
}

public enum RoutesTable: RouteStopsTable { public static let artifact = "routes.csv" }
public enum DistanceRoutesTable: RouteStopsTable { public static let artifact = "routes_distance_only.csv" }
