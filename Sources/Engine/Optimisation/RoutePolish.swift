import Core
/// Local search that finishes a ruin-and-recreate run: relocate and or-opt (strings of 1–3,
/// within and between routes), swap, cross-exchange, 2-opt within a route and 2-opt*, first
/// improvement over neighbour lists. It runs on the final best only, so each move is tested
/// by re-simulating the one or two routes it touches (O(k)) instead of keeping slack caches.
package struct RoutePolish {
    package let p: RoutingProblem
    package let neighbours: [[Int]]
    package let width = 12

    /// Length of a route, or nil if it breaks a window, the capacity, the lunch or the return.
    package func simulate(_ route: [Int], _ r: Int) -> Int? {
        let v = p.vehicles[r]
        var at = v.start, t = v.earliest, len = 0, load = 0
        var lunchTaken = p.lunch == nil
        for i in 0...route.count {
            let isEnd = i == route.count
            let s = isEnd ? v.end : route[i]
            var arrive = t + p.travel(at, s)
            if !lunchTaken, let l = p.lunch, (isEnd ? arrive : max(arrive, p.ready[s])) >= l.earliest {
                if max(t, l.earliest) > l.latest { return nil }
                arrive = max(arrive, l.earliest) + l.duration
                lunchTaken = true
            }
            len += p.dist(at, s)
            if isEnd { return arrive <= v.returnDeadline && load <= v.capacity ? len : nil }
            if p.lockedVehicle[s] >= 0 && p.lockedVehicle[s] != r { return nil }
            let begin = max(arrive, p.ready[s])
            if begin > p.due[s] { return nil }
            t = begin + p.service[s]; load += p.demand[s]; at = s
        }
        return nil
    }

    /// Improves `routes` in place until no move helps; returns the new total length.
    package func run(_ routes: inout [[Int]]) -> Int {
        var len = routes.indices.map { routes[$0].isEmpty ? 0 : (simulate(routes[$0], $0) ?? Int.max / 8) }
        var improved = true, passes = 0
        while improved && passes < 50 {
            improved = false; passes += 1
            var where_ = Array(repeating: (-1, -1), count: p.size)
            for (r, route) in routes.enumerated() { for (i, s) in route.enumerated() { where_[s] = (r, i) } }
            outer: for u in p.stops where where_[u].0 >= 0 {
                let (r, i) = where_[u]
                for v in neighbours[u].prefix(width) where where_[v].0 >= 0 {
                    let (t, j) = where_[v]
                    for cand in moves(routes, r, i, t, j) {
                        var newLen = 0, old = 0
                        var ok = true
                        for k in 0..<cand.count {
                            let rt = k == 0 ? r : t
                            old += len[rt]
                            if cand[k].isEmpty { continue }
                            guard let l = simulate(cand[k], rt) else { ok = false; break }
                            newLen += l
                        }
                        if ok && newLen < old {
                            let touched = cand.count == 1 ? [r] : [r, t]
                            for (k, rt) in touched.enumerated() { routes[rt] = cand[k] }
                            for rt in touched {
                                len[rt] = routes[rt].isEmpty ? 0 : (simulate(routes[rt], rt) ?? Int.max / 8)
                                for (k, s) in routes[rt].enumerated() { where_[s] = (rt, k) }
                            }
                            improved = true
                            continue outer
                        }
                    }
                }
            }
        }
        return len.reduce(0, +)
    }

    /// Candidate rewrites of route r (u at i) and route t (v at j), making u and v adjacent.
    package func moves(_ routes: [[Int]], _ r: Int, _ i: Int, _ t: Int, _ j: Int) -> [[[Int]]] {
        var out: [[[Int]]] = []
        let a = routes[r], b = routes[t]
        if r == t {
            // 2-opt: reverse a[i+1...j] so that u is followed by v (when i < j).
            if i + 1 < j {
                var c = a; c[(i + 1)...j].reverse(); out.append([c])
            }
            // Or-opt: move a string of 1–3 starting at u to just after/before v.
            for len in 1...3 where i + len <= a.count && !(i..<(i + len)).contains(j) {
                var c = a
                let seg = Array(c[i..<(i + len)])
                c.removeSubrange(i..<(i + len))
                guard let at = c.firstIndex(of: a[j]) else { continue }
                var d = c; d.insert(contentsOf: seg, at: at + 1); out.append([d])
                var e = c; e.insert(contentsOf: seg.reversed(), at: at); out.append([e])
            }
            return out
        }
        // Relocate strings of 1–3 from r to t, next to v.
        for len in 1...3 where i + len <= a.count {
            var ra = a; let seg = Array(ra[i..<(i + len)]); ra.removeSubrange(i..<(i + len))
            var rb1 = b; rb1.insert(contentsOf: seg, at: j + 1)
            var rb2 = b; rb2.insert(contentsOf: seg.reversed(), at: j)
            out.append([ra, rb1]); out.append([ra, rb2])
        }
        // Swap u with the successor of v and with v's predecessor.
        for k in [j - 1, j + 1] where k >= 0 && k < b.count {
            var ra = a, rb = b
            ra[i] = b[k]; rb[k] = a[i]
            out.append([ra, rb])
        }
        // Cross-exchange: strings of 1–3 starting at u and right after v trade places, so
        // that u's string follows v.
        for l1 in 1...3 where i + l1 <= a.count {
            for l2 in 1...3 where j + 1 + l2 <= b.count && (l1, l2) != (1, 1) {
                var ra = a, rb = b
                ra.replaceSubrange(i..<(i + l1), with: b[(j + 1)..<(j + 1 + l2)])
                rb.replaceSubrange((j + 1)..<(j + 1 + l2), with: a[i..<(i + l1)])
                out.append([ra, rb])
            }
        }
        // 2-opt*: u followed by v's tail, v's head followed by u's tail (same kind of vehicle).
        if p.vehicles[r].end == p.vehicles[t].end {
            let ra = Array(a[...i]) + Array(b[j...]), rb = Array(b[..<j]) + Array(a[(i + 1)...])
            out.append([ra, rb])
        }
        return out
    }
}
