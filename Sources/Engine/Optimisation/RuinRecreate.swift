#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// Slack Induction by String Removals (Christiaens & Vanden Berghe 2020): remove a few
/// strings of nearby stops from nearby routes, reinsert greedily with blinks, accept by
/// simulated annealing. A first phase removes whole routes while it can (fewest vehicles,
/// accepted by the absence rule); prizes are collected by the same insert/drop moves.
package struct RuinRecreate {
    package let p: RoutingProblem
    package let options: RouteSolverOptions
    package var rng: SeededRNG
    /// Per node: the other stops, nearest first.
    package let neighbours: [[Int]]
    package var vehicleLimit: Int
    package var absence: [Int]
    package let startTime = ContinuousClock.now
    package var iterations = 0
    package let hasPrizes: Bool

    package init(_ p: RoutingProblem, _ options: RouteSolverOptions) {
        self.p = p
        self.options = options
        rng = SeededRNG(seed: options.seed)
        vehicleLimit = p.vehicles.count
        absence = Array(repeating: 0, count: p.size)
        hasPrizes = !p.allMandatory
        var nb = Array(repeating: [Int](), count: p.size)
        let keep = min(p.stops.count - 1, 120)
        var key = Array(repeating: 0, count: p.size)
        for s in p.stops {
            for o in p.stops { key[o] = p.dist(s, o) + p.dist(o, s) }
            var others = p.stops.filter { $0 != s }
            others.sort { (key[$0], $0) < (key[$1], $1) }
            nb[s] = Array(others.prefix(max(0, keep)))
        }
        neighbours = nb
    }

    /// Share of the budget used, 0...1.
    package func progress() -> Double {
        var f = Double(iterations) / Double(max(1, options.iterations))
        if let s = options.seconds {
            let e = ContinuousClock.now - startTime
            let secs = Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
            f = max(f, secs / s)
        }
        return f
    }

    package mutating func run() -> RoutingSolution {
        var plan = RoutePlan(p)
        var all = p.stops
        recreate(&plan, &all)
        if let warm = warmStart(), !better(plan, warm) { plan = warm }
        var best = plan
        let arcs = max(1, p.stops.count + plan.usedVehicles)
        let meanArc = max(1.0, Double(plan.distance) / Double(arcs))
        let prizes = p.stops.filter { !p.mandatory[$0] }.map { Double(p.prize[$0]) }
        let meanPrize = prizes.isEmpty ? 1 : max(1, prizes.reduce(0, +) / Double(prizes.count))
        var phaseStart = 0.0
        if p.minimiseVehicles {
            minimiseFleet(&best, until: options.fleetShare, meanArc: meanArc)
            vehicleLimit = best.usedVehicles
            phaseStart = progress()
        }
        // Long routes (Solomon type 2) need a hotter search than short ones (type 1): with a
        // fleet to minimise, the temperature scales with (stops per route / 10)², clamped.
        var heat = 1.0
        if p.minimiseVehicles {
            let perRoute = Double(p.stops.count) / Double(max(1, best.usedVehicles)) / 10
            heat = min(1, max(0.1, 0.1 * perRoute * perRoute))
        }
        var current = best
        options.onImprovement?(best.distance, iterations)
        var f = progress()
        while f < 1 {
            let g = min(1, max(0, (f - phaseStart) / max(1e-9, 1 - phaseStart)))
            let td = heat * meanArc * options.startTemperature * pow(options.endTemperature / options.startTemperature, g)
            let tp = meanPrize * 0.5 * pow(0.02, g)
            if let cand = step(current) {
                if accept(cand, current, td, tp, missingPenalty: p.minimiseVehicles && options.missingPenalty > 0 ? options.missingPenalty * meanArc : nil) {
                    current = cand
                    if better(cand, best) {
                        best = cand
                        options.onImprovement?(best.distance, iterations)
                    }
                }
            }
            iterations += 1
            if iterations % 8 == 0 || options.seconds == nil { f = progress() }
        }
        return solution(best)
    }

    /// Route elimination: empty the smallest route and try to place its stops elsewhere.
    package mutating func minimiseFleet(_ best: inout RoutePlan, until end: Double, meanArc: Double) {
        while progress() < end && best.usedVehicles > 1 && best.missing == 0 {
            var cur = best
            guard let r = (0..<cur.routes.count).filter({ !cur.routes[$0].isEmpty })
                .min(by: { (cur.routes[$0].count, $0) < (cur.routes[$1].count, $1) }) else { return }
            var out: [Int] = []
            cur.removeRange(r, 0, cur.routes[r].count, p, into: &out)
            vehicleLimit = best.usedVehicles - 1
            for u in out { absence[u] += 1 }
            while cur.missing > 0 && progress() < end {
                if let cand = step(cur) {
                    let sa = absenceSum(cand), sc = absenceSum(cur)
                    if cand.missing < cur.missing || sa < sc ||
                        (sa == sc && Double(cand.distance - cur.distance) <= -0.3 * meanArc * _log(rng.uniform() + 1e-300)) {
                        cur = cand
                    }
                    for u in p.stops where cand.routeOf[u] < 0 && p.mandatory[u] { absence[u] += 1 }
                }
                iterations += 1
            }
            if cur.missing == 0 { best = cur } else { return }
        }
    }

    package func absenceSum(_ plan: RoutePlan) -> Int {
        var s = 0
        for u in p.stops where plan.routeOf[u] < 0 && p.mandatory[u] { s += absence[u] }
        return s
    }

    /// One ruin and recreate from `current`; nil when the ruin left an infeasible route.
    package mutating func step(_ current: RoutePlan) -> RoutePlan? {
        var cand = current
        var pending = ruin(&cand)
        if pending.isEmpty { return nil }
        if cand.missing > 0 {
            for u in p.stops where cand.routeOf[u] < 0 && p.mandatory[u] && !pending.contains(u) { pending.append(u) }
        }
        recreate(&cand, &pending)
        return cand
    }

    /// Lexicographic on missing mandatory stops, vehicles, prize, distance, annealed on the
    /// last two. With a fixed fleet (`missingPenalty`), a stop left out costs a penalty
    /// instead of vetoing the move, so the search may pass through solutions that miss a
    /// stop or two; only complete solutions become the best.
    package mutating func accept(_ c: RoutePlan, _ cur: RoutePlan, _ td: Double, _ tp: Double, missingPenalty: Double? = nil) -> Bool {
        if let pen = missingPenalty, c.usedVehicles <= cur.usedVehicles {
            let u = rng.uniform() + 1e-300
            let delta = Double(c.distance - cur.distance) + pen * Double(c.missing - cur.missing)
            return delta <= -td * _log(u)
        }
        if c.missing != cur.missing { return c.missing < cur.missing }
        if p.minimiseVehicles && c.usedVehicles != cur.usedVehicles { return c.usedVehicles < cur.usedVehicles }
        // Threshold form of the Metropolis rule: accept when worse by less than −T·ln(u).
        let u = rng.uniform() + 1e-300
        if c.lostPrize != cur.lostPrize {
            return Double(c.lostPrize - cur.lostPrize) < -tp * _log(u)
        }
        return Double(c.distance - cur.distance) <= -td * _log(u)
    }

    package func better(_ a: RoutePlan, _ b: RoutePlan) -> Bool {
        if a.missing != b.missing { return a.missing < b.missing }
        if p.minimiseVehicles && a.usedVehicles != b.usedVehicles { return a.usedVehicles < b.usedVehicles }
        if a.lostPrize != b.lostPrize { return a.lostPrize < b.lostPrize }
        return a.distance < b.distance
    }

    package func solution(_ plan: RoutePlan) -> RoutingSolution {
        let unserved = p.stops.filter { plan.routeOf[$0] < 0 }.sorted()
        let prize = p.stops.reduce(0) { $0 + (plan.routeOf[$1] >= 0 ? p.prize[$1] : 0) }
        var routes = plan.routes
        let polished = RoutePolish(p: p, neighbours: neighbours).run(&routes)
        let distance = polished < plan.distance ? polished : plan.distance
        if polished >= plan.distance { routes = plan.routes }
        return RoutingSolution(routes: routes, unserved: unserved, distance: distance,
                               prize: prize, iterations: iterations)
    }
}
