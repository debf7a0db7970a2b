import Core
import Optimisation
/// One rep's day as the routing engine sees it, built in one place for the run's routes and
/// for the screen's re-plan, so a re-planned day is judged as the run planned it: node 0 is
/// the rep's home (the day starts and ends there, within the rep's hours, with the rep's
/// lunch), node j is `stops[j − 1]` with its window inside the rep's day, its visit length,
/// one unit of the day's visit capacity and the prize of its NBA percentile.
public struct RepDayProblem: Sendable {
    /// What a stop brings to the day.
    public struct Stop: Sendable, Equatable {
        public var account: Int
        public var lat: Double
        public var lon: Double
        /// The account's opening hours, minutes after midnight; nil: the rep's day.
        public var opens: Int?
        public var closes: Int?
        public var serviceMinutes: Int
        /// 0…1; sets the prize (`FieldRoutes.prize`).
        public var nbaPercentile: Double
        /// A stop the plan must keep (a locked one); otherwise optional.
        public var mandatory: Bool

        public init(account: Int, lat: Double, lon: Double, opens: Int? = nil, closes: Int? = nil, serviceMinutes: Int,
                    nbaPercentile: Double, mandatory: Bool = false) {
            self.account = account; self.lat = lat; self.lon = lon; self.opens = opens; self.closes = closes
            self.serviceMinutes = serviceMinutes; self.nbaPercentile = nbaPercentile; self.mandatory = mandatory
        }
    }

    public let rep: Rep
    public let stops: [Stop]
    public let travel: TravelModel
    /// Times and distances are the travel model's road seconds between the nodes.
    public let problem: RoutingProblem
    /// Node coordinates, home first.
    public let lat: [Double]
    public let lon: [Double]

    /// `maxVisits`: the most stops the rep makes in a day (nil: no cap beyond the stops given).
    public init(rep: Rep, stops: [Stop], travel: TravelModel, maxVisits: Int? = nil) {
        self.rep = rep; self.stops = stops; self.travel = travel
        lat = [rep.homeLat] + stops.map(\.lat)
        lon = [rep.homeLon] + stops.map(\.lon)
        let m = stops.count
        let matrix = travel.matrix(lat: lat, lon: lon)
        var v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60)
        if let maxVisits { v.capacity = maxVisits }
        var p = RoutingProblem(distance: matrix, time: matrix, size: m + 1, stops: Array(1..<(m + 1)), vehicles: [v])
        for (j, s) in zip(1..., stops) {
            p.service[j] = s.serviceMinutes * 60
            p.demand[j] = 1
            p.mandatory[j] = s.mandatory
            // The account's own opening hours, within the rep's day (a window outside it is
            // simply never met: the stop stays unvisited, as a closed shop would).
            p.ready[j] = max(v.earliest, s.opens.map { $0 * 60 } ?? v.earliest)
            p.due[j] = min(v.latest, s.closes.map { $0 * 60 } ?? v.latest)
            p.prize[j] = FieldRoutes.prize(nbaPercentile: s.nbaPercentile)
        }
        p.lunch = rep.lunchBreak
        problem = p
    }

    /// The same day with every prize 1: the distance-only plan (as many visits as fit, shortest).
    public var withEqualPrizes: RoutingProblem {
        var p = problem
        for j in p.stops { p.prize[j] = 1 }
        return p
    }

    /// Km per unit of the problem's distance (road seconds → road km).
    public var kmPerUnit: Double { travel.speedKmh / 3600 }
}
