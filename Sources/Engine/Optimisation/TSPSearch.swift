import Core
/// Symmetric TSP by iterated local search: 2-opt and Or-opt over neighbour lists with
/// don't-look bits, perturbed by a double bridge on a short stretch of the tour and accepted
/// when not worse (the "segment double bridge" ILS that reaches ~1% on TSPLIB in a second).
///
/// The tour is an array with a position index; every move is a sequence of 2-opt moves
/// (reverse the shorter side), so or-opt needs no special bookkeeping.
package struct TSPSearch {
    package let n: Int
    package let nodes: [Int]
    package var d: [Int]
    package var nb: [[Int32]]
    package var tour: [Int32]
    package var pos: [Int32]
    package var rng: SeededRNG
    package let options: RouteSolverOptions

    package init(_ p: RoutingProblem, _ options: RouteSolverOptions) {
        self.options = options
        nodes = [p.vehicles[0].start] + p.stops
        n = nodes.count
        var dm = Array(repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { dm[i * n + j] = p.dist(nodes[i], nodes[j]) } }
        d = dm
        let k = min(n - 1, 10)
        var lists: [[Int32]] = []
        lists.reserveCapacity(n)
        for i in 0..<n {
            let row = i * n
            var others = (0..<n).filter { $0 != i }
            others.sort { (dm[row + $0], $0) < (dm[row + $1], $1) }
            lists.append(others.prefix(k).map { Int32($0) })
        }
        nb = lists
        rng = SeededRNG(seed: options.seed)
        tour = []; pos = Array(repeating: 0, count: n)
        tour = nearestNeighbourTour()
        for (i, c) in tour.enumerated() { pos[Int(c)] = Int32(i) }
    }

    @inline(__always) package func dd(_ a: Int, _ b: Int) -> Int { d[a * n + b] }
    @inline(__always) package func succ(_ a: Int) -> Int { Int(tour[(Int(pos[a]) + 1) % n]) }
    @inline(__always) package func pred(_ a: Int) -> Int { Int(tour[(Int(pos[a]) + n - 1) % n]) }

    package func nearestNeighbourTour() -> [Int32] {
        var used = Array(repeating: false, count: n)
        var t: [Int32] = [0]
        used[0] = true
        var cur = 0
        for _ in 1..<n {
            var best = -1
            for c in nb[cur] where !used[Int(c)] { best = Int(c); break }
            if best < 0 {
                var bd = Int.max
                for c in 0..<n where !used[c] && dd(cur, c) < bd { bd = dd(cur, c); best = c }
            }
            used[best] = true; t.append(Int32(best)); cur = best
        }
        return t
    }

    package var length: Int {
        var s = 0
        for i in 0..<n { s += dd(Int(tour[i]), Int(tour[(i + 1) % n])) }
        return s
    }

    /// Reverses the forward path from a to b, or its complement when that is shorter.
    package mutating func reversePath(_ a: Int, _ b: Int) {
        var i = Int(pos[a]), j = Int(pos[b])
        var len = (j - i + n) % n + 1
        if 2 * len > n {
            let na = (j + 1) % n, nbp = (i + n - 1) % n
            i = na; j = nbp; len = n - len
        }
        for _ in 0..<(len / 2) {
            let x = tour[i], y = tour[j]
            tour[i] = y; pos[Int(y)] = Int32(i)
            tour[j] = x; pos[Int(x)] = Int32(j)
            i = (i + 1) % n; j = (j + n - 1) % n
        }
    }

    /// Removes edges (t1,t2), (t3,t4) and adds (t1,t3), (t2,t4); t2 and t4 follow t1 and t3
    /// in the same direction.
    package mutating func twoOptMove(_ t1: Int, _ t2: Int, _ t3: Int, _ t4: Int) {
        if succ(t1) == t2 { reversePath(t2, t3) } else { reversePath(t1, t4) }
    }

    package mutating func run() -> RoutingSolution {
        var queue = Array(0..<n).map { Int32($0) }
        var inQueue = Array(repeating: true, count: n)
        var cur = length
        localSearch(&queue, &inQueue, &cur)
        var bestTour = tour, bestLen = cur
        let start = ContinuousClock.now
        var it = 0, stall = 0
        let budget = options.seconds == nil ? options.iterations : Int.max
        while it < budget {
            if let s = options.seconds, it % 16 == 0 {
                let e = ContinuousClock.now - start
                if Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18 >= s { break }
            }
            it += 1
            if n < 5 { break }
            if stall > 10 * n {
                // Stuck in a deep valley (pr144's parallel lines): restart from the best tour
                // with a double bridge over the whole tour, accepted whatever it costs.
                tour = bestTour
                for (i, c) in tour.enumerated() { pos[Int(c)] = Int32(i) }
                cur = bestLen + perturb(&queue, &inQueue, reach: n)
                localSearch(&queue, &inQueue, &cur)
                if cur < bestLen { bestLen = cur; bestTour = tour }
                stall = 0
                continue
            }
            let savedTour = tour, savedPos = pos, savedLen = cur
            cur += perturb(&queue, &inQueue)
            localSearch(&queue, &inQueue, &cur)
            if cur <= savedLen {
                stall = cur < savedLen ? 0 : stall + 1
                if cur < bestLen { bestLen = cur; bestTour = tour }
            } else {
                stall += 1
                tour = savedTour; pos = savedPos; cur = savedLen
            }
        }
        let depotAt = bestTour.firstIndex(of: 0) ?? 0
        var route: [Int] = []
        for k in 1..<n { route.append(nodes[Int(bestTour[(depotAt + k) % n])]) }
        return RoutingSolution(routes: [route], unserved: [], distance: bestLen, prize: 0, iterations: it)
    }
}
