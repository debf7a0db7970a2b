/// The solver's working copy of a solution: routes with their cached schedules, so that
/// inserting a stop is tested in O(1) (Savelsbergh's forward earliest start and backward
/// latest start, the same slack idea as Vidal's segment concatenation in HGS).
///
/// Position 0 of a route is the vehicle's start, 1...k the stops, k+1 the end.
struct RoutePlan {
    var routes: [[Int]]
    /// Earliest service start per position (departure at 0, arrival at k+1).
    var earliest: [[Int]]
    /// Latest service start per position that keeps the rest of the route feasible.
    var latest: [[Int]]
    var load: [Int]
    var length: [Int]
    /// Route index per node, -1 when not routed.
    var routeOf: [Int]
    var missing: Int
    var lostPrize: Int

    init(_ p: RoutingProblem) {
        let m = p.vehicles.count
        routes = Array(repeating: [], count: m)
        earliest = Array(repeating: [], count: m)
        latest = Array(repeating: [], count: m)
        load = Array(repeating: 0, count: m)
        length = Array(repeating: 0, count: m)
        routeOf = Array(repeating: -1, count: p.size)
        missing = p.stops.reduce(0) { $0 + (p.mandatory[$1] ? 1 : 0) }
        lostPrize = p.stops.reduce(0) { $0 + (p.mandatory[$1] ? 0 : p.prize[$1]) }
        for r in 0..<m { refresh(r, p) }
    }

    var distance: Int { length.reduce(0, +) }
    var usedVehicles: Int { routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    @inline(__always) func node(_ r: Int, _ q: Int, _ p: RoutingProblem) -> Int {
        let route = routes[r]
        if q == 0 { return p.vehicles[r].start }
        if q == route.count + 1 { return p.vehicles[r].end }
        return route[q - 1]
    }

    /// Recomputes the cached schedule of one route in O(k).
    mutating func refresh(_ r: Int, _ p: RoutingProblem) {
        let v = p.vehicles[r]
        let route = routes[r]
        let k = route.count
        var est = Array(repeating: 0, count: k + 2)
        var lst = Array(repeating: 0, count: k + 2)
        var prev = v.start, t = v.earliest, dist = 0, ld = 0
        est[0] = t
        for q in 0...k {
            let cur = q < k ? route[q] : v.end
            let arrive = t + (q == 0 ? 0 : p.service[prev]) + p.travel(prev, cur)
            dist += p.dist(prev, cur)
            let start = q < k ? max(arrive, p.ready[cur]) : arrive
            est[q + 1] = start
            if q < k { ld += p.demand[cur] }
            prev = cur; t = start
        }
        lst[k + 1] = v.returnDeadline
        var next = v.end
        var q = k
        while q >= 1 {
            let cur = route[q - 1]
            lst[q] = min(p.due[cur], lst[q + 1] - p.service[cur] - p.travel(cur, next))
            next = cur; q -= 1
        }
        lst[0] = lst[1] - p.travel(v.start, next)
        earliest[r] = est; latest[r] = lst; load[r] = ld; length[r] = dist
    }

    /// Extra distance of putting `u` between positions q and q+1 of route r, or nil if that
    /// breaks a window, the capacity or the return deadline.
    @inline(__always)
    func insertionCost(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) -> Int? {
        let a = node(r, q, p), b = node(r, q + 1, p)
        if p.lunch != nil {
            return lunchFeasible(u, r, q, p) ? p.dist(a, u) + p.dist(u, b) - p.dist(a, b) : nil
        }
        let depart = earliest[r][q] + (q == 0 ? 0 : p.service[a])
        let su = max(depart + p.travel(a, u), p.ready[u])
        if su > p.due[u] { return nil }
        if su + p.service[u] + p.travel(u, b) > latest[r][q + 1] { return nil }
        return p.dist(a, u) + p.dist(u, b) - p.dist(a, b)
    }

    /// With a lunch break the schedule is not a plain max-plus chain, so the route is
    /// re-simulated (routes with a lunch are a rep's day: a dozen stops).
    func lunchFeasible(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) -> Bool {
        guard let l = p.lunch else { return true }
        let v = p.vehicles[r]
        let route = routes[r]
        let k = route.count
        var prev = v.start, t = v.earliest, taken = false
        for i in 0...(k + 1) {
            let cur: Int
            if i == q { cur = u } else if i < q { cur = route[i] } else if i <= k { cur = route[i - 1] } else { cur = v.end }
            let isEnd = i == k + 1
            let depart = t
            var arrive = depart + p.travel(prev, cur)
            let open = isEnd ? arrive : max(arrive, p.ready[cur])
            if !taken && open >= l.earliest {
                if max(depart, l.earliest) > l.latest { return false }
                arrive = max(arrive, l.earliest) + l.duration
                taken = true
            }
            if isEnd { return arrive <= v.returnDeadline }
            let start = max(arrive, p.ready[cur])
            if start > p.due[cur] { return false }
            t = start + p.service[cur]
            prev = cur
        }
        return true
    }

    /// Full feasibility of route r as it stands (used after removals with a lunch break,
    /// where removing a stop can move the break).
    func routeFeasible(_ r: Int, _ p: RoutingProblem) -> Bool {
        if p.lunch == nil {
            let e = earliest[r], l = latest[r]
            for q in 0..<e.count where e[q] > l[q] { return false }
            return true
        }
        var copy = self
        guard let last = copy.routes[r].popLast() else { return true }
        return copy.lunchFeasible(last, r, copy.routes[r].count, p)
    }

    mutating func insert(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) {
        routes[r].insert(u, at: q)
        routeOf[u] = r
        if p.mandatory[u] { missing -= 1 } else { lostPrize -= p.prize[u] }
        refresh(r, p)
    }

    /// Removes the stops at route positions [from, from+count) (0-based in the stop list).
    mutating func removeRange(_ r: Int, _ from: Int, _ count: Int, _ p: RoutingProblem, into out: inout [Int]) {
        for i in from..<(from + count) {
            let u = routes[r][i]
            out.append(u)
            routeOf[u] = -1
            if p.mandatory[u] { missing += 1 } else { lostPrize += p.prize[u] }
        }
        routes[r].removeSubrange(from..<(from + count))
        refresh(r, p)
    }
}
