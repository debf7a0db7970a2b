import Dispatch
import Core

/// The engine's one k-means, on planar points in km (`PlanarProjection`), optionally
/// weighted: k-means++ seeding (each next centre drawn with probability ∝ weight × squared
/// distance), Lloyd's iteration with Hamerly's bounds so that most points skip the distance
/// scan once centres settle, and several seeded restarts (run in parallel, the lowest
/// inertia wins, ties to the lower restart).
///
/// The bounds only ever skip a point whose centre is provably still its unique nearest (with
/// a margin for rounding), and the centres are recomputed from scratch in point order each
/// pass, so with `tolerance` 0 the result is exactly plain Lloyd's: the same labels and, bit
/// for bit, the same centres (ties to the lower centre).
public struct KMeans: Sendable {
    public var k: Int
    public var restarts: Int
    public var maxIterations: Int
    /// Stop when the centres move less (in total squared km) than this fraction of the
    /// points' mean per-axis variance, as scikit-learn does; 0 runs to a fixed point.
    public var tolerance: Double
    public var seed: UInt64
    public var threads: Int

    public init(k: Int, restarts: Int = 3, maxIterations: Int = 100, tolerance: Double = 1e-4, seed: UInt64 = 0, threads: Int = 1) {
        self.k = k; self.restarts = restarts; self.maxIterations = maxIterations; self.tolerance = tolerance
        self.seed = seed; self.threads = threads
    }

    public struct Result: Sendable, Equatable {
        public var centers: [SIMD2<Double>]
        public var assignment: [Int32]
        /// Weighted sum of squared distances to the assigned centre (km²).
        public var inertia: Double
        /// Assignment passes over the points (the first, from the seeds, included).
        public var iterations: Int

        package init(centers: [SIMD2<Double>], assignment: [Int32], inertia: Double, iterations: Int) {
            self.centers = centers; self.assignment = assignment; self.inertia = inertia; self.iterations = iterations
        }
    }

    /// What a fit refuses.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case noPoints
        case invalidParameter(String)
        case nonFinitePoint(Int)

        public var description: String {
            switch self {
            case .noPoints: return "k-means needs at least one point"
            case .invalidParameter(let m): return "k-means: \(m)"
            case .nonFinitePoint(let i): return "k-means: point \(i) is not finite"
            }
        }
    }

    /// `weights[i]` ≥ 0 is point i's weight (empty: all 1). Restart 0 draws from `seed`
    /// itself, restart r > 0 from its derived stream r.
    public func fit(_ points: [SIMD2<Double>], weights: [Double] = []) throws(Failure) -> Result {
        guard !points.isEmpty else { throw .noPoints }
        guard k >= 1, k <= points.count else { throw .invalidParameter("k must be in 1…\(points.count), not \(k)") }
        guard restarts >= 1, maxIterations >= 1, tolerance >= 0 else {
            throw .invalidParameter("restarts and iterations ≥ 1, tolerance ≥ 0")
        }
        guard weights.isEmpty || weights.count == points.count else { throw .invalidParameter("one weight per point") }
        for (i, p) in points.enumerated() where !(p.x.isFinite && p.y.isFinite) { throw .nonFinitePoint(i) }
        for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) { throw .nonFinitePoint(i) }
        let w = weights.isEmpty ? [Double](repeating: 1, count: points.count) : weights
        let root = SeededRNG(seed: seed)
        let slots = ParallelSlots<Result>(count: restarts)
        let (k, maxIterations, tolerance) = (self.k, self.maxIterations, self.tolerance)
        let run: @Sendable (Int) -> Void = { r in
            var rng = r == 0 ? root : root.derived(UInt64(r))
            slots[r] = Hamerly(points: points, weights: w, k: k, maxIterations: maxIterations, tolerance: tolerance).run(&rng)
        }
        if threads > 1 && restarts > 1 {
            DispatchQueue.concurrentPerform(iterations: restarts) { run($0) }
        } else {
            for r in 0..<restarts { run(r) }
        }
        let results = slots.values.compactMap { $0 }
        guard var best = results.first else { throw .invalidParameter("no restart finished") }
        for r in results.dropFirst() where r.inertia < best.inertia { best = r }
        return best
    }
}

private struct Hamerly {
    let points: [SIMD2<Double>]
    let weights: [Double]
    let k: Int
    let maxIterations: Int
    let tolerance: Double

    /// Slack on every bound test, relative (1e-9) and absolute (1e-12 × the coordinates'
    /// magnitude): the bounds are sums of rounded square roots, so a point is skipped only
    /// when it clears them by far more than their rounding could move them.
    static let margin = 1e-9

    @inline(__always) func d2(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = a - b
        return d.x * d.x + d.y * d.y
    }

    func seedCenters(_ rng: inout SeededRNG) -> [SIMD2<Double>] {
        let n = points.count
        let first = points[rng.weightedIndex(weights)]
        var centers = [first]
        var dist = points.map { d2($0, first) }
        while centers.count < k {
            let c = points[rng.weightedIndex((0..<n).map { dist[$0] * weights[$0] })]
            centers.append(c)
            for i in 0..<n { dist[i] = min(dist[i], d2(points[i], c)) }
        }
        return centers
    }

    /// Weighted means of the points per label, summed in point order; an empty (or
    /// weightless) cluster keeps its centre.
    func means(_ assign: UnsafeMutablePointer<Int32>, _ centers: inout [SIMD2<Double>]) {
        var sums = [SIMD2<Double>](repeating: .zero, count: k)
        var mass = [Double](repeating: 0, count: k)
        for i in 0..<points.count {
            let a = Int(assign[i])
            sums[a] += weights[i] * points[i]
            mass[a] += weights[i]
        }
        for j in 0..<k where mass[j] > 0 { centers[j] = sums[j] / mass[j] }
    }

    /// On large inputs the centres are first fitted on a seeded 1/8 sample (k-means++ and
    /// Lloyd there are 8× cheaper), then refined on all points: the result is still a
    /// fixed point of Lloyd's iteration on the full data, reached in far fewer full passes.
    func run(_ rng: inout SeededRNG) -> KMeans.Result {
        let n = points.count
        var centers: [SIMD2<Double>]
        if n >= 20_000 && n / 8 >= 50 * k {
            let sample = rng.sample(n, n / 8)
            centers = Hamerly(points: sample.map { points[$0] }, weights: sample.map { weights[$0] }, k: k,
                              maxIterations: maxIterations, tolerance: tolerance).run(&rng).centers
        } else {
            centers = seedCenters(&rng)
        }
        var mean = SIMD2<Double>.zero
        for p in points { mean += p }
        mean /= Double(n)
        var variance = 0.0
        for p in points { variance += d2(p, mean) }
        let stopShift = tolerance * variance / Double(2 * n)
        let assign = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let upper = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let lower = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { assign.deallocate(); upper.deallocate(); lower.deallocate() }
        var s = [Double](repeating: 0, count: k)
        var moved = [Double](repeating: 0, count: k)
        let keep = 1 - Self.margin
        let slack = 1e-12 * (1 + points.reduce(0) { max($0, abs($1.x), abs($1.y)) })
        var iterations = 1
        points.withUnsafeBufferPointer { pts in
            centers.withUnsafeMutableBufferPointer { c in
                for i in 0..<n { nearestTwo(pts[i], c, &assign[i], &upper[i], &lower[i]) }
            }
            while iterations < maxIterations {
                let old = centers
                means(assign, &centers)
                var maxMove = 0.0, secondMove = 0.0, maxAt = -1, shift = 0.0
                for j in 0..<k {
                    let m2 = d2(centers[j], old[j])
                    shift += m2
                    moved[j] = m2.squareRoot()
                    if moved[j] > maxMove { secondMove = maxMove; maxMove = moved[j]; maxAt = j } else if moved[j] > secondMove {
                        secondMove = moved[j]
                    }
                }
                // Centres that did not move give the same labels again: a fixed point.
                if shift <= stopShift { break }
                iterations += 1
                let changed = centers.withUnsafeMutableBufferPointer { c -> Int in
                    for j in 0..<k {
                        var m = Double.infinity
                        for j2 in 0..<k where j2 != j { m = min(m, d2(c[j], c[j2])) }
                        s[j] = m.squareRoot() / 2
                    }
                    var changed = 0
                    for i in 0..<n {
                        let a = Int(assign[i])
                        // Grown by the centre's move (and a little more), the upper bound stays
                        // above the true distance; the lower one shrinks by the largest other move.
                        upper[i] = (upper[i] + moved[a]) * (1 + Self.margin) + slack
                        lower[i] = (lower[i] - (a == maxAt ? secondMove : maxMove)) * keep - slack
                        let bound = max(s[a] * keep - slack, lower[i])
                        if upper[i] < bound { continue }
                        upper[i] = d2(pts[i], c[a]).squareRoot()
                        if upper[i] * (1 + Self.margin) + slack < bound { continue }
                        var na: Int32 = 0
                        nearestTwo(pts[i], c, &na, &upper[i], &lower[i])
                        if Int(na) != a { changed += 1; assign[i] = na }
                    }
                    return changed
                }
                if changed == 0 { break }
            }
        }
        // Centres as the weighted means of the final assignment, and the inertia.
        means(assign, &centers)
        var inertia = 0.0
        let out = Array(UnsafeBufferPointer(start: assign, count: n))
        for i in 0..<n { inertia += weights[i] * d2(points[i], centers[Int(out[i])]) }
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
