import Engine

/// One stop of a rep's day, with what the run saved (order, arrival) and what follows from
/// it and the coordinates (travel from the previous stop, waiting, the visit window).
public struct RouteStop: Sendable, Equatable {
    public var sequence: Int
    public var account: Int
    public var arrivalMinute: Int
    public var windowStart: Int
    public var windowEnd: Int
    public var waitMinutes: Int
    public var serviceMinutes: Int
    public var travelKm: Double
    public var nbaPercentile: Double
    public var channel: String
    /// The account is not allocated to the field channel in the horizon: spare field time filled with it.
    public var fillIn: Bool

    public init(sequence: Int, account: Int, arrivalMinute: Int, windowStart: Int, windowEnd: Int, waitMinutes: Int,
                serviceMinutes: Int, travelKm: Double, nbaPercentile: Double, channel: String, fillIn: Bool = false) {
        self.sequence = sequence; self.account = account; self.arrivalMinute = arrivalMinute; self.windowStart = windowStart
        self.windowEnd = windowEnd; self.waitMinutes = waitMinutes; self.serviceMinutes = serviceMinutes
        self.travelKm = travelKm; self.nbaPercentile = nbaPercentile; self.channel = channel; self.fillIn = fillIn
    }

    public var isHighNBA: Bool { nbaPercentile >= FieldRoutes.highNBAPercentile }
}

/// The NBA-aware plan against the distance-only plan of the same rep: the run's saved row.
public typealias RouteComparison = RouteCompareTable.Row

/// A rep's week: territory, days of stops, totals and the comparison.
public struct RepRoutes: Sendable {
    public var rep: Rep
    public var index: Int
    /// Territory number (1-based; 0: none).
    public var territory: Int
    public var days: [[RouteStop]]
    /// The distance-only plan's stops for the same days (same candidates, equal prizes).
    public var distanceDays: [[RouteStop]]
    public var comparison: RouteComparison?

    public init(rep: Rep, index: Int, territory: Int, days: [[RouteStop]], distanceDays: [[RouteStop]] = [], comparison: RouteComparison?) {
        self.rep = rep; self.index = index; self.territory = territory; self.days = days; self.distanceDays = distanceDays
        self.comparison = comparison
    }

    public var visits: Int { days.map(\.count).reduce(0, +) }
    /// Visits to accounts not allocated to the field (spare time filled).
    public var fillIns: Int { days.joined().filter(\.fillIn).count }
    public var km: Double { days.joined().map(\.travelKm).reduce(0, +) }
    /// Hours from the day's start to the end of the last visit, summed over days with visits.
    public var hours: Double {
        days.filter { !$0.isEmpty }.map { d in
            Double((d.last.map { $0.arrivalMinute + $0.serviceMinutes } ?? rep.dayStartMinute) - rep.dayStartMinute) / 60
        }.reduce(0, +)
    }
    /// Per account visited in the week, the day of its visit in one plan.
    public func dayOfAccount(inDistanceOnly: Bool) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (d, stops) in (inDistanceOnly ? distanceDays : days).enumerated() { for s in stops { out[s.account] = d } }
        return out
    }

    /// Visits to accounts in the top NBA fifth.
    public var highNBAVisits: Int { days.joined().filter(\.isHighNBA).count }

    /// High-NBA visits on one day of a plan: over a week both plans often reach the same
    /// accounts, and what NBA-aware routing buys is reaching them first.
    public func highNBAVisits(day d: Int, inDistanceOnly: Bool) -> Int {
        ((inDistanceOnly ? distanceDays : days)[safe: d] ?? []).filter(\.isHighNBA).count
    }
}

/// Every rep's routes for the planning horizon.
public struct RoutesModel: Sendable {
    public var reps: [RepRoutes]
    public var planningDays: Int
    public var visitMinutes: Int
    public var routeIterations: Int
    public var seed: UInt64
    /// The road travel the run's routing used (the region's); a re-plan uses the same.
    public var travel: TravelModel
    /// The user's router's times the run used (`opsdeck run --travel-matrix`); nil: `travel` only.
    public var matrix: TravelMatrix?
    /// The field day as it happens: stop states, urgent visits, what the last re-plan moved.
    public var field = FieldDayLive()
    /// Seconds after midnight the field day is at; nil: the wall clock (`OPSDECK_NOW=HH:MM` sets it).
    public var fieldNow: Int?

    public init(reps: [RepRoutes], planningDays: Int, visitMinutes: Int, routeIterations: Int, seed: UInt64,
                travel: TravelModel = TravelModel(), matrix: TravelMatrix? = nil) {
        self.reps = reps; self.planningDays = planningDays; self.visitMinutes = visitMinutes
        self.routeIterations = routeIterations; self.seed = seed; self.travel = travel; self.matrix = matrix
    }

    public func position(ofRep index: Int) -> Int? { reps.firstIndex { $0.index == index } }
}
