import Core
/// Exact TreeSHAP (Lundberg, Erion & Lee 2018, algorithm 2) with node covers from
/// training, as LightGBM and XGBoost compute it. Unlike path (Saabas) attributions it is
/// consistent and credits a feature used twice on a path once.
extension TreeEnsemble {
    private struct PathElement {
        var feature = -1
        var zeroFraction = 0.0
        var oneFraction = 0.0
        var weight = 0.0
    }

    /// One addition the recursion makes to a row's contributions.
    private struct Term {
        var feature: Int
        var amount: Double
    }

    /// Terms kept per tree for reuse before new decision patterns are no longer remembered
    /// (deep trees on many rows rarely repeat one).
    private static let memoLimit = 1 << 16

    package func shap(_ rows: DenseRows) -> Contributions {
        let f = rows.columnCount
        var out = Contributions(rowCount: rows.rowCount, columnCount: f,
                                values: [Double](repeating: 0, count: rows.rowCount * f), bias: 0)
        for t in 0..<treeCount { out.bias += value[Int(roots[t])] }
        let depth = maxDepth()
        var path = [PathElement](repeating: PathElement(), count: (depth + 3) * (depth + 4) / 2)
        // A tree's terms depend on the row only through which way it goes at each internal
        // node (the recursion visits them all), so rows with the same pattern of decisions
        // reuse one recursion: the same terms, added in the same order, so the same sums.
        var memo: [UInt64: Range<Int>] = [:]
        var terms: [Term] = []
        rows.values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return }
            out.values.withUnsafeMutableBufferPointer { o in
                for t in 0..<treeCount where feature[Int(roots[t])] >= 0 {
                    let root = Int(roots[t])
                    let nodes = internalNodes(root)
                    memo.removeAll(keepingCapacity: true)
                    terms.removeAll(keepingCapacity: true)
                    for r in 0..<rows.rowCount {
                        let x = base + r * f
                        var pattern: UInt64 = 0
                        if nodes.count <= 64 {
                            for (k, n) in nodes.enumerated() where goesLeft(n, x[Int(feature[n])]) { pattern |= 1 << UInt64(k) }
                        }
                        let range: Range<Int>
                        if nodes.count <= 64, let hit = memo[pattern] {
                            range = hit
                        } else {
                            let remember = nodes.count <= 64 && terms.count < Self.memoLimit
                            if !remember { terms.removeAll(keepingCapacity: true); memo.removeAll(keepingCapacity: true) }
                            let first = terms.count
                            recurse(x, &terms, &path, node: root, start: 0, depth: 0, zero: 1, one: 1, feature: -1)
                            range = first..<terms.count
                            if remember { memo[pattern] = range }
                        }
                        for k in range { o[r &* f &+ terms[k].feature] += terms[k].amount }
                    }
                }
            }
        }
        return out
    }

    /// The internal nodes of the tree rooted at `root`.
    private func internalNodes(_ root: Int) -> [Int] {
        var nodes: [Int] = [], stack = [root]
        while let n = stack.popLast() {
            guard feature[n] >= 0 else { continue }
            nodes.append(n)
            stack.append(Int(right[n]))
            stack.append(Int(left[n]))
        }
        return nodes
    }

    private func maxDepth() -> Int {
        var best = 0
        var stack: [(Int, Int)] = roots.map { (Int($0), 0) }
        while let (n, d) = stack.popLast() {
            best = max(best, d)
            if feature[n] >= 0 { stack.append((Int(left[n]), d + 1)); stack.append((Int(right[n]), d + 1)) }
        }
        return best
    }

    /// `start` is where this level's copy of the path begins in the shared buffer.
    private func recurse(
        _ x: UnsafePointer<Double>, _ terms: inout [Term], _ path: inout [PathElement],
        node: Int, start parentStart: Int, depth parentDepth: Int, zero: Double, one: Double, feature pf: Int
    ) {
        var depth = parentDepth
        let start = parentStart + depth
        for i in 0..<depth { path[start + i] = path[parentStart + i] }
        extend(&path, start, depth, zero, one, pf)
        if feature[node] < 0 {
            for i in stride(from: 1, through: depth, by: 1) {
                let w = unwoundSum(path, start, depth, i)
                let e = path[start + i]
                terms.append(Term(feature: e.feature, amount: w * (e.oneFraction - e.zeroFraction) * value[node]))
            }
            return
        }
        let f = Int(feature[node])
        let hot = goesLeft(node, x[f]) ? Int(left[node]) : Int(right[node])
        let cold = hot == Int(left[node]) ? Int(right[node]) : Int(left[node])
        let w = cover[node]
        var inZero = 1.0, inOne = 1.0
        var k = 0
        while k <= depth && path[start + k].feature != f { k += 1 }
        if k <= depth {
            inZero = path[start + k].zeroFraction
            inOne = path[start + k].oneFraction
            unwind(&path, start, depth, k)
            depth -= 1
        }
        recurse(x, &terms, &path, node: hot, start: start, depth: depth + 1, zero: cover[hot] / w * inZero, one: inOne,
                feature: f)
        recurse(x, &terms, &path, node: cold, start: start, depth: depth + 1, zero: cover[cold] / w * inZero, one: 0,
                feature: f)
    }

    private func extend(_ p: inout [PathElement], _ s: Int, _ d: Int, _ zero: Double, _ one: Double, _ f: Int) {
        p[s + d] = PathElement(feature: f, zeroFraction: zero, oneFraction: one, weight: d == 0 ? 1 : 0)
        var i = d - 1
        let dd = Double(d + 1)
        while i >= 0 {
            p[s + i + 1].weight += one * p[s + i].weight * Double(i + 1) / dd
            p[s + i].weight = zero * p[s + i].weight * Double(d - i) / dd
            i -= 1
        }
    }

    private func unwind(_ p: inout [PathElement], _ s: Int, _ d: Int, _ k: Int) {
        let one = p[s + k].oneFraction, zero = p[s + k].zeroFraction
        var next = p[s + d].weight
        let dd = Double(d + 1)
        var i = d - 1
        while i >= 0 {
            if one != 0 {
                let tmp = p[s + i].weight
                p[s + i].weight = next * dd / (Double(i + 1) * one)
                next = tmp - p[s + i].weight * zero * Double(d - i) / dd
            } else {
                p[s + i].weight = p[s + i].weight * dd / (zero * Double(d - i))
            }
            i -= 1
        }
        for j in k..<d {
            p[s + j].feature = p[s + j + 1].feature
            p[s + j].zeroFraction = p[s + j + 1].zeroFraction
            p[s + j].oneFraction = p[s + j + 1].oneFraction
        }
    }

    private func unwoundSum(_ p: [PathElement], _ s: Int, _ d: Int, _ k: Int) -> Double {
        let one = p[s + k].oneFraction, zero = p[s + k].zeroFraction
        var next = p[s + d].weight
        var total = 0.0
        let dd = Double(d + 1)
        var i = d - 1
        while i >= 0 {
            if one != 0 {
                let tmp = next * dd / (Double(i + 1) * one)
                total += tmp
                next = p[s + i].weight - tmp * zero * Double(d - i) / dd
            } else {
                total += p[s + i].weight / zero / (Double(d - i) / dd)
            }
            i -= 1
        }
        return total
    }
}
