import Core
/// The solver's working copy of a solution: routes with their cached schedules, so that
/// inserting a stop is tested in O(1) (Savelsbergh's forward earliest start and backward
/// latest start, the same slack idea as Vidal's segment concatenation in HGS).
///
/// Position 0 of a route is the vehicle's start, 1...k the stops, k+1 the end.
package struct RoutePlan {
    package var routes: [[Int]]
    /// Earliest service start per position (departure at 0, arrival at k+1); not kept with a
    /// lunch break, where `lunchPrefix` holds the schedule.
    package var earliest: [[Int]]
    /// Latest service start per position that keeps the rest of the route feasible. With a
    /// lunch break, a position whose stop opens after that latest start holds `unreachable`,
    /// which then carries backwards, so "arrival ≤ latest" alone decides the plain tail.
    package var latest: [[Int]]
    /// With a lunch break only: per position q, the departure time after the first q stops
    /// under the lunch rule at [2q] and at [2q+1] the state then (-1 already infeasible,
    /// 0 lunch still ahead, 1 lunch taken), so an insertion re-simulates from q, not from 0.
    package var lunchPrefix: [[Int]]
    /// With a lunch break only: the whole route is feasible under the lunch rule.
    package var lunchOK: [Bool]
    package var load: [Int]
    package var length: [Int]
    /// Route index per node, -1 when not routed.
    package var routeOf: [Int]
    package var missing: Int
    package var lostPrize: Int

    package static let unreachable = -(Int.max / 4)

    package init(_ p: RoutingProblem) {
        let m = p.vehicles.count
        routes = Array(repeating: [], count: m)
        earliest = Array(repeating: [], count: m)
        latest = Array(repeating: [], count: m)
        lunchPrefix = Array(repeating: [], count: m)
        lunchOK = Array(repeating: true, count: m)
        load = Array(repeating: 0, count: m)
        length = Array(repeating: 0, count: m)
        routeOf = Array(repeating: -1, count: p.size)
        missing = p.stops.reduce(0) { $0 + (p.mandatory[$1] ? 1 : 0) }
        lostPrize = p.stops.reduce(0) { $0 + (p.mandatory[$1] ? 0 : p.prize[$1]) }
        for r in 0..<m { refresh(r, p) }
    }

    package var distance: Int { length.reduce(0, +) }
    package var usedVehicles: Int { routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    @inline(__always) package func node(_ r: Int, _ q: Int, _ p: RoutingProblem) -> Int {
        let route = routes[r]
        if q == 0 { return p.vehicles[r].start }
        if q == route.count + 1 { return p.vehicles[r].end }
        return route[q - 1]
    }

    /// Recomputes the cached schedule of one route in O(k), reusing the route's buffers. With
    /// a lunch break the plain earliest starts are not used, so the lunch pass replaces them.
    package mutating func refresh(_ r: Int, _ p: RoutingProblem) {
        let v = p.vehicles[r]
        let route = routes[r]
        let k = route.count
        let lunch = p.lunch != nil
        if lunch {
            refreshLunch(r, p)
        } else {
            var est = earliest[r]
            earliest[r] = []
            Self.resize(&est, k + 2)
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
            earliest[r] = est; load[r] = ld; length[r] = dist
        }
        var lst = latest[r]
        latest[r] = []
        Self.resize(&lst, k + 2)
        lst[k + 1] = v.returnDeadline
        var next = v.end
        var q = k
        while q >= 1 {
            let cur = route[q - 1]
            lst[q] = min(p.due[cur], lst[q + 1] - p.service[cur] - p.travel(cur, next))
            if lunch && p.ready[cur] > lst[q] { lst[q] = Self.unreachable }
            next = cur; q -= 1
        }
        lst[0] = lst[1] - p.travel(v.start, next)
        latest[r] = lst
    }

    @inline(__always) package static func resize(_ a: inout [Int], _ n: Int) {
        if a.count > n { a.removeLast(a.count - n) }
        while a.count < n { a.append(0) }
    }

    /// The forward pass under the lunch rule of `LunchBreak` (the same steps as `lunchFeasible`),
    /// with the route's length and load.
    package mutating func refreshLunch(_ r: Int, _ p: RoutingProblem) {
        guard let l = p.lunch else { return }
        let v = p.vehicles[r]
        let route = routes[r]
        let k = route.count
        var pre = lunchPrefix[r]
        lunchPrefix[r] = []
        Self.resize(&pre, 2 * (k + 1))
        var prev = v.start, t = v.earliest, taken = false, failed = false, dist = 0, ld = 0
        pre[0] = t; pre[1] = 0
        for i in 0..<k {
            let q = i + 1
            let cur = route[i]
            dist += p.dist(i == 0 ? v.start : route[i - 1], cur)
            ld += p.demand[cur]
            pre[2 * q] = 0; pre[2 * q + 1] = -1
            if failed { continue }
            var arrive = t + p.travel(prev, cur)
            if !taken && max(arrive, p.ready[cur]) >= l.earliest {
                if max(t, l.earliest) > l.latest { failed = true; continue }
                arrive = max(arrive, l.earliest) + l.duration
                taken = true
            }
            let start = max(arrive, p.ready[cur])
            if start > p.due[cur] { failed = true; continue }
            t = start + p.service[cur]; prev = cur
            pre[2 * q] = t; pre[2 * q + 1] = taken ? 1 : 0
        }
        var whole = !failed
        if whole {
            var arrive = t + p.travel(prev, v.end)
            if !taken && arrive >= l.earliest {
                if max(t, l.earliest) > l.latest { whole = false }
                arrive = max(arrive, l.earliest) + l.duration
            }
            if arrive > v.returnDeadline { whole = false }
        }
        dist += p.dist(k == 0 ? v.start : route[k - 1], v.end)
        lunchPrefix[r] = pre
        lunchOK[r] = whole; load[r] = ld; length[r] = dist
    }

    /// Extra distance of putting `u` between positions q and q+1 of route r, or nil if that
    /// breaks a window, the capacity or the return deadline.
    @inline(__always)
    package func insertionCost(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) -> Int? {
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

    /// With a lunch break the schedule is not a plain max-plus chain: the route is
    /// re-simulated from the cached state after the first q stops, with u next, until the
    /// break is behind; from there the tail is a plain chain and its latest start decides.
    package func lunchFeasible(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) -> Bool {
        guard let l = p.lunch else { return true }
        let pre = lunchPrefix[r]
        let state = pre[2 * q + 1]
        if state < 0 { return false }
        let v = p.vehicles[r]
        let route = routes[r], lst = latest[r]
        let k = route.count
        var prev = q == 0 ? v.start : route[q - 1], t = pre[2 * q], taken = state == 1
        var cur = u, pos = q, isU = true
        while true {
            var arrive = t + p.travel(prev, cur)
            if taken && !isU { return arrive <= lst[pos] }
            let isEnd = pos == k + 1
            if !taken && (isEnd ? arrive : max(arrive, p.ready[cur])) >= l.earliest {
                if max(t, l.earliest) > l.latest { return false }
                arrive = max(arrive, l.earliest) + l.duration
                taken = true
            }
            if isEnd { return arrive <= v.returnDeadline }
            let start = max(arrive, p.ready[cur])
            if start > p.due[cur] { return false }
            t = start + p.service[cur]
            prev = cur
            pos += 1; isU = false
            cur = pos <= k ? route[pos - 1] : v.end
        }
    }

    /// Full feasibility of route r as it stands (used after removals with a lunch break,
    /// where removing a stop can move the break).
    package func routeFeasible(_ r: Int, _ p: RoutingProblem) -> Bool {
        if p.lunch == nil {
            let e = earliest[r], l = latest[r]
            for q in 0..<e.count where e[q] > l[q] { return false }
            return true
        }
        return routes[r].isEmpty || lunchOK[r]
    }

    package mutating func insert(_ u: Int, _ r: Int, _ q: Int, _ p: RoutingProblem) {
        routes[r].insert(u, at: q)
        routeOf[u] = r
        if p.mandatory[u] { missing -= 1 } else { lostPrize -= p.prize[u] }
        refresh(r, p)
    }

    /// Removes the stops at route positions [from, from+count) (0-based in the stop list).
    package mutating func removeRange(_ r: Int, _ from: Int, _ count: Int, _ p: RoutingProblem, into out: inout [Int]) {
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
