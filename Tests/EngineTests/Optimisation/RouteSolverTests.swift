import Testing
import BenchSupport
import Core
import Optimisation

@Suite struct RouteSolverTests {
    let budget = RouteSolverOptions(seed: 3, iterations: 3000)

    @Test(arguments: [5, 6, 7, 8])
    func tspMatchesBruteForce(stops: Int) throws {
        let (p, _, _) = RoutingFixture.euclidean(stops + 1, seed: UInt64(stops))
        let s = try RouteSolver.solve(p, budget)
        #expect(RouteChecker.check(p, s).isFeasible)
        #expect(s.distance == RoutingFixture.bruteForce(p))
    }

    @Test(arguments: [6, 7, 8])
    func tsptwMatchesBruteForce(stops: Int) throws {
        var (p, _, _) = RoutingFixture.euclidean(stops + 1, seed: 40 + UInt64(stops))
        // Windows around a random order's arrival times: feasible, and binding.
        var rng = SeededRNG(seed: 9)
        var order = p.stops
        rng.shuffle(&order)
        var t = 0, at = 0
        for s in order {
            t += p.travel(at, s); p.ready[s] = max(0, t - 60); p.due[s] = t + 80; p.service[s] = 10
            t = max(t, p.ready[s]) + 10; at = s
        }
        let s = try RouteSolver.solve(p, budget)
        #expect(RouteChecker.check(p, s).isFeasible)
        #expect(s.unserved.isEmpty)
        #expect(s.distance == RoutingFixture.bruteForce(p))
    }

    @Test func orienteeringTakesTheBestSubsetThatFits() throws {
        var (p, _, _) = RoutingFixture.euclidean(8, seed: 77)
        for s in p.stops { p.mandatory[s] = false; p.prize[s] = s }
        p.vehicles[0].latest = 1200
        let s = try RouteSolver.solve(p, budget)
        #expect(RouteChecker.check(p, s).isFeasible)
        // Brute force over every subset and order.
        var best = 0
        for mask in 1..<(1 << 7) {
            let subset = (0..<7).filter { mask & (1 << $0) != 0 }.map { $0 + 1 }
            let prize = subset.reduce(0, +)
            if prize > best, RoutingFixture.permutations(subset).contains(where: { RoutingFixture.routeLength(p, $0) != nil }) { best = prize }
        }
        #expect(s.prize == best)
    }

    @Test func vrptwUsesFewVehiclesAndPassesTheChecker() throws {
        var (p, _, _) = RoutingFixture.euclidean(21, seed: 5)
        p.vehicles = Array(repeating: Vehicle(start: 0, end: 0, earliest: 0, latest: 5000, capacity: 30), count: 6)
        for s in p.stops { p.demand[s] = 5 + s % 4 }
        p.minimiseVehicles = true
        let s = try RouteSolver.solve(p, budget)
        let v = RouteChecker.check(p, s)
        #expect(v.isFeasible, "\(v.violations)")
        #expect(s.unserved.isEmpty)
        let demand = p.stops.reduce(0) { $0 + p.demand[$1] }
        #expect(s.vehiclesUsed == (demand + 29) / 30)
    }

    @Test func weekKeepsLocksLunchAndMandatoryStops() throws {
        let p = RoutingScenarios.week(seed: 11, candidates: 40, days: 3)
        let s = try RouteSolver.solve(p, RouteSolverOptions(seed: 1, iterations: 400))
        let v = RouteChecker.check(p, s)
        #expect(v.isFeasible, "\(v.violations)")
        for st in p.stops where p.lockedVehicle[st] >= 0 { #expect(s.routes[p.lockedVehicle[st]].contains(st)) }
        #expect(s.prize > 0)
    }

    @Test func sameSeedSameSolution() throws {
        let p = RoutingScenarios.day(seed: 4, stops: 25).problem
        let a = try RouteSolver.solve(p, RouteSolverOptions(seed: 8, iterations: 500))
        let b = try RouteSolver.solve(p, RouteSolverOptions(seed: 8, iterations: 500))
        #expect(a == b)
        #expect(RouteChecker.check(p, a).isFeasible)
    }

    @Test func badShapesAreRejected() {
        var (p, _, _) = RoutingFixture.euclidean(5, seed: 1)
        p.stops.append(2)
        #expect(throws: RoutingError.self) { try RouteSolver.solve(p) }
    }

    /// A warm start is kept when nothing better is found: the result is never worse than the
    /// initial plan (prize first, then distance), even on a one-iteration budget; an
    /// infeasible initial plan is ignored.
    @Test func warmStartNeverEndsWorse() throws {
        var (p, _, _) = RoutingFixture.euclidean(12, seed: 21)
        for s in p.stops { p.mandatory[s] = false; p.prize[s] = 10 }
        p.vehicles = [p.vehicles[0], p.vehicles[0]]
        let initial = [Array(p.stops.prefix(6)), Array(p.stops.dropFirst(6))]
        let initialDistance = initial.map { r in zip([0] + r, r + [0]).map { p.dist($0, $1) }.reduce(0, +) }.reduce(0, +)
        for iterations in [1, 5, 200] {
            var options = RouteSolverOptions(seed: 4, iterations: iterations)
            options.initialRoutes = initial
            let s = try RouteSolver.solve(p, options)
            #expect(RouteChecker.check(p, s).isFeasible)
            #expect(s.prize == 10 * p.stops.count)
            #expect(s.distance <= initialDistance)
        }
        var bad = RouteSolverOptions(seed: 4, iterations: 50)
        bad.initialRoutes = [[1, 1]]
        #expect(RouteChecker.check(p, try RouteSolver.solve(p, bad)).isFeasible)
    }
}
