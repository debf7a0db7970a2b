import Dispatch

/// k-means on planar points in kilometres: k-means++ seeding, several seeded restarts
/// (run in parallel, the lowest inertia wins, ties to the lower restart), and Hamerly's
/// bounds so that most points skip the distance scan once centres settle.
public struct KMeans: Sendable {
    public var k: Int
    public var restarts = 3
    public var maxIterations = 100
    public var seed: UInt64 = 0
    public var threads = 1

    public init(k: Int, restarts: Int = 3, maxIterations: Int = 100, seed: UInt64 = 0, threads: Int = 1) {
        self.k = k
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.seed = seed
        self.threads = threads
    }

    public struct Result: Sendable, Equatable {
        public var centers: [SIMD2<Double>]
        public var assignment: [Int32]
        /// Sum of squared distances to the assigned centre (km²).
        public var inertia: Double
        public var iterations: Int
    }

    /// Equirectangular projection to km around the points' mean latitude: accurate to well
    /// under 1 % across a metropolitan region, and exact enough for clustering.
    public static func project(lat: [Double], lon: [Double]) -> [SIMD2<Double>] {
        guard !lat.isEmpty else { return [] }
        let lat0 = lat.reduce(0, +) / Double(lat.count)
        let kmPerDeg = 111.195
        let cosLat = _cos(lat0 * .pi / 180)
        return zip(lat, lon).map { SIMD2($0.1 * kmPerDeg * cosLat, $0.0 * kmPerDeg) }
    }

    public func fit(_ points: [SIMD2<Double>]) throws -> Result {
        guard !points.isEmpty else { throw LearningError.noRows }
        guard k >= 1, k <= points.count else { throw LearningError.invalidParameter("k must be in 1...points") }
        guard restarts >= 1, maxIterations >= 1 else { throw LearningError.invalidParameter("restarts and iterations ≥ 1") }
        for (i, p) in points.enumerated() where !(p.x.isFinite && p.y.isFinite) { throw LearningError.nonFiniteTarget(row: i) }
        let root = SeededRNG(seed: seed)
        let slots = ResultSlots(count: restarts)
        let (k, maxIterations) = (self.k, self.maxIterations)
        let run: @Sendable (Int) -> Void = { r in
            var rng = root.derived(UInt64(r))
            slots.set(r, Hamerly(points: points, k: k, maxIterations: maxIterations).run(&rng))
        }
        if threads > 1 && restarts > 1 {
            DispatchQueue.concurrentPerform(iterations: restarts) { run($0) }
        } else {
            for r in 0..<restarts { run(r) }
        }
        var best = slots.get(0)
        for r in 1..<restarts where slots.get(r).inertia < best.inertia { best = slots.get(r) }
        return best
    }
}

/// Per-restart results written from parallel workers into their own index.
private final class ResultSlots: @unchecked Sendable {
    private var items: [KMeans.Result?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: KMeans.Result) { items[i] = r }
    func get(_ i: Int) -> KMeans.Result {
        items[i] ?? KMeans.Result(centers: [], assignment: [], inertia: .infinity, iterations: 0)
    }
}

private struct Hamerly {
    let points: [SIMD2<Double>]
    let k: Int
    let maxIterations: Int

    @inline(__always) func d2(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = a - b
        return d.x * d.x + d.y * d.y
    }

    func seedCenters(_ rng: inout SeededRNG) -> [SIMD2<Double>] {
        let n = points.count
        var centers = [points[rng.int(below: n)]]
        var dist = points.map { d2($0, centers[0]) }
        while centers.count < k {
            let total = dist.reduce(0, +)
            var pick = rng.int(below: n)
            if total > 0 {
                var u = rng.uniform() * total
                for i in 0..<n {
                    u -= dist[i]
                    if u < 0 { pick = i; break }
                }
            }
            let c = points[pick]
            centers.append(c)
            for i in 0..<n { dist[i] = min(dist[i], d2(points[i], c)) }
        }
        return centers
    }

    func run(_ rng: inout SeededRNG) -> KMeans.Result {
        let n = points.count
        var centers = seedCenters(&rng)
        var assign = [Int32](repeating: 0, count: n)
        var upper = [Double](repeating: 0, count: n)
        var lower = [Double](repeating: 0, count: n)
        var sums = [SIMD2<Double>](repeating: .zero, count: k)
        var counts = [Int](repeating: 0, count: k)
        var s = [Double](repeating: 0, count: k)
        var moved = [Double](repeating: 0, count: k)
        var iterations = 0
        points.withUnsafeBufferPointer { pts in
            // Full first assignment.
            for i in 0..<n { nearestTwo(pts[i], centers, &assign[i], &upper[i], &lower[i]) }
            for i in 0..<n { sums[Int(assign[i])] += pts[i]; counts[Int(assign[i])] += 1 }
            while iterations < maxIterations {
                iterations += 1
                // Move centres.
                var maxMove = 0.0, secondMove = 0.0, maxAt = -1
                for j in 0..<k {
                    let c = counts[j] > 0 ? sums[j] / Double(counts[j]) : centers[j]
                    moved[j] = d2(c, centers[j]).squareRoot()
                    centers[j] = c
                    if moved[j] > maxMove { secondMove = maxMove; maxMove = moved[j]; maxAt = j } else if moved[j] > secondMove {
                        secondMove = moved[j]
                    }
                }
                if iterations > 1 && maxMove == 0 { break }
                for i in 0..<n {
                    let a = Int(assign[i])
                    upper[i] += moved[a]
                    lower[i] -= a == maxAt ? secondMove : maxMove
                }
                for j in 0..<k {
                    var m = Double.infinity
                    for j2 in 0..<k where j2 != j { m = min(m, d2(centers[j], centers[j2])) }
                    s[j] = m.squareRoot() / 2
                }
                var changed = 0
                for i in 0..<n {
                    let a = Int(assign[i])
                    let bound = max(s[a], lower[i])
                    if upper[i] <= bound { continue }
                    upper[i] = d2(pts[i], centers[a]).squareRoot()
                    if upper[i] <= bound { continue }
                    var na: Int32 = 0
                    nearestTwo(pts[i], centers, &na, &upper[i], &lower[i])
                    if Int(na) != a {
                        changed += 1
                        assign[i] = na
                        sums[a] -= pts[i]; counts[a] -= 1
                        sums[Int(na)] += pts[i]; counts[Int(na)] += 1
                    }
                }
                if changed == 0 { break }
            }
        }
        // Centres as the exact means of the final assignment, and the exact inertia.
        var exact = [SIMD2<Double>](repeating: .zero, count: k)
        var cnt = [Int](repeating: 0, count: k)
        for i in 0..<n { exact[Int(assign[i])] += points[i]; cnt[Int(assign[i])] += 1 }
        for j in 0..<k where cnt[j] > 0 { centers[j] = exact[j] / Double(cnt[j]) }
        var inertia = 0.0
        for i in 0..<n { inertia += d2(points[i], centers[Int(assign[i])]) }
        return KMeans.Result(centers: centers, assignment: assign, inertia: inertia, iterations: iterations)
    }

    @inline(__always)
    func nearestTwo(_ p: SIMD2<Double>, _ centers: [SIMD2<Double>], _ a: inout Int32, _ u: inout Double, _ l: inout Double) {
        var b1 = Double.infinity, b2 = Double.infinity, j1 = 0
        for j in 0..<k {
            let d = d2(p, centers[j])
            if d < b1 { b2 = b1; b1 = d; j1 = j } else if d < b2 { b2 = d }
        }
        a = Int32(j1)
        u = b1.squareRoot()
        l = b2.squareRoot()
    }
}
