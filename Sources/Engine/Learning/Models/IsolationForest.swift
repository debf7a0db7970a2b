import Dispatch
import Core

/// Isolation forest (Liu, Ting & Zhou 2008): random axis splits on small subsamples;
/// anomalies isolate in few splits. Scores are `2^(−E[h(x)] / c(ψ))` in [0, 1], higher is
/// more anomalous. Categorical codes are used as numbers; a missing value takes the
/// column's training median.
public struct IsolationForest: Sendable {
    public var trees = 100
    public var sampleSize = 256
    /// Share of training rows to flag; sets `threshold` (nil: no threshold).
    public var contamination: Double? = nil
    public var seed: UInt64 = 0
    public var threads = 1

    public init(trees: Int = 100, sampleSize: Int = 256, contamination: Double? = nil, seed: UInt64 = 0, threads: Int = 1) {
        self.trees = trees
        self.sampleSize = sampleSize
        self.contamination = contamination
        self.seed = seed
        self.threads = threads
    }

    /// Average path length of an unsuccessful search in a binary search tree of n items.
    package static func c(_ n: Int) -> Double {
        if n <= 1 { return 0 }
        if n == 2 { return 1 }
        let h = _log(Double(n - 1)) + 0.5772156649015329
        return 2 * h - 2 * Double(n - 1) / Double(n)
    }

    public func fit(_ frame: FeatureFrame) throws -> IsolationForestModel {
        guard frame.rowCount > 0 else { throw LearningError.noRows }
        guard frame.columnCount > 0 else { throw LearningError.noFeatures }
        guard trees >= 1, sampleSize >= 2 else { throw LearningError.invalidParameter("trees ≥ 1 and sampleSize ≥ 2") }
        if let c = contamination, !(c > 0 && c < 0.5) {
            throw LearningError.invalidParameter("contamination must be in (0, 0.5)")
        }
        let schema = frame.schema
        let medians = IsolationForestModel.medians(frame)
        let data = IsolationForestModel.matrix(frame, medians: medians)
        let f = frame.columnCount
        let n = frame.rowCount
        let psi = min(sampleSize, n)
        let limit = Int((_log(Double(psi)) / _log(2)).rounded(.up))
        let root = SeededRNG(seed: seed)
        var forest = FlatIsolationTrees()
        var rowsBuf = [Int](repeating: 0, count: psi)
        var taken = [Bool](repeating: false, count: n)
        for t in 0..<trees {
            var rng = root.derived(UInt64(t))
            // ψ distinct rows by rejection (ψ ≪ n here; no O(n) permutation per tree).
            if psi * 2 > n {
                rowsBuf = rng.sample(n, psi)
            } else {
                var k = 0
                while k < psi {
                    let r = rng.int(below: n)
                    if taken[r] { continue }
                    taken[r] = true
                    rowsBuf[k] = r
                    k += 1
                }
                for i in 0..<psi { taken[rowsBuf[i]] = false }
            }
            forest.roots.append(Int32(forest.feature.count))
            forest.appendNodes(1)
            data.withUnsafeBufferPointer { x in
                forest.grow(node: Int(forest.roots[t]), x, columns: f, rows: &rowsBuf, lo: 0, hi: psi, depth: 0,
                            limit: limit, rng: &rng)
            }
            forest.depth.append(Int32(limit))
        }
        var model = IsolationForestModel(schema: schema, medians: medians, sampleSize: psi, forest: forest, threshold: nil)
        if let c = contamination {
            let s = model.scores(matrix: data, rows: n, threads: threads).sorted()
            model.threshold = s[min(n - 1, Int((Double(n) * (1 - c)).rounded(.down)))]
        }
        return model
    }
}

/// Trees stored flat. Children are adjacent (right = left + 1) and a leaf points to
/// itself with an infinite split, so every row takes exactly `depth[t]` branch-free steps
/// and several rows can descend a tree in lockstep. `value` is a leaf's depth + c(size).
package struct FlatIsolationTrees: Sendable, Equatable {
    package var roots: [Int32] = []
    package var depth: [Int32] = []
    package var feature: [Int32] = []
    package var split: [Float] = []
    package var left: [Int32] = []
    package var value: [Float] = []

    package mutating func appendNodes(_ k: Int) {
        for _ in 0..<k { feature.append(0); split.append(.infinity); left.append(Int32(left.count)); value.append(0) }
    }

    package mutating func grow(node me: Int, _ x: UnsafeBufferPointer<Float>, columns f: Int, rows: inout [Int], lo: Int,
                       hi: Int, depth: Int, limit: Int, rng: inout SeededRNG) {
        let size = hi - lo
        if size <= 1 || depth >= limit {
            value[me] = Float(Double(depth) + IsolationForest.c(size))
            return
        }
        // Pick a column that is not constant on these rows (a few tries, then give up).
        for _ in 0..<(2 * f) {
            let j = rng.int(below: f)
            var mn = Float.infinity, mx = -Float.infinity
            for i in lo..<hi { let v = x[rows[i] * f + j]; mn = min(mn, v); mx = max(mx, v) }
            if !(mx > mn) { continue }
            var s = Float(Double(mn) + rng.uniform() * Double(mx - mn))
            if s >= mx { s = mn }
            var m = lo
            for i in lo..<hi where x[rows[i] * f + j] <= s { rows.swapAt(i, m); m += 1 }
            feature[me] = Int32(j)
            split[me] = s
            let l = feature.count
            left[me] = Int32(l)
            appendNodes(2)
            grow(node: l, x, columns: f, rows: &rows, lo: lo, hi: m, depth: depth + 1, limit: limit, rng: &rng)
            grow(node: l + 1, x, columns: f, rows: &rows, lo: m, hi: hi, depth: depth + 1, limit: limit, rng: &rng)
            return
        }
        value[me] = Float(Double(depth) + IsolationForest.c(size))
    }
}

public struct IsolationForestModel: Sendable, Equatable {
    public let schema: FrameSchema
    package let medians: [Float]
    public let sampleSize: Int
    package let forest: FlatIsolationTrees
    /// Scores at or above this are flagged (set from `contamination`).
    public package(set) var threshold: Double?

    public func scores(_ frame: FeatureFrame, threads: Int = 1) throws -> [Double] {
        _ = try schema.aligned(frame)
        return scores(matrix: Self.matrix(frame, medians: medians), rows: frame.rowCount, threads: threads)
    }

    /// Flags by `threshold`; throws when the model was fitted without a contamination.
    public func isAnomaly(_ frame: FeatureFrame) throws -> [Bool] {
        guard let t = threshold else { throw LearningError.invalidParameter("fit with a contamination to flag rows") }
        return try scores(frame).map { $0 >= t }
    }

    package func scores(matrix: [Float], rows n: Int, threads: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        let f = schema.count
        let norm = IsolationForest.c(sampleSize) * Double(forest.roots.count)
        let chunks = threads > 1 && n >= 4096 ? threads : 1
        let per = (n + chunks - 1) / chunks
        out.withUnsafeMutableBufferPointer { o in
            let outP = SendablePointer(p: o.baseAddress.unsafelyUnwrapped)
            matrix.withUnsafeBufferPointer { xb in
                let job = IsolationScoreJob(x: xb, trees: forest, columns: f, norm: norm, out: outP)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in job.run(c * per, min(n, (c + 1) * per)) }
            }
        }
        return out
    }

    package static func medians(_ frame: FeatureFrame) -> [Float] {
        frame.columns.map { col in
            let v: [Float]
            switch col {
            case .numeric(let x): v = x.filter { !$0.isNaN }.sorted()
            case .categorical(let c, _): v = c.filter { $0 >= 0 }.map(Float.init).sorted()
            }
            return v.isEmpty ? 0 : v[v.count / 2]
        }
    }

    package static func matrix(_ frame: FeatureFrame, medians: [Float]) -> [Float] {
        let f = frame.columnCount
        var m = [Float](repeating: 0, count: frame.rowCount * f)
        for (j, col) in frame.columns.enumerated() {
            switch col {
            case .numeric(let x): for r in 0..<frame.rowCount { m[r * f + j] = x[r].isNaN ? medians[j] : x[r] }
            case .categorical(let c, _): for r in 0..<frame.rowCount { m[r * f + j] = c[r] < 0 ? medians[j] : Float(c[r]) }
            }
        }
        return m
    }
}

private struct IsolationScoreJob: @unchecked Sendable {
    let x: UnsafeBufferPointer<Float>
    let trees: FlatIsolationTrees
    let columns: Int
    let norm: Double
    let out: SendablePointer<Double>

    /// Tree by tree over the row range (a tree stays in L1); eight rows descend together
    /// so their independent load chains overlap.
    func run(_ lo: Int, _ hi: Int) {
        guard hi > lo else { return }
        var acc = [Double](repeating: 0, count: hi - lo)
        let x0 = x.baseAddress.unsafelyUnwrapped
        let cols = columns
        trees.feature.withUnsafeBufferPointer { featB in
            trees.split.withUnsafeBufferPointer { splitB in
                trees.left.withUnsafeBufferPointer { leftB in
                    trees.value.withUnsafeBufferPointer { valB in
                        acc.withUnsafeMutableBufferPointer { d in
                            let feat = featB.baseAddress.unsafelyUnwrapped, split = splitB.baseAddress.unsafelyUnwrapped
                            let left = leftB.baseAddress.unsafelyUnwrapped, val = valB.baseAddress.unsafelyUnwrapped
                            @inline(__always) func step(_ n: Int, _ r: Int) -> Int {
                                Int(left[n]) &+ (x0[r &* cols &+ Int(feat[n])] <= split[n] ? 0 : 1)
                            }
                            for (t, root) in trees.roots.enumerated() {
                                let steps = Int(trees.depth[t])
                                var r = lo
                                while r &+ 8 <= hi {
                                    var n = SIMD8<Int>(repeating: Int(root))
                                    for _ in 0..<steps {
                                        for k in 0..<8 { n[k] = step(n[k], r &+ k) }
                                    }
                                    for k in 0..<8 { d[r &+ k &- lo] += Double(val[n[k]]) }
                                    r &+= 8
                                }
                                while r < hi {
                                    var n = Int(root)
                                    for _ in 0..<steps { n = step(n, r) }
                                    d[r &- lo] += Double(val[n])
                                    r &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        for r in lo..<hi { out.p[r] = _pow2(-acc[r - lo] / norm) }
    }
}

@inline(__always) private func _pow2(_ x: Double) -> Double { _exp(x * 0.6931471805599453) }
