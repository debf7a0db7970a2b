import Engine

/// Where a running re-plan stands: the best plan's road km so far and the iterations.
struct ReplanProgress: Sendable, Equatable {
    var bestKm: Double?
    var iterations: Int
}

/// A re-plan of one rep's day running on a background thread (bounded by `replanSeconds`).
struct ReplanJob {
    let repPosition: Int
    let day: Int
    let old: [RouteStop]
    /// The day's problem, built by Sales as the run built it (node j: `old[j − 1]`).
    let problem: RepDayProblem
    let job: BackgroundJob<ReplanProgress, Result<[Int], RoutingError>>

    /// "re-planning day 2… 0.4 s, best 123.4 km": the status line while it runs.
    var progressLine: String {
        let p = job.progress
        let best = p.bestKm.map { ", best \(fixed($0, 1)) km" } ?? ""
        return "re-planning day \(day + 1)… \(fixed(job.elapsed, 1)) s\(best) (\(p.iterations) iterations, at most "
            + "\(fixed(RouteDay.replanSeconds, 1)) s)"
    }
}

extension RouteDay {
    /// Seconds the interactive re-plan may take: the bound of its background solve.
    static let replanSeconds = 1.5

    /// Starts re-planning the shown day with the routing engine on a background thread: the
    /// day's stops, locked ones mandatory, the others optional with the NBA prize the run
    /// used, the rep's hours and lunch. The search starts from the current order (a warm
    /// start: it only ever keeps a plan at least as good). Returns the job, or why there is none.
    func startReplan(routes: RoutesModel, customers: CustomersModel) -> Result<ReplanJob, ReplanRefusal> {
        let rr = routes.reps[repPosition]
        let old = rr.days[safe: day] ?? []
        guard !old.isEmpty else { return .failure(ReplanRefusal(message: "re-plan: day \(day + 1) has no stops")) }
        let problem = Self.dayProblem(old, rep: rr.rep, customers: customers, travel: routes.travel, locked: locked)
        let m = old.count
        let seed = routes.seed &+ UInt64(rr.index) &+ UInt64(day), iterations = routes.routeIterations
        let kmPerUnit = problem.kmPerUnit, p = problem.problem
        let job = BackgroundJob<ReplanProgress, Result<[Int], RoutingError>>(initial: ReplanProgress(bestKm: nil, iterations: 0)) { report in
            var options = RouteSolverOptions(seed: seed, iterations: iterations, seconds: Self.replanSeconds)
            options.initialRoutes = [Array(1...m)]
            options.sizeRuin(toFieldDay: m)
            options.onImprovement = { distance, done in report(ReplanProgress(bestKm: Double(distance) * kmPerUnit, iterations: done)) }
            do throws(RoutingError) { return .success(try RouteSolver.solve(p, options).routes.first ?? []) } catch { return .failure(error) }
        }
        return .success(ReplanJob(repPosition: repPosition, day: day, old: old, problem: problem, job: job))
    }

    /// A finished re-plan's new order replaces the day in the screen's copy of the routes (the
    /// saved run is immutable). Returns the status line.
    static func finish(_ r: ReplanJob, routes: inout RoutesModel) -> String {
        let order: [Int]
        switch r.job.result ?? .success([]) {
        case .success(let o): order = o
        case .failure(let e): return "re-plan: \(e)"
        }
        let stops = scheduled(r.old, order: order, in: r.problem)
        let oldKm = r.old.map(\.travelKm).reduce(0, +), newKm = stops.map(\.travelKm).reduce(0, +)
        let ms = Int((r.job.elapsed * 1000).rounded())
        // The objective is prize first, then distance: never swap in a plan that is worse on both counts' order.
        let prize = { (s: [RouteStop]) in s.map { FieldRoutes.prize(nbaPercentile: $0.nbaPercentile) }.reduce(0, +) }
        let oldPrize = prize(r.old), newPrize = prize(stops)
        if newPrize < oldPrize || (newPrize == oldPrize && newKm >= oldKm - 1e-9) {
            return "re-planned day \(r.day + 1) in \(ms) ms: no better plan than the current \(r.old.count) stops, \(fixed(oldKm, 1)) km; kept it"
        }
        routes.reps[r.repPosition].days[r.day] = stops
        return "re-planned day \(r.day + 1) in \(ms) ms: \(stops.count) stops (was \(r.old.count)), \(fixed(newKm, 1)) km (was \(fixed(oldKm, 1)))"
    }

    /// The day's stops as Sales' rep-day problem: each stop's window, visit length and NBA
    /// prize as the run planned it, locked stops mandatory, the others optional.
    static func dayProblem(_ stops: [RouteStop], rep: Rep, customers: CustomersModel, travel: TravelModel,
                           locked: Set<Int>) -> RepDayProblem {
        RepDayProblem(rep: rep, stops: stops.map { s in
            let c = customers.customers[s.account]
            return RepDayProblem.Stop(account: s.account, lat: c.lat, lon: c.lon, opens: s.windowStart, closes: s.windowEnd,
                                      serviceMinutes: s.serviceMinutes, nbaPercentile: s.nbaPercentile,
                                      mandatory: locked.contains(s.account))
        }, travel: travel)
    }

    /// `stops` visited in `order` (nodes of `problem`, built from `stops`), timed by Sales' one
    /// field-day timeline: the arrival is the visit's start (as the run saves it), the wait the
    /// time between the leg's end and the visit (lunch and an unopened window), the km the leg's.
    static func scheduled(_ stops: [RouteStop], order: [Int], in problem: RepDayProblem) -> [RouteStop] {
        var departed = problem.rep.dayStartMinute * 60
        return problem.timeline(order).stops.enumerated().map { k, t in
            var s = stops[t.node - 1]
            s.sequence = k + 1
            s.arrivalMinute = t.start / 60
            s.waitMinutes = max(0, t.start - departed - t.travelSeconds) / 60
            s.travelKm = t.travelKm
            departed = t.end
            return s
        }
    }
}

/// Why `r` did not start a re-plan, as the status line says it.
struct ReplanRefusal: Error {
    let message: String
}
