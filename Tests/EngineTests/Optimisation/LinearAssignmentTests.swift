import Testing
import Core
import Optimisation

@Suite struct LinearAssignmentTests {
    /// Least total over every injective map from the smaller side to the larger.
    func bruteForce(_ c: [Double], _ r: Int, _ k: Int) -> Double {
        let small = min(r, k), large = max(r, k)
        var best = Double.infinity
        func go(_ i: Int, _ used: [Bool], _ acc: Double) {
            if i == small { best = min(best, acc); return }
            for j in 0..<large where !used[j] {
                var u = used; u[j] = true
                go(i + 1, u, acc + (r <= k ? c[i * k + j] : c[j * k + i]))
            }
        }
        go(0, Array(repeating: false, count: large), 0)
        return best
    }

    @Test(arguments: [(6, 6), (4, 6), (6, 4), (1, 5), (5, 1), (3, 3)])
    func equalsBruteForce(shape: (Int, Int)) {
        let (r, k) = shape
        var rng = SeededRNG(seed: UInt64(r * 10 + k))
        for _ in 0..<20 {
            let c = (0..<(r * k)).map { _ in Double(rng.int(below: 50)) }
            let (map, total) = LinearAssignment.solve(c, rows: r, cols: k)
            #expect(abs(total - bruteForce(c, r, k)) < 1e-9)
            let assigned = map.filter { $0 >= 0 }
            #expect(assigned.count == min(r, k))
            #expect(Set(assigned).count == assigned.count)
            let recomputed = map.enumerated().reduce(0.0) { $0 + ($1.element >= 0 ? c[$1.offset * k + $1.element] : 0) }
            #expect(abs(recomputed - total) < 1e-9)
        }
    }

    @Test func handlesTiesAndNegativeCosts() {
        let c: [Double] = [-1, -1, -1, -1, -1, -1, -1, -1, -1]
        let (map, total) = LinearAssignment.solve(c, rows: 3, cols: 3)
        #expect(total == -3)
        #expect(Set(map) == [0, 1, 2])
    }
}
