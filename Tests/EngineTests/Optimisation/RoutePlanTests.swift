import Testing
import BenchSupport
import Core
import Optimisation

/// The plan's cached lunch schedule must decide exactly as a full re-simulation does, or the
/// search would take different decisions.
@Suite struct RoutePlanTests {
    /// The lunch rule of `LunchBreak`, re-simulated from the start of the route.
    static func simulate(_ p: RoutingProblem, _ route: [Int], _ r: Int) -> Bool {
        guard let l = p.lunch else { return true }
        let v = p.vehicles[r]
        var prev = v.start, t = v.earliest, taken = false
        for i in 0...route.count {
            let isEnd = i == route.count
            let cur = isEnd ? v.end : route[i]
            var arrive = t + p.travel(prev, cur)
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
        }
        return true
    }

    /// A plan of `n` shuffled stops, each inserted at a random place of a random route, and the
    /// stops left out, in their shuffled order.
    static func randomPlan(_ p: RoutingProblem, placing n: Int, rng: inout SeededRNG) -> (RoutePlan, ArraySlice<Int>) {
        var plan = RoutePlan(p)
        var order = p.stops
        rng.shuffle(&order)
        for u in order.prefix(n) {
            let r = rng.int(below: p.vehicles.count)
            plan.insert(u, r, rng.int(below: plan.routes[r].count + 1), p)
        }
        return (plan, order.dropFirst(n))
    }

    @Test func lunchInsertionAgreesWithFullSimulation() {
        var p = RoutingScenarios.week(seed: 3, candidates: 30, days: 2)
        // Tight windows on a few stops, so that infeasible prefixes and tails occur too.
        for s in p.stops where s % 4 == 0 { p.due[s] = p.ready[s] + 1800 }
        var rng = SeededRNG(seed: 9)
        var checked = 0, feasible = 0, lunchBehind = 0
        for _ in 0..<40 {
            var (plan, rest) = Self.randomPlan(p, placing: 18, rng: &rng)
            if rng.uniform() < 0.5, !plan.routes[0].isEmpty {
                var out: [Int] = []
                plan.removeRange(0, 0, 1, p, into: &out)
            }
            for u in rest.prefix(4) {
                for r in 0..<p.vehicles.count {
                    #expect(plan.routeFeasible(r, p) == (plan.routes[r].isEmpty || Self.simulate(p, plan.routes[r], r)))
                    for q in 0...plan.routes[r].count {
                        var route = plan.routes[r]
                        route.insert(u, at: q)
                        let expected = Self.simulate(p, route, r)
                        #expect(plan.lunchFeasible(u, r, q, p) == expected)
                        checked += 1; feasible += expected ? 1 : 0
                        // Lunch already taken before q: the check settles at the stop after u
                        // (one comparison with its latest start), whatever the route's length.
                        if plan.lunchPrefix[r][2 * q + 1] == 1 { lunchBehind += 1 }
                    }
                }
            }
        }
        #expect(checked > 500)
        #expect(feasible > 0 && feasible < checked)
        #expect(lunchBehind > 20)
    }

    /// Once the break is behind the insert point the check is O(1): it reads the cached latest
    /// start of the stop after u and nothing further down the route. Shown by breaking a later
    /// stop's window behind the plan's back: the full simulation notices, the check does not.
    @Test func insertionAfterLunchReadsNothingPastTheNextStop() {
        let p = RoutingScenarios.week(seed: 3, candidates: 30, days: 2)
        var rng = SeededRNG(seed: 4)
        var cases = 0
        for _ in 0..<30 {
            let (plan, rest) = Self.randomPlan(p, placing: 20, rng: &rng)
            for u in rest.prefix(3) {
                for r in 0..<p.vehicles.count where plan.routes[r].count >= 3 {
                    for q in 0...(plan.routes[r].count - 2) where plan.lunchPrefix[r][2 * q + 1] == 1 {
                        var broken = p
                        broken.due[plan.routes[r][q + 1]] = -1  // two stops after u: unreachable now
                        var route = plan.routes[r]
                        route.insert(u, at: q)
                        #expect(!Self.simulate(broken, route, r))
                        #expect(plan.lunchFeasible(u, r, q, broken) == plan.lunchFeasible(u, r, q, p))
                        cases += 1
                    }
                }
            }
        }
        #expect(cases > 10)
    }
}
