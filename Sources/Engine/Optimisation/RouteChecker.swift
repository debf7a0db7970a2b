import Core
/// Re-simulates every route of a solution from the problem's raw data and lists what is
/// wrong. Deliberately shares no code with the solver, so a solver bug cannot hide itself.
public enum RouteChecker {
    public struct Verdict: Sendable, Equatable {
        public var violations: [String]
        public var distance: Int
        public var prize: Int
        public var vehiclesUsed: Int
        public var isFeasible: Bool { violations.isEmpty }
    }

    public static func check(_ p: RoutingProblem, _ s: RoutingSolution) -> Verdict {
        var bad: [String] = []
        var totalDistance = 0, totalPrize = 0, used = 0
        var visits = Array(repeating: 0, count: p.size)
        var isStop = Array(repeating: false, count: p.size)
        for s in p.stops where s >= 0 && s < p.size { isStop[s] = true }
        if s.routes.count > p.vehicles.count {
            bad.append("\(s.routes.count) routes for \(p.vehicles.count) vehicles")
        }
        for (v, route) in s.routes.enumerated() where v < p.vehicles.count && !route.isEmpty {
            used += 1
            let veh = p.vehicles[v]
            var at = veh.start
            var clock = veh.earliest
            var load = 0
            var lunchDone = p.lunch == nil
            // Appending the end node makes the return leg one more arrival to test.
            for (k, node) in (route + [veh.end]).enumerated() {
                let isReturn = k == route.count
                guard node >= 0 && node < p.size else {
                    bad.append("route \(v): node \(node) does not exist"); break
                }
                if !isReturn {
                    if !isStop[node] { bad.append("route \(v): node \(node) is not a stop") }
                    visits[node] += 1
                    if p.lockedVehicle[node] >= 0 && p.lockedVehicle[node] != v {
                        bad.append("route \(v): stop \(node) is locked to vehicle \(p.lockedVehicle[node])")
                    }
                }
                totalDistance += p.distance[at * p.size + node]
                let leave = clock
                var arrive = clock + p.time[at * p.size + node]
                let open = isReturn ? arrive : max(arrive, p.ready[node])
                if !lunchDone, let l = p.lunch, open >= l.earliest {
                    let lunchStart = max(leave, l.earliest)
                    if lunchStart > l.latest {
                        bad.append("route \(v): lunch would start at \(lunchStart), after \(l.latest)")
                    }
                    arrive = max(arrive, l.earliest) + l.duration
                    lunchDone = true
                }
                if isReturn {
                    if arrive > veh.latest { bad.append("route \(v): back at \(arrive), after \(veh.latest)") }
                    if let d = veh.maxDuration, arrive - veh.earliest > d {
                        bad.append("route \(v): lasts \(arrive - veh.earliest), over \(d)")
                    }
                } else {
                    let begin = max(arrive, p.ready[node])
                    if begin > p.due[node] {
                        bad.append("route \(v): stop \(node) served at \(begin), after its window closes at \(p.due[node])")
                    }
                    clock = begin + p.service[node]
                    load += p.demand[node]
                    totalPrize += p.prize[node]
                }
                at = node
            }
            if load > veh.capacity { bad.append("route \(v): load \(load) over capacity \(veh.capacity)") }
        }
        for st in p.stops where st >= 0 && st < p.size {
            if visits[st] > 1 { bad.append("stop \(st) visited \(visits[st]) times") }
            if visits[st] == 0 && p.mandatory[st] { bad.append("mandatory stop \(st) not visited") }
        }
        if totalDistance != s.distance { bad.append("reported distance \(s.distance), recomputed \(totalDistance)") }
        if totalPrize != s.prize { bad.append("reported prize \(s.prize), recomputed \(totalPrize)") }
        return Verdict(violations: bad, distance: totalDistance, prize: totalPrize, vehiclesUsed: used)
    }
}
