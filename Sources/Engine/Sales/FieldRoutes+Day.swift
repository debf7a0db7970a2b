import Core
import Optimisation
extension FieldRoutes {
    /// What every rep's days share.
    package struct DayInput: Sendable {
        package var lat: [Double]
        package var lon: [Double]
        package var pct: [Double]
        package var fieldDay: [Int32]
        package var otherDay: [Int32]
        package var days: Int
        package var visitMinutes: Int
        package var iterations: Int
        package var travel: TravelModel
        /// Per account, the CRM's visit window (minutes after midnight) and visit length;
        /// nil: the rep's day and `visitMinutes`.
        package var windows: [VisitWindow?]
        /// The user's router's times by account and rep id (nil: the travel model only).
        package var matrix: TravelMatrix? = nil
        package var accountIds: [String] = []
    }

    /// The rep's days in order, for both plans; each plan keeps its own visited set.
    package static func solveRep(_ r: Int, _ rep: Rep, field: [Int], other: [Int], pool: Int, maxVisits: Int, _ x: DayInput,
                         _ seed: UInt64) -> RepPlans {
        var cmp = Comparison(rep: r, candidates: 0, highNBACandidates: 0, visitsNBA: 0, highNBAVisitsNBA: 0, kmNBA: 0,
                             visitsDistance: 0, highNBAVisitsDistance: 0, kmDistance: 0)
        var nbaStops: [Visit] = [], distanceStops: [Visit] = []
        var legs = 0, estimated = 0
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
                    legs += day.stops.count + 1; estimated += day.estimatedLegs
                    nbaStops += day.stops; cmp.visitsNBA += day.stops.count; cmp.highNBAVisitsNBA += high; cmp.kmNBA += day.km
                } else {
                    distanceStops += day.stops; cmp.visitsDistance += day.stops.count; cmp.highNBAVisitsDistance += high; cmp.kmDistance += day.km
                }
            }
        }
        cmp.candidates = seen.count
        cmp.highNBACandidates = seen.filter { x.pct[$0] >= highNBAPercentile }.count
        return RepPlans(nba: nbaStops, distance: distanceStops, comparison: cmp, legs: legs, estimatedLegs: estimated)
    }

    /// Day d's candidates, at most `pool`: field accounts due by day d (carried over or the
    /// day's own), then by NBA the later field accounts (pulled forward), then accounts other
    /// channels serve on day d or later (taken over).
    package static func dayPool(_ d: Int, field: [Int], other: [Int], visited: Set<Int>, pool: Int, _ x: DayInput) -> [Int] {
        let due = field.filter { Int(x.fieldDay[$0]) <= d && !visited.contains($0) }
        let later = field.filter { Int(x.fieldDay[$0]) > d && !visited.contains($0) }
        let takeOver = other.filter { Int(x.otherDay[$0]) >= d && !visited.contains($0) }
        return Array((due + later + takeOver).prefix(pool))
    }

    /// One rep-day as an orienteering problem with time windows from home (`RepDayProblem`),
    /// at most `maxVisits` stops: NBA prizes, or equal ones for the distance-only plan. Stops
    /// carry the NBA prize either way.
    package static func solveDay(_ d: Int, _ r: Int, _ rep: Rep, _ cands: [Int], maxVisits: Int, byNBA: Bool, _ x: DayInput, _ seed: UInt64)
        -> (stops: [Visit], km: Double, estimatedLegs: Int)? {
        let m = cands.count
        guard m > 0, maxVisits > 0 else { return nil }
        let day = RepDayProblem(rep: rep, stops: cands.map { a in
            let w = x.windows.isEmpty ? nil : x.windows[a]
            return RepDayProblem.Stop(account: a, lat: x.lat[a], lon: x.lon[a], opens: w?.opens, closes: w?.closes,
                                      serviceMinutes: w?.minutes ?? x.visitMinutes, nbaPercentile: x.pct[a])
        }, travel: x.travel, maxVisits: maxVisits, matrix: x.matrix, accountIds: x.accountIds)
        // A short candidate list settles in a few passes over it; the budget caps long ones.
        var options = RouteSolverOptions(seed: seed, iterations: min(x.iterations, max(60, 10 * m)))
        options.sizeRuin(toFieldDay: m)
        guard let s = try? RouteSolver.solve(byNBA ? day.problem : day.withEqualPrizes, options), let route = s.routes.first
        else { return nil }
        let stops = day.timeline(route).stops.enumerated().map { q, t in
            let a = cands[t.node - 1]
            return Visit(rep: r, day: d, sequence: q + 1, account: a, arrivalMinute: t.start / 60, prize: day.problem.prize[t.node],
                         fillIn: x.fieldDay[a] < 0, time: t)
        }
        return (stops, Double(s.distance) * x.travel.speedKmh / 3600, day.estimatedLegs(route))  // seconds of travel → road km
    }
}
