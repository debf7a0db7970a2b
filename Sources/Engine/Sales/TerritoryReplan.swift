import Core
import Optimisation
/// What happened to one stop of the day in the field.
public enum FieldStopState: String, Sendable, Equatable, CaseIterable {
    case planned
    case done
    case noShow = "no-show"
    case cancelled

    /// The rep went there (done, or nobody came): the stop stays where it is in the day.
    public var isVisited: Bool { self == .done || self == .noShow }
}

/// The rest of a day re-planned across a group of reps (a territory's team) after the field
/// changed it: stops done or no-show stay fixed where they were, cancelled ones leave, an
/// urgent visit joins, and every other open stop may move to any rep of the group. Each rep
/// leaves their last visited stop (or home) at `now`; locked stops stay with their rep and
/// urgent ones must be placed when any day fits them, both ahead of the optional stops, which
/// keep the NBA prize the run gave them. The group is solved as one routing problem (a
/// vehicle per rep) from the reps' own rest-of-day problems (`RepDayProblem` with `Resume`),
/// then each rep's day is polished on its own problem, timed by `RepDayProblem.timeline` and
/// checked by `RouteChecker`.
public struct TerritoryReplan: Sendable {
    /// One rep's day as it stands: the plan's stops in order and what happened to each.
    public struct RepDay: Sendable, Equatable {
        public var rep: Rep
        public var stops: [RepDayProblem.Stop]
        public var states: [FieldStopState]
        /// Accounts locked to this rep (a manager's decision): never moved to another rep.
        public var locked: Set<Int>

        public init(rep: Rep, stops: [RepDayProblem.Stop], states: [FieldStopState]? = nil, locked: Set<Int> = []) {
            self.rep = rep; self.stops = stops; self.locked = locked
            self.states = states ?? Array(repeating: .planned, count: stops.count)
        }

        package func state(_ k: Int) -> FieldStopState { k < states.count ? states[k] : .planned }
    }

    /// A stop that changed rep, left the day or joined it. `from`/`to` are positions in the
    /// group (nil: not in anyone's day).
    public struct Move: Sendable, Equatable {
        public var account: Int
        public var from: Int?
        public var to: Int?

        package init(account: Int, from: Int? = nil, to: Int? = nil) {
            self.account = account; self.from = from; self.to = to
        }
    }

    /// One rep's day after the re-plan.
    public struct Route: Sendable {
        public var rep: Rep
        /// Done and no-show stops, in the day's order (kept).
        public var visited: [RepDayProblem.Stop]
        /// The rest of the day, in visiting order.
        public var planned: [RepDayProblem.Stop]
        /// The rest of the day's problem (node j: `planned[j − 1]`) and its timeline.
        public var problem: RepDayProblem
        public var timeline: FieldDayTimeline
        /// `RouteChecker`'s verdict on the rest of the day: windows, lunch, the day's end.
        public var verdict: RouteChecker.Verdict
    }

    public var routes: [Route]
    /// Stops that changed rep, were dropped or joined, by account.
    public var moves: [Move]
    /// Open stops no rep's day fits any more (urgent ones included).
    public var unplaced: [Int]
    /// Locked or urgent stops that did not fit.
    public var unplacedRequired: [Int]
    /// Legs of the new routes whose time is the straight-line estimate (a matrix lacking the pair).
    public var estimatedLegs: Int

    public var allFeasible: Bool { routes.allSatisfy(\.verdict.isFeasible) }

    /// What the group's re-plan needs besides the days: the travel (model and optional matrix,
    /// with the accounts' ids it is keyed by) and the search budget.
    public struct Settings: Sendable {
        public var travel: TravelModel
        public var matrix: TravelMatrix?
        public var accountIds: [String]
        public var seed: UInt64
        public var iterations: Int

        public init(travel: TravelModel, matrix: TravelMatrix? = nil, accountIds: [String] = [], seed: UInt64, iterations: Int = 3000) {
            self.travel = travel; self.matrix = matrix; self.accountIds = accountIds; self.seed = seed; self.iterations = iterations
        }
    }

    /// A pool stop: its data, the rep whose day it was in (nil: urgent) and what binds it.
    package struct Open {
        package var stop: RepDayProblem.Stop
        package var owner: Int?
        package var locked: Bool
        package var urgent: Bool
    }

    /// Re-plans the rest of the group's day at `now` (seconds after midnight).
    public static func replan(_ days: [RepDay], urgent: [RepDayProblem.Stop] = [], now: Int, _ s: Settings) throws(RoutingError)
        -> TerritoryReplan {
        guard !days.isEmpty else { throw .badShape("no reps to re-plan") }
        let resumes = days.map { resume($0, now: now, s) }
        var pool: [Open] = [], seen = Set<Int>()
        for (r, d) in days.enumerated() {
            for (k, st) in d.stops.enumerated() where d.state(k) == .planned && seen.insert(st.account).inserted {
                pool.append(Open(stop: st, owner: r, locked: d.locked.contains(st.account), urgent: false))
            }
        }
        let visitedAccounts = Set(days.flatMap { d in d.stops.indices.filter { d.state($0) != .planned }.map { d.stops[$0].account } })
        for u in urgent where !visitedAccounts.contains(u.account) {
            if let k = pool.firstIndex(where: { $0.stop.account == u.account }) { pool[k].urgent = true; continue }
            if seen.insert(u.account).inserted { pool.append(Open(stop: u, owner: nil, locked: false, urgent: true)) }
        }
        let assigned = try solveGroup(days, resumes: resumes, pool: pool, s)
        var perRep = assigned.routes
        var free = assigned.unserved
        // Each rep's own rest of the day (its lunch as it stands), warm-started from the group's
        // answer, may take in stops the group left out.
        var routes: [Route] = []
        for (r, d) in days.enumerated() {
            // Stops left out may join any rep's day, except one locked to another rep.
            let extra = free.filter { !pool[$0].locked || pool[$0].owner == r }
            let cands = perRep[r] + extra
            let problem = RepDayProblem(rep: d.rep, stops: cands.map { k in
                var st = pool[k].stop
                st.mandatory = false
                return st
            }, travel: s.travel, matrix: s.matrix, accountIds: s.accountIds, resume: resumes[r])
            var order = Self.nodes(perRep[r].count)
            if !cands.isEmpty {
                var p = problem.problem
                // What the group placed here stays (it may be required); the polish only adds.
                for j in Self.nodes(perRep[r].count) { p.mandatory[j] = true }
                var options = RouteSolverOptions(seed: s.seed &+ UInt64(r) &* 7919, iterations: min(s.iterations, max(60, 10 * cands.count)))
                options.sizeRuin(toFieldDay: cands.count)
                options.initialRoutes = [order]
                if let sol = try? RouteSolver.solve(p, options), let first = sol.routes.first,
                   perRep[r].indices.allSatisfy({ first.contains($0 + 1) }) {
                    order = first
                }
            }
            let chosen = order.map { cands[$0 - 1] }
            let taken = Set(chosen)
            free.removeAll { taken.contains($0) }
            perRep[r] = chosen
            let final = RepDayProblem(rep: d.rep, stops: chosen.map { var st = pool[$0].stop; st.mandatory = false; return st },
                                      travel: s.travel, matrix: s.matrix, accountIds: s.accountIds, resume: resumes[r])
            let route = Self.nodes(chosen.count)
            let p = final.problem
            var distance = 0, prize = 0
            let nodes = [p.vehicles[0].start] + route + [p.vehicles[0].end]
            for (a, b) in zip(nodes, nodes.dropFirst()) { distance += p.dist(a, b) }
            for j in route { prize += p.prize[j] }
            let verdict = RouteChecker.check(p, RoutingSolution(routes: [route], unserved: [], distance: distance, prize: prize))
            let visited = d.stops.indices.filter { d.state($0).isVisited }.map { d.stops[$0] }
            routes.append(Route(rep: d.rep, visited: visited, planned: final.stops, problem: final, timeline: final.timeline(route),
                                verdict: verdict))
        }
        var newOwner: [Int: Int] = [:]
        for (r, ks) in perRep.enumerated() { for k in ks { newOwner[pool[k].stop.account] = r } }
        var moves: [Move] = []
        for o in pool {
            let to = newOwner[o.stop.account]
            if to != o.owner { moves.append(Move(account: o.stop.account, from: o.owner, to: to)) }
        }
        for (r, d) in days.enumerated() {
            for (k, st) in d.stops.enumerated() where d.state(k) == .cancelled && !seen.contains(st.account) {
                moves.append(Move(account: st.account, from: r, to: nil))
            }
        }
        let unplaced = free.map { pool[$0].stop.account }
        let required = free.filter { pool[$0].locked || pool[$0].urgent }.map { pool[$0].stop.account }
        let legs = routes.map { $0.problem.estimatedLegs(Self.nodes($0.planned.count)) }
        return TerritoryReplan(routes: routes, moves: moves, unplaced: unplaced, unplacedRequired: required,
                               estimatedLegs: legs.reduce(0, +))
    }

    /// Driving a stop's move to another rep must save (seconds): a re-plan does not
    /// reshuffle the team's day for a few minutes of road.
    public static let moveSeconds = 300
    /// Prize a stop's move to another rep must gain (half a top-NBA visit's): a re-plan does
    /// not hand a rep's whole day to a colleague for one more visit.
    public static let movePrize = 50

    /// Nodes 1…n (none when n is 0).
    package static func nodes(_ n: Int) -> [Int] { n > 0 ? Array(1...n) : [] }

    /// Where and when rep `d` resumes: their last visited stop (or home), at `now` or their
    /// day's start; lunch counts as taken when the visited part of the day took it before then.
    package static func resume(_ d: RepDay, now: Int, _ s: Settings) -> RepDayProblem.Resume {
        let visited = d.stops.indices.filter { d.state($0).isVisited }.map { d.stops[$0] }
        let at = max(now, d.rep.dayStartMinute * 60)
        guard let last = visited.last else {
            return RepDayProblem.Resume(id: d.rep.id, lat: d.rep.homeLat, lon: d.rep.homeLon, second: at, lunchTaken: false)
        }
        let past = RepDayProblem(rep: d.rep, stops: visited, travel: s.travel, matrix: s.matrix, accountIds: s.accountIds)
        let t = past.timeline(Self.nodes(visited.count))
        let id = last.account >= 0 && last.account < s.accountIds.count ? s.accountIds[last.account] : "#\(last.account)"
        return RepDayProblem.Resume(id: id, lat: last.lat, lon: last.lon, second: at, lunchTaken: (t.lunchStart ?? Int.max) < at)
    }

    /// The whole group as one problem: pool stops are nodes 0..<m, then each rep's home and
    /// resume point; a vehicle per rep from its resume point home. Each rep's own rest-of-day
    /// problem gives its vehicle (hours, the way home) and the stops' windows, visit lengths
    /// and prizes. The break is the reps' rule while any of them still has it ahead (a rep who
    /// has had it then plans conservatively; the polish on their own problem drops it).
    package static func solveGroup(_ days: [RepDay], resumes: [RepDayProblem.Resume], pool: [Open], _ s: Settings) throws(RoutingError)
        -> (routes: [[Int]], unserved: [Int]) {
        let m = pool.count, g = days.count
        guard m > 0 else { return (Array(repeating: [], count: g), []) }
        let own = days.indices.map { r in
            RepDayProblem(rep: days[r].rep, stops: pool.map(\.stop), travel: s.travel, matrix: nil, accountIds: s.accountIds,
                          resume: resumes[r])
        }
        var ids = pool.map { o in
            o.stop.account >= 0 && o.stop.account < s.accountIds.count ? s.accountIds[o.stop.account] : "#\(o.stop.account)"
        }
        var lat = pool.map(\.stop.lat), lon = pool.map(\.stop.lon)
        for r in 0..<g {
            ids += [days[r].rep.id, resumes[r].id]
            lat += [days[r].rep.homeLat, resumes[r].lat]
            lon += [days[r].rep.homeLon, resumes[r].lon]
        }
        let size = m + 2 * g
        let times = RepDayProblem.travelSeconds(ids: ids, lat: lat, lon: lon, travel: s.travel, matrix: s.matrix).seconds
        var vehicles: [Vehicle] = []
        for r in 0..<g {
            let v = own[r].problem.vehicles[0]
            let home = m + 2 * r, start = m + 2 * r + 1
            vehicles.append(Vehicle(start: start, end: home, earliest: v.earliest,
                                    latest: max(v.latest, v.earliest + times[start * size + home]), capacity: v.capacity))
        }
        var p = RoutingProblem(distance: times, time: times, size: size, stops: Array(0..<m), vehicles: vehicles)
        for (k, o) in pool.enumerated() {
            let j = k + 1
            let rows = own.map(\.problem)
            p.service[k] = rows[0].service[j]
            p.demand[k] = 1
            p.prize[k] = rows[0].prize[j]
            p.ready[k] = o.stop.opens.map { $0 * 60 } ?? 0
            p.due[k] = o.stop.closes.map { $0 * 60 } ?? RoutingLimits.unbounded
            p.mandatory[k] = o.locked || o.urgent || o.stop.mandatory
            if o.locked, let r = o.owner { p.lockedVehicle[k] = r }
        }
        p.lunch = own.compactMap(\.problem.lunch).first
        // First each rep keeps their own open stops (in the day's order to start from); only
        // what no longer fits, and urgent visits, may go to another rep.
        var warm = [[Int]](repeating: [], count: g)
        for (k, o) in pool.enumerated() { if let r = o.owner { warm[r].append(k) } }
        var bound = p
        for (k, o) in pool.enumerated() { if let r = o.owner { bound.lockedVehicle[k] = r } }
        var options = RouteSolverOptions(seed: s.seed, iterations: s.iterations)
        options.sizeRuin(toFieldDay: max(2, m / g))
        options.initialRoutes = warm
        let kept = try RouteSolver.solve(bound, options)
        // Then every open stop may move; that answer is taken only when it places more
        // mandatory stops, or gains `movePrize` of prize per stop it moves, or (same prize)
        // saves `moveSeconds` of driving per stop it moves. Stops the first answer left out
        // still reach other reps' days in the polish that follows.
        options.initialRoutes = kept.routes
        options.seed = s.seed &+ 1
        let free = try RouteSolver.solve(p, options)
        func missing(_ x: RoutingSolution) -> Int { x.unserved.filter { p.mandatory[$0] }.count }
        var movedFree = 0
        for (r, route) in free.routes.enumerated() { movedFree += route.filter { pool[$0].owner != r }.count }
        var movedKept = 0
        for (r, route) in kept.routes.enumerated() { movedKept += route.filter { pool[$0].owner != r }.count }
        let moved = movedFree - movedKept
        let takeFree = missing(free) != missing(kept) ? missing(free) < missing(kept)
            : free.prize != kept.prize ? free.prize - kept.prize >= movePrize * max(1, moved)
            : free.distance + moveSeconds * moved < kept.distance
        var routes = takeFree ? free.routes : kept.routes
        while routes.count < g { routes.append([]) }
        let served = Set(routes.joined())
        return (routes, (0..<m).filter { !served.contains($0) })
    }
}
