import Engine

extension RouteDay {
    /// Seconds the interactive re-plan may take: it blocks the screen, so it stays short.
    static let replanSeconds = 1.5

    /// Re-plans the shown day with the routing engine: the day's stops, locked ones
    /// mandatory, the others optional with the NBA prize the run used, the rep's hours and
    /// lunch. The new order replaces the day in this screen's copy (the saved run is
    /// immutable). Returns the status line.
    mutating func replan(routes: inout RoutesModel, customers: CustomersModel) -> String {
        let rr = routes.reps[repPosition]
        let old = rr.days[safe: day] ?? []
        guard !old.isEmpty else { return "re-plan: day \(day + 1) has no stops" }
        let rep = rr.rep
        let accounts = old.map(\.account)
        let lat = [rep.homeLat] + accounts.map { customers.customers[$0].lat }
        let lon = [rep.homeLon] + accounts.map { customers.customers[$0].lon }
        let travel = TravelModel()
        let matrix = travel.matrix(lat: lat, lon: lon)
        let m = accounts.count
        let v = Vehicle(start: 0, end: 0, earliest: rep.dayStartMinute * 60, latest: rep.dayEndMinute * 60)
        var p = RoutingProblem(distance: matrix, time: matrix, size: m + 1, stops: Array(1...m), vehicles: [v])
        for j in 1...m {
            let stop = old[j - 1]
            p.service[j] = stop.serviceMinutes * 60
            p.mandatory[j] = locked.contains(stop.account)
            p.ready[j] = v.earliest
            p.due[j] = v.latest
            p.prize[j] = 1 + Int((99 * stop.nbaPercentile).rounded())
        }
        if rep.dayStartMinute < 13 * 60 && rep.dayEndMinute > 15 * 60 {
            p.lunch = LunchBreak(earliest: 13 * 3600, latest: 14 * 3600 + 1800, duration: 45 * 60)
        }
        let started = WallClock.monotonic()
        let options = RouteSolverOptions(seed: routes.seed &+ UInt64(rr.index) &+ UInt64(day), iterations: routes.routeIterations,
                                         seconds: Self.replanSeconds)
        let solution: RoutingSolution
        do { solution = try RouteSolver.solve(p, options) } catch { return "re-plan: \(error)" }
        let order = solution.routes.first ?? []
        let stops = RouteDay.timeline(order.map { old[$0 - 1] }, rep: rep, lat: lat, lon: lon, nodes: order, lunch: p.lunch,
                                      travel: travel)
        routes.reps[repPosition].days[day] = stops
        refresh(routes, customers)
        let oldKm = old.map(\.travelKm).reduce(0, +), newKm = stops.map(\.travelKm).reduce(0, +)
        let ms = Int(((WallClock.monotonic() - started) * 1000).rounded())
        return "re-planned day \(day + 1) in \(ms) ms: \(stops.count) stops (was \(old.count)), \(fixed(newKm, 1)) km (was \(fixed(oldKm, 1)))"
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
