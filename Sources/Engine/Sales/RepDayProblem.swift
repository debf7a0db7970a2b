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

    /// Where and when the rest of a day starts: the rep is at `lat`, `lon` (`id`: the account
    /// or rep id the travel matrix knows it by) at `second` after midnight, and has taken lunch
    /// (or the break can no longer start) when `lunchTaken`.
    public struct Resume: Sendable, Equatable {
        public var id: String
        public var lat: Double
        public var lon: Double
        public var second: Int
        public var lunchTaken: Bool

        public init(id: String, lat: Double, lon: Double, second: Int, lunchTaken: Bool) {
            self.id = id; self.lat = lat; self.lon = lon; self.second = second; self.lunchTaken = lunchTaken
        }
    }

    /// Where the times came from when a travel matrix was given (nil: straight-line × detour).
    public let matrix: TravelMatrix?
    /// Node ids for the matrix, in node order (the rep's id, the stops' account ids, then the resume point's).
    public let ids: [String]
    /// Ordered pairs of distinct nodes whose travel time is the straight-line estimate although
    /// a matrix was given (it lacks the pair); 0 without a matrix.
    public let fellBack: Int
    /// Per ordered pair (row-major), true when the leg is estimated; empty without a matrix.
    public let estimated: [Bool]
    /// The rest of the day from a point and time, or nil for the whole day from home.
    public let resume: Resume?

    /// `maxVisits`: the most stops the rep makes in a day (nil: no cap beyond the stops given).
    /// `matrix`: the user's router's times, looked up by `accountIds[stop.account]` and the
    /// rep's id; pairs it lacks are `travel`'s estimate. `resume`: plan the rest of the day
    /// only: node `stops.count + 1` is where the rep is, the day leaves it at `resume.second`
    /// and ends at home (node 0) by the day's end, or just after when the way home alone is longer.
    public init(rep: Rep, stops: [Stop], travel: TravelModel, maxVisits: Int? = nil, matrix: TravelMatrix? = nil,
                accountIds: [String] = [], resume: Resume? = nil) {
        self.rep = rep; self.stops = stops; self.travel = travel; self.matrix = matrix; self.resume = resume
        lat = [rep.homeLat] + stops.map(\.lat) + (resume.map { [$0.lat] } ?? [])
        lon = [rep.homeLon] + stops.map(\.lon) + (resume.map { [$0.lon] } ?? [])
        let m = stops.count
        ids = [rep.id] + stops.map { $0.account >= 0 && $0.account < accountIds.count ? accountIds[$0.account] : "#\($0.account)" }
            + (resume.map { [$0.id] } ?? [])
        let times = Self.travelSeconds(ids: ids, lat: lat, lon: lon, travel: travel, matrix: matrix)
        fellBack = times.fellBack; estimated = times.estimated
        let matrix = times.seconds
        let size = lat.count
        var v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60)
        if let resume {
            v.start = m + 1
            v.earliest = max(v.earliest, resume.second)
            v.latest = max(v.latest, v.earliest + matrix[v.start * size])
        }
        if let maxVisits { v.capacity = maxVisits }
        var p = RoutingProblem(distance: matrix, time: matrix, size: size, stops: Array(1..<(m + 1)), vehicles: [v])
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
        // The rest of a day takes the break only while it is still ahead and can still start.
        if let resume, let l = rep.lunchBreak {
            p.lunch = resume.lunchTaken || v.earliest > l.latest ? nil : l
        } else {
            p.lunch = rep.lunchBreak
        }
        problem = p
    }

    /// Row-major road seconds between the nodes: the matrix's where it has the pair, else the
    /// straight-line × detour estimate (the only source without a matrix); with the estimated pairs.
    package static func travelSeconds(ids: [String], lat: [Double], lon: [Double], travel: TravelModel, matrix: TravelMatrix?)
        -> (seconds: [Int], fellBack: Int, estimated: [Bool]) {
        guard let matrix else { return (travel.matrix(lat: lat, lon: lon), 0, []) }
        let t = matrix.matrix(ids: ids, lat: lat, lon: lon, fallback: travel)
        return (t.seconds, t.fellBack, matrix.estimated(ids: ids))
    }

    /// Legs of `route` (home or the resume point, the stops, home) whose time is estimated.
    public func estimatedLegs(_ route: [Int]) -> Int {
        guard !estimated.isEmpty else { return 0 }
        let n = problem.size, v = problem.vehicles[0]
        let nodes = [v.start] + route + [v.end]
        return zip(nodes, nodes.dropFirst()).filter { a, b in a != b && estimated[a * n + b] }.count
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
