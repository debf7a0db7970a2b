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
    let lat: [Double]
    let lon: [Double]
    let lunch: LunchBreak?
    let travel: TravelModel
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
        let rep = rr.rep
        let accounts = old.map(\.account)
        let lat = [rep.homeLat] + accounts.map { customers.customers[$0].lat }
        let lon = [rep.homeLon] + accounts.map { customers.customers[$0].lon }
        let travel = routes.travel
        let matrix = travel.matrix(lat: lat, lon: lon)
        let m = accounts.count
        let v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60)
        var p = RoutingProblem(distance: matrix, time: matrix, size: m + 1, stops: Array(1...m), vehicles: [v])
        for j in 1...m {
            let stop = old[j - 1]
            p.service[j] = stop.serviceMinutes * 60
            p.mandatory[j] = locked.contains(stop.account)
            // The account's own window, as the run planned it (the rep's day where it has none).
            p.ready[j] = max(v.earliest, stop.windowStart * 60)
            p.due[j] = min(v.latest, stop.windowEnd * 60)
            p.prize[j] = FieldRoutes.prize(nbaPercentile: stop.nbaPercentile)
        }
        p.lunch = rep.lunchBreak
        let problem = p
        let seed = routes.seed &+ UInt64(rr.index) &+ UInt64(day), iterations = routes.routeIterations
        let kmPerUnit = travel.speedKmh / 3600  // the matrix is travel seconds
        let job = BackgroundJob<ReplanProgress, Result<[Int], RoutingError>>(initial: ReplanProgress(bestKm: nil, iterations: 0)) { report in
            var options = RouteSolverOptions(seed: seed, iterations: iterations, seconds: Self.replanSeconds)
            options.initialRoutes = [Array(1...m)]
            options.sizeRuin(toFieldDay: m)
            options.onImprovement = { distance, done in report(ReplanProgress(bestKm: Double(distance) * kmPerUnit, iterations: done)) }
            do throws(RoutingError) { return .success(try RouteSolver.solve(problem, options).routes.first ?? []) } catch { return .failure(error) }
        }
        return .success(ReplanJob(repPosition: repPosition, day: day, old: old, lat: lat, lon: lon, lunch: p.lunch, travel: travel, job: job))
    }

    /// A finished re-plan's new order replaces the day in the screen's copy of the routes (the
    /// saved run is immutable). Returns the status line.
    static func finish(_ r: ReplanJob, routes: inout RoutesModel) -> String {
        let order: [Int]
        switch r.job.result ?? .success([]) {
        case .success(let o): order = o
        case .failure(let e): return "re-plan: \(e)"
        }
        let rep = routes.reps[r.repPosition].rep
        let stops = timeline(order.map { r.old[$0 - 1] }, rep: rep, lat: r.lat, lon: r.lon, nodes: order, lunch: r.lunch, travel: r.travel)
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

    /// Arrival, wait and travel for stops visited in this order (node 0 is the rep's home),
    /// with the lunch rule of the routing engine: lunch is taken before the first stop
    /// reached after its earliest start.
    static func timeline(_ stops: [RouteStop], rep: Rep, lat: [Double], lon: [Double], nodes: [Int], lunch: LunchBreak?,
                         travel: TravelModel) -> [RouteStop] {
        var out: [RouteStop] = []
        var at = 0, clockS = rep.dayStartMinute * 60, lunchDone = lunch == nil
        for (k, (stop, node)) in zip(stops, nodes).enumerated() {
            let leg = travel.seconds(lat[at], lon[at], lat[node], lon[node])
            let leave = clockS
            var arrive = clockS + leg
            if !lunchDone, let l = lunch, arrive >= l.earliest {
                arrive = max(arrive, max(leave, l.earliest)) + l.duration
                lunchDone = true
            }
            var s = stop
            s.sequence = k + 1
            s.arrivalMinute = arrive / 60
            s.waitMinutes = max(0, (arrive - leave - leg) / 60)
            s.travelKm = TravelModel.haversineKm(lat[at], lon[at], lat[node], lon[node]) * travel.roadFactor
            out.append(s)
            clockS = arrive + stop.serviceMinutes * 60
            at = node
        }
        return out
    }
}

/// Why `r` did not start a re-plan, as the status line says it.
struct ReplanRefusal: Error {
    let message: String
}
