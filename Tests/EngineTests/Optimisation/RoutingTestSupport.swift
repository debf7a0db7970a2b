import Core
import Optimisation

/// Small instances and brute force for the routing tests.
enum RoutingFixture {
    /// Random points on a 100 × 100 grid; node 0 is the depot.
    static func euclidean(_ n: Int, seed: UInt64) -> (RoutingProblem, [Double], [Double]) {
        var rng = SeededRNG(seed: seed)
        let xs = (0..<n).map { _ in rng.uniform(0, 100) }, ys = (0..<n).map { _ in rng.uniform(0, 100) }
        var m = Array(repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { m[i * n + j] = Int(((xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j])).squareRoot() * 10) } }
        let v = Vehicle(start: 0, end: 0, earliest: 0, latest: Int.max / 4)
        return (RoutingProblem(distance: m, time: m, size: n, stops: Array(1..<n), vehicles: [v]), xs, ys)
    }

    static func permutations(_ a: [Int]) -> [[Int]] {
        if a.count <= 1 { return [a] }
        var out: [[Int]] = []
        for (i, x) in a.enumerated() {
            var rest = a; rest.remove(at: i)
            for p in permutations(rest) { out.append([x] + p) }
        }
        return out
    }

    /// Length of one route if it keeps every window (plain re-simulation), else nil.
    static func routeLength(_ p: RoutingProblem, _ route: [Int]) -> Int? {
        var at = 0, t = p.vehicles[0].earliest, len = 0
        for s in route {
            t = max(t + p.travel(at, s), p.ready[s])
            if t > p.due[s] { return nil }
            t += p.service[s]; len += p.dist(at, s); at = s
        }
        t += p.travel(at, 0); len += p.dist(at, 0)
        return t <= p.vehicles[0].latest ? len : nil
    }

    static func bruteForce(_ p: RoutingProblem) -> Int? {
        permutations(p.stops).compactMap { routeLength(p, $0) }.min()
    }
}
