extension FieldRoutes {
    /// What every rep's days share.
    struct DayInput: Sendable {
        var lat: [Double]
        var lon: [Double]
        var pct: [Double]
        var fieldDay: [Int32]
        var otherDay: [Int32]
        var days: Int
        var visitMinutes: Int
        var iterations: Int
        var travel: TravelModel
        /// Per account, the CRM's visit window (minutes after midnight) and visit length;
        /// nil: the rep's day and `visitMinutes`.
        var windows: [VisitWindow?]
    }

    /// The rep's days in order, for both plans; each plan keeps its own visited set.
    static func solveRep(_ r: Int, _ rep: Rep, field: [Int], other: [Int], pool: Int, maxVisits: Int, _ x: DayInput,
                         _ seed: UInt64) -> RepPlans {
        var cmp = Comparison(rep: r, candidates: 0, highNBACandidates: 0, visitsNBA: 0, highNBAVisitsNBA: 0, kmNBA: 0,
                             visitsDistance: 0, highNBAVisitsDistance: 0, kmDistance: 0)
        var nbaStops: [Visit] = [], distanceStops: [Visit] = []
        var seen = Set<Int>()
        for byNBA in [true, false] {
            var visited = Set<Int>()
            for d in 0..<x.days {
                let cands = dayPool(d, field: field, other: other, visited: visited, pool: pool, x)
                if byNBA { seen.formUnion(cands) }
                guard let day = solveDay(d, r, rep, cands, maxVisits: maxVisits, byNBA: byNBA, x, seed &+ UInt64(d) &* 7919) else { continue }
                visited.formUnion(day.stops.map(\.account))
                let high = day.stops.filter { x.pct[$0.account] >= highNBAPercentile }.count
                if byNBA {
                    nbaStops += day.stops; cmp.visitsNBA += day.stops.count; cmp.highNBAVisitsNBA += high; cmp.kmNBA += day.km
                } else {
                    distanceStops += day.stops; cmp.visitsDistance += day.stops.count; cmp.highNBAVisitsDistance += high; cmp.kmDistance += day.km
                }
            }
        }
        cmp.candidates = seen.count
        cmp.highNBACandidates = seen.filter { x.pct[$0] >= highNBAPercentile }.count
        return RepPlans(nba: nbaStops, distance: distanceStops, comparison: cmp)
    }

    /// Day d's candidates, at most `pool`: field accounts due by day d (carried over or the
    /// day's own), then by NBA the later field accounts (pulled forward), then accounts other
    /// channels serve on day d or later (taken over).
    static func dayPool(_ d: Int, field: [Int], other: [Int], visited: Set<Int>, pool: Int, _ x: DayInput) -> [Int] {
        let due = field.filter { Int(x.fieldDay[$0]) <= d && !visited.contains($0) }
        let later = field.filter { Int(x.fieldDay[$0]) > d && !visited.contains($0) }
        let takeOver = other.filter { Int(x.otherDay[$0]) >= d && !visited.contains($0) }
        return Array((due + later + takeOver).prefix(pool))
    }

    /// One rep-day as an orienteering problem with time windows from home, at most
    /// `maxVisits` stops: NBA prizes, or equal ones for the distance-only plan. Stops carry the
    /// NBA prize either way.
    static func solveDay(_ d: Int, _ r: Int, _ rep: Rep, _ cands: [Int], maxVisits: Int, byNBA: Bool, _ x: DayInput, _ seed: UInt64)
        -> (stops: [Visit], km: Double)? {
        let m = cands.count
        guard m > 0, maxVisits > 0 else { return nil }
        let travel = x.travel
        let matrix = travel.matrix(lat: [rep.homeLat] + cands.map { x.lat[$0] }, lon: [rep.homeLon] + cands.map { x.lon[$0] })
        let v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60, capacity: maxVisits)
        var p = RoutingProblem(distance: matrix, time: matrix, size: m + 1, stops: Array(1...m), vehicles: [v])
        for j in 1...m {
            let w = x.windows.isEmpty ? nil : x.windows[cands[j - 1]]
            p.service[j] = (w?.minutes ?? x.visitMinutes) * 60
            p.demand[j] = 1
            p.mandatory[j] = false
            // The account's own opening hours, within the rep's day (a window outside it is
            // simply never met: the stop stays unvisited, as a closed shop would).
            p.ready[j] = max(v.earliest, (w?.opens).map { $0 * 60 } ?? v.earliest)
            p.due[j] = min(v.latest, (w?.closes).map { $0 * 60 } ?? v.latest)
            p.prize[j] = prize(nbaPercentile: x.pct[cands[j - 1]])
        }
        p.lunch = rep.lunchBreak
        var solve = p
        if !byNBA { for j in 1...m { solve.prize[j] = 1 } }
        // A short candidate list settles in a few passes over it; the budget caps long ones.
        var options = RouteSolverOptions(seed: seed, iterations: min(x.iterations, max(60, 10 * m)))
        options.sizeRuin(toFieldDay: m)
        guard let s = try? RouteSolver.solve(solve, options), let route = s.routes.first else { return nil }
        let stops = zip(route, arrivals(route, p, 0)).enumerated().map { q, stop in
            let a = cands[stop.0 - 1]
            return Visit(rep: r, day: d, sequence: q + 1, account: a, arrivalMinute: stop.1 / 60, prize: p.prize[stop.0],
                         fillIn: x.fieldDay[a] < 0)
        }
        return (stops, Double(s.distance) * travel.speedKmh / 3600)  // seconds of travel → road km
    }
}
