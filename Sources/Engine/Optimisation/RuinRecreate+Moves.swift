import Core
extension RuinRecreate {
    /// SISR ruin: from a random seed stop, walk its neighbours and cut one string out of
    /// each route met, until k_s routes are cut. Unrouted optional stops met on the way are
    /// returned too, so that recreate may pick them up (the insert half of insert/drop).
    package mutating func ruin(_ plan: inout RoutePlan) -> [Int] {
        var removed: [Int] = []
        let routed = p.stops.count - countUnrouted(plan)
        if routed == 0 {
            return p.stops.filter { plan.routeOf[$0] < 0 }
        }
        let used = max(1, plan.usedVehicles)
        let avgLen = Double(routed) / Double(used)
        let lsMax = min(options.maxString, avgLen)
        let ksMax = 4 * options.averageRemoved / (1 + lsMax) - 1
        let ks = Int(rng.uniform(1, max(1, ksMax) + 1))
        var seed = p.stops[rng.int(below: p.stops.count)]
        var guardCount = 0
        while plan.routeOf[seed] < 0 && guardCount < 64 {
            seed = p.stops[rng.int(below: p.stops.count)]; guardCount += 1
        }
        var cut: [Int] = []
        var extras = 0
        let extraLimit = Int(2 * options.averageRemoved)
        let near = neighbours[seed]
        for n in -1..<near.count {
            if cut.count >= ks { break }
            let c = n < 0 ? seed : near[n]
            let r = plan.routeOf[c]
            if r < 0 {
                if extras < extraLimit && !removed.contains(c) { removed.append(c); extras += 1 }
                continue
            }
            if cut.contains(r) { continue }
            let len = plan.routes[r].count
            let ltMax = min(Double(len), lsMax)
            let lt = min(len, max(1, Int(rng.uniform(1, ltMax + 1))))
            guard let idx = plan.routes[r].firstIndex(of: c) else { continue }
            // Split string (half the time): a string of l + m stops around c of which m
            // consecutive ones stay, so the l removed come from both sides of them.
            var m = 0
            if lt < len && rng.uniform() < 0.5 {
                m = 1
                while lt + m < len && rng.uniform() < 0.5 { m += 1 }
            }
            let span = lt + m
            let lo = max(0, idx - span + 1), hi = min(idx, len - span)
            let from = lo + rng.int(below: max(1, hi - lo + 1))
            if m == 0 {
                plan.removeRange(r, from, lt, p, into: &removed)
            } else {
                let keepAt = from + rng.int(below: lt + 1)
                let tail = from + span - (keepAt + m)
                if tail > 0 { plan.removeRange(r, keepAt + m, tail, p, into: &removed) }
                if keepAt > from { plan.removeRange(r, from, keepAt - from, p, into: &removed) }
            }
            cut.append(r)
        }
        for r in cut where !plan.routeFeasible(r, p) { return [] }
        return removed
    }

    package func countUnrouted(_ plan: RoutePlan) -> Int {
        var n = 0
        for s in p.stops where plan.routeOf[s] < 0 { n += 1 }
        return n
    }

    /// Greedy reinsertion in a random order family (random, demand, far, close, prize),
    /// each stop at its cheapest feasible place; positions blink with probability 1%.
    package mutating func recreate(_ plan: inout RoutePlan, _ pending: inout [Int]) {
        let depot = p.vehicles[0].start
        let pick = rng.int(below: hasPrizes ? 15 : 11)
        rng.shuffle(&pending)
        switch pick {
        case 0..<4: break
        case 4..<8: pending.sort { p.demand[$0] > p.demand[$1] }
        case 8..<10: pending.sort { p.dist(depot, $0) > p.dist(depot, $1) }
        case 10: pending.sort { p.dist(depot, $0) < p.dist(depot, $1) }
        default: pending.sort { p.prize[$0] * 1000 / max(1, p.service[$0] + 1) > p.prize[$1] * 1000 / max(1, p.service[$1] + 1) }
        }
        let m = p.vehicles.count
        var triedEmpty: [Int] = []
        for u in pending {
            var bestCost = Int.max, bestR = -1, bestQ = -1
            var used = plan.usedVehicles
            triedEmpty.removeAll(keepingCapacity: true)
            let lock = p.lockedVehicle[u]
            for r in 0..<m {
                if lock >= 0 && r != lock { continue }
                let route = plan.routes[r]
                if plan.load[r] + p.demand[u] > p.vehicles[r].capacity { continue }
                if route.isEmpty {
                    if used >= vehicleLimit { continue }
                    if triedEmpty.contains(where: { p.vehicles[$0] == p.vehicles[r] }) { continue }
                    triedEmpty.append(r)
                }
                for q in 0...route.count {
                    if rng.next() & 127 == 0 { continue }
                    if let c = plan.insertionCost(u, r, q, p), c < bestCost {
                        bestCost = c; bestR = r; bestQ = q
                    }
                }
            }
            if bestR >= 0 {
                plan.insert(u, bestR, bestQ, p)
                used = plan.usedVehicles
            }
        }
    }
}
