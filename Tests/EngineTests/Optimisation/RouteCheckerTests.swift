import Testing
import Optimisation

@Suite struct RouteCheckerTests {
    /// Depot 0 and three stops on a line, 10 apart; travel = distance.
    func line() -> RoutingProblem {
        let xs = [0, 10, 20, 30], n = 4
        var m = Array(repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { m[i * n + j] = abs(xs[i] - xs[j]) } }
        var p = RoutingProblem(distance: m, time: m, size: n, stops: [1, 2, 3],
                               vehicles: [Vehicle(start: 0, end: 0, earliest: 0, latest: 100, capacity: 10),
                                          Vehicle(start: 0, end: 0, earliest: 0, latest: 100, capacity: 10)])
        p.demand = [0, 4, 4, 4]
        return p
    }

    func sol(_ routes: [[Int]], _ p: RoutingProblem) -> RoutingSolution {
        var d = 0
        for r in routes where !r.isEmpty { var at = 0; for s in r + [0] { d += p.dist(at, s); at = s } }
        return RoutingSolution(routes: routes, unserved: [], distance: d, prize: 0)
    }

    @Test func acceptsAFeasibleSolution() {
        let p = line()
        #expect(RouteChecker.check(p, sol([[1, 2], [3]], p)).isFeasible)
    }

    @Test func rejectsLateArrival() {
        var p = line()
        p.due[3] = 25
        let v = RouteChecker.check(p, sol([[1, 2], [3]], p))
        #expect(v.violations.contains { $0.contains("stop 3 served at 30") })
    }

    @Test func rejectsCapacity() {
        let p = line()
        #expect(RouteChecker.check(p, sol([[1, 2, 3], []], p)).violations.contains { $0.contains("over capacity") })
    }

    @Test func rejectsDuration() {
        var p = line()
        p.vehicles[1].maxDuration = 50
        #expect(RouteChecker.check(p, sol([[1, 2], [3]], p)).violations.contains { $0.contains("lasts 60") })
    }

    @Test func rejectsMissingReturn() {
        var p = line()
        p.vehicles[1].latest = 45
        #expect(RouteChecker.check(p, sol([[1, 2], [3]], p)).violations.contains { $0.contains("back at 60") })
    }

    @Test func rejectsMissedAndRepeatedStops() {
        let p = line()
        let v = RouteChecker.check(p, sol([[1, 2], [2]], p))
        #expect(v.violations.contains { $0.contains("mandatory stop 3 not visited") })
        #expect(v.violations.contains { $0.contains("stop 2 visited 2 times") })
    }

    @Test func rejectsWrongTotalsLockAndLateLunch() {
        var p = line()
        p.lockedVehicle[3] = 0
        p.service[1] = 5
        p.lunch = LunchBreak(earliest: 12, latest: 14, duration: 10)
        var s = sol([[1, 2], [3]], p)
        s.distance += 1
        let v = RouteChecker.check(p, s)
        #expect(v.violations.contains { $0.contains("locked to vehicle 0") })
        #expect(v.violations.contains { $0.contains("reported distance") })
        #expect(v.violations.contains { $0.contains("lunch would start at 15") })
    }
}
