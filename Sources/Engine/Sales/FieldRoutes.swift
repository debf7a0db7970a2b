import Dispatch

/// Each rep's visit days from the routing engine: the field accounts of the rep's territory
/// for the planning horizon (plus the next field candidates by NBA, so the router has a
/// choice) as optional stops whose prize grows with the account's NBA percentile; the rep's
/// hours, a lunch break and the visit length as constraints. The same problem with equal
/// prizes (a distance-only plan: as many visits as fit, shortest) is solved for comparison,
/// and its stops are kept so the two plans can be shown side by side.
///
/// A stop is a fill-in when its account is not allocated to the field channel within the
/// horizon: spare field time spent on an account the allocation sent elsewhere (its field fit
/// is at least its allocated channel's), which the plan says rather than hides.
public struct FieldRoutes: Sendable {
    public struct Visit: Sendable, Equatable {
        public var rep: Int
        public var day: Int
        public var sequence: Int
        public var account: Int
        public var arrivalMinute: Int
        public var prize: Int
        /// The account is not field-allocated in the horizon: spare field time filled with it.
        public var fillIn: Bool
    }

    public struct Comparison: Sendable, Equatable {
        public var rep: Int
        public var candidates: Int
        public var visitsNBA: Int
        public var highNBAVisitsNBA: Int
        public var kmNBA: Double
        public var visitsDistance: Int
        public var highNBAVisitsDistance: Int
        public var kmDistance: Double
    }

    public static let highNBAPercentile = 0.8
    public static let maxCandidates = 80

    /// The NBA-aware plan's stops, by rep, day and sequence.
    public var visits: [Visit]
    /// The distance-only plan's stops (same candidates, equal prizes), by rep, day and sequence.
    public var distanceVisits: [Visit]
    public var comparison: [Comparison]

    public var fillIns: Int { visits.filter(\.fillIn).count }

    /// `percentile[i]` is the NBA percentile (0…1); `fieldDay[i]` the account's field day or -1.
    public init(territories: FieldTerritories, reps: [Rep], lat: [Double], lon: [Double], percentile: [Double],
                fieldDay: [Int32], fieldCandidate: [Bool], days: Int, visitMinutes: Int, iterations: Int, seed: UInt64) {
        let k = territories.repOfTerritory.count
        // Candidates per territory, by NBA: the horizon's field accounts first, then the next ones.
        var mine = [[Int]](repeating: [], count: k), extra = [[Int]](repeating: [], count: k)
        let order = percentile.indices.sorted { percentile[$0] != percentile[$1] ? percentile[$0] > percentile[$1] : $0 < $1 }
        for i in order {
            let t = Int(territories.territory[i])
            guard t >= 0 else { continue }
            if fieldDay[i] >= 0 && Int(fieldDay[i]) < days { if mine[t].count < Self.maxCandidates { mine[t].append(i) } } else if fieldCandidate[i] && extra[t].count < Self.maxCandidates {
                extra[t].append(i)
            }
        }
        let candidates = (0..<k).map { t in
            mine[t] + extra[t].prefix(max(0, min(Self.maxCandidates - mine[t].count, max(10, mine[t].count))))
        }
        let fieldAllocated = fieldDay.map { $0 >= 0 && Int($0) < days }
        let slots = ParallelSlots<RepPlans>(count: k)
        DispatchQueue.concurrentPerform(iterations: k) { t in
            let r = territories.repOfTerritory[t]
            guard r >= 0 && r < reps.count else { return }
            slots[t] = Self.solveRep(r, reps[r], candidates[t], lat, lon, percentile, fieldAllocated, days, visitMinutes, iterations,
                                     seed &+ UInt64(r))
        }
        var visits: [Visit] = [], distance: [Visit] = [], comparison: [Comparison] = []
        for t in 0..<k {
            if let plans = slots[t] { visits += plans.nba; distance += plans.distance; comparison.append(plans.comparison) }
        }
        let byStop = { (a: Visit, b: Visit) in (a.rep, a.day, a.sequence) < (b.rep, b.day, b.sequence) }
        self.visits = visits.sorted(by: byStop)
        self.distanceVisits = distance.sorted(by: byStop)
        self.comparison = comparison.sorted { $0.rep < $1.rep }
    }

    /// One rep's two plans.
    struct RepPlans: Sendable {
        var nba: [Visit]
        var distance: [Visit]
        var comparison: Comparison
    }

    static func solveRep(_ r: Int, _ rep: Rep, _ cands: [Int], _ lat: [Double], _ lon: [Double], _ pct: [Double], _ fieldAllocated: [Bool],
                         _ days: Int, _ visitMinutes: Int, _ iterations: Int, _ seed: UInt64) -> RepPlans {
        let m = cands.count
        var empty = Comparison(rep: r, candidates: m, visitsNBA: 0, highNBAVisitsNBA: 0, kmNBA: 0, visitsDistance: 0, highNBAVisitsDistance: 0, kmDistance: 0)
        guard m > 0, days > 0 else { return RepPlans(nba: [], distance: [], comparison: empty) }
        let plat = [rep.homeLat] + cands.map { lat[$0] }, plon = [rep.homeLon] + cands.map { lon[$0] }
        let travel = TravelModel()
        let matrix = travel.matrix(lat: plat, lon: plon)
        let v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60)
        var p = RoutingProblem(distance: matrix, time: matrix, size: m + 1, stops: Array(1...m), vehicles: Array(repeating: v, count: days))
        for j in 1...m {
            p.service[j] = visitMinutes * 60
            p.mandatory[j] = false
            p.ready[j] = v.earliest
            p.due[j] = v.latest
            p.prize[j] = 1 + Int((99 * pct[cands[j - 1]]).rounded())
        }
        if rep.dayStartMinute < 13 * 60 && rep.dayEndMinute > 15 * 60 {
            p.lunch = LunchBreak(earliest: 13 * 3600, latest: 14 * 3600 + 1800, duration: 45 * 60)
        }
        var flat = p
        for j in 1...m { flat.prize[j] = 1 }
        // A short candidate list settles in a few passes over it; the budget caps long ones.
        let options = RouteSolverOptions(seed: seed, iterations: min(iterations, max(100, 10 * m)))
        guard let nba = try? RouteSolver.solve(p, options), let dist = try? RouteSolver.solve(flat, options) else {
            return RepPlans(nba: [], distance: [], comparison: empty)
        }
        // Both plans list their stops with the NBA prize, so the screen compares like with like.
        func stops(_ s: RoutingSolution) -> [Visit] {
            var out: [Visit] = []
            for (d, route) in s.routes.enumerated() {
                for (q, (node, arrive)) in zip(route, arrivals(route, p, d)).enumerated() {
                    let a = cands[node - 1]
                    out.append(Visit(rep: r, day: d, sequence: q + 1, account: a, arrivalMinute: arrive / 60, prize: p.prize[node],
                                     fillIn: !fieldAllocated[a]))
                }
            }
            return out
        }
        func high(_ s: RoutingSolution) -> Int { s.routes.joined().filter { pct[cands[$0 - 1]] >= highNBAPercentile }.count }
        let km = travel.speedKmh / 3600  // seconds of travel → road km
        empty.visitsNBA = nba.routes.joined().count
        empty.highNBAVisitsNBA = high(nba)
        empty.kmNBA = Double(nba.distance) * km
        empty.visitsDistance = dist.routes.joined().count
        empty.highNBAVisitsDistance = high(dist)
        empty.kmDistance = Double(dist.distance) * km
        return RepPlans(nba: stops(nba), distance: stops(dist), comparison: empty)
    }

    /// Arrival (service start) at each stop of one route, with the lunch rule of `LunchBreak`.
    static func arrivals(_ route: [Int], _ p: RoutingProblem, _ v: Int) -> [Int] {
        let veh = p.vehicles[v]
        var at = veh.start, clock = veh.earliest, lunchDone = p.lunch == nil
        var out: [Int] = []
        for node in route {
            let leave = clock
            var arrive = clock + p.travel(at, node)
            if !lunchDone, let l = p.lunch, max(arrive, p.ready[node]) >= l.earliest {
                arrive = max(arrive, max(leave, l.earliest)) + l.duration
                lunchDone = true
            }
            let begin = max(arrive, p.ready[node])
            out.append(begin)
            clock = begin + p.service[node]
            at = node
        }
        return out
    }
}
