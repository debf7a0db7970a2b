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
        let slots = ParallelSlots<Result>(count: restarts)
        let (k, maxIterations) = (self.k, self.maxIterations)
        let run: @Sendable (Int) -> Void = { r in
            var rng = root.derived(UInt64(r))
            slots[r] = Hamerly(points: points, k: k, maxIterations: maxIterations).run(&rng)
        }
        if threads > 1 && restarts > 1 {
            DispatchQueue.concurrentPerform(iterations: restarts) { run($0) }
        } else {
            for r in 0..<restarts { run(r) }
        }
        let results = slots.values.compactMap { $0 }
        guard var best = results.first else { throw LearningError.invalidParameter("no restart finished") }
        for r in results.dropFirst() where r.inertia < best.inertia { best = r }
        return best
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

    /// On large inputs the centres are first fitted on a seeded 1/8 sample (k-means++ and
    /// Lloyd there are 8× cheaper), then refined on all points: the result is still a
    /// fixed point of Lloyd's iteration on the full data, reached in far fewer full passes.
    func run(_ rng: inout SeededRNG) -> KMeans.Result {
        let n = points.count
        var centers: [SIMD2<Double>]
        if n >= 20_000 && n / 8 >= 50 * k {
            let sample = rng.sample(n, n / 8).map { points[$0] }
            centers = Hamerly(points: sample, k: k, maxIterations: maxIterations).run(&rng).centers
        } else {
            centers = seedCenters(&rng)
        }
        // Stop like scikit-learn: when centres move less (in total squared distance) than
        // 1e-4 of the data's mean per-axis variance.
        var mean = SIMD2<Double>.zero
        for p in points { mean += p }
        mean /= Double(n)
        var variance = 0.0
        for p in points { variance += d2(p, mean) }
        let tolerance = 1e-4 * variance / Double(2 * n)
        let assign = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let upper = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let lower = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { assign.deallocate(); upper.deallocate(); lower.deallocate() }
        var sums = [SIMD2<Double>](repeating: .zero, count: k)
        var counts = [Int](repeating: 0, count: k)
        var s = [Double](repeating: 0, count: k)
        var moved = [Double](repeating: 0, count: k)
        var iterations = 0
        points.withUnsafeBufferPointer { pts in
            centers.withUnsafeMutableBufferPointer { c in
                for i in 0..<n { nearestTwo(pts[i], c, &assign[i], &upper[i], &lower[i]) }
                for i in 0..<n { sums[Int(assign[i])] += pts[i]; counts[Int(assign[i])] += 1 }
                while iterations < maxIterations {
                    iterations += 1
                    var maxMove = 0.0, secondMove = 0.0, maxAt = -1, shift = 0.0
                    for j in 0..<k {
                        let nc = counts[j] > 0 ? sums[j] / Double(counts[j]) : c[j]
                        let m2 = d2(nc, c[j])
                        shift += m2
                        moved[j] = m2.squareRoot()
                        c[j] = nc
                        if moved[j] > maxMove { secondMove = maxMove; maxMove = moved[j]; maxAt = j } else if moved[j] > secondMove {
                            secondMove = moved[j]
                        }
                    }
                    if shift <= tolerance { break }
                    for j in 0..<k {
                        var m = Double.infinity
                        for j2 in 0..<k where j2 != j { m = min(m, d2(c[j], c[j2])) }
                        s[j] = m.squareRoot() / 2
                    }
                    var changed = 0
                    for i in 0..<n {
                        let a = Int(assign[i])
                        upper[i] += moved[a]
                        lower[i] -= a == maxAt ? secondMove : maxMove
                        let bound = max(s[a], lower[i])
                        if upper[i] <= bound { continue }
                        upper[i] = d2(pts[i], c[a]).squareRoot()
                        if upper[i] <= bound { continue }
                        var na: Int32 = 0
                        nearestTwo(pts[i], c, &na, &upper[i], &lower[i])
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
        }
        // Centres as the exact means of the final assignment, and the exact inertia.
        var exact = [SIMD2<Double>](repeating: .zero, count: k)
        var cnt = [Int](repeating: 0, count: k)
        for i in 0..<n { exact[Int(assign[i])] += points[i]; cnt[Int(assign[i])] += 1 }
        for j in 0..<k where cnt[j] > 0 { centers[j] = exact[j] / Double(cnt[j]) }
        var inertia = 0.0
        let out = Array(UnsafeBufferPointer(start: assign, count: n))
        for i in 0..<n { inertia += d2(points[i], centers[Int(out[i])]) }
        return KMeans.Result(centers: centers, assignment: out, inertia: inertia, iterations: iterations)
    }

    /// Nearest and second-nearest centre: distances in one vectorisable pass, then two
    /// interleaved reductions (even and odd centres) to halve the dependency chain.
    @inline(__always)
    func nearestTwo(_ p: SIMD2<Double>, _ centers: UnsafeMutableBufferPointer<SIMD2<Double>>, _ a: inout Int32,
                    _ u: inout Double, _ l: inout Double) {
        var e1 = Double.infinity, e2 = Double.infinity, ej = 0
        var o1 = Double.infinity, o2 = Double.infinity, oj = 0
        var j = 0
        while j + 1 < k {
            let ve = p - centers[j], vo = p - centers[j + 1]
            let de = ve.x * ve.x + ve.y * ve.y, dOdd = vo.x * vo.x + vo.y * vo.y
            let be = de < e1, bo = dOdd < o1
            e2 = be ? e1 : min(e2, de); ej = be ? j : ej; e1 = be ? de : e1
            o2 = bo ? o1 : min(o2, dOdd); oj = bo ? j + 1 : oj; o1 = bo ? dOdd : o1
            j += 2
        }
        if j < k {
            let v = p - centers[j]
            let d = v.x * v.x + v.y * v.y
            let b = d < e1
            e2 = b ? e1 : min(e2, d); ej = b ? j : ej; e1 = b ? d : e1
        }
        // Merge: ties go to the lower index, as a single scan would.
        let evenWins = e1 < o1 || (e1 == o1 && ej < oj)
        a = Int32(evenWins ? ej : oj)
        u = (evenWins ? e1 : o1).squareRoot()
        l = min(evenWins ? o1 : e1, evenWins ? e2 : o2).squareRoot()
    }
}
