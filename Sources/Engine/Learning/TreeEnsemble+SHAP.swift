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

    func shap(_ rows: DenseRows) -> Contributions {
        let f = rows.columnCount
        var out = Contributions(rowCount: rows.rowCount, columnCount: f,
                                values: [Double](repeating: 0, count: rows.rowCount * f), bias: 0)
        for t in 0..<treeCount { out.bias += value[Int(roots[t])] }
        let depth = maxDepth()
        var path = [PathElement](repeating: PathElement(), count: (depth + 3) * (depth + 4) / 2)
        var phi = [Double](repeating: 0, count: f)
        rows.values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return }
            for r in 0..<rows.rowCount {
                for j in 0..<f { phi[j] = 0 }
                let x = base + r * f
                for t in 0..<treeCount where feature[Int(roots[t])] >= 0 {
                    recurse(x, &phi, &path, node: Int(roots[t]), start: 0, depth: 0, zero: 1, one: 1, feature: -1)
                }
                for j in 0..<f { out.values[r * f + j] = phi[j] }
            }
        }
        return out
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
        _ x: UnsafePointer<Double>, _ phi: inout [Double], _ path: inout [PathElement],
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
                phi[e.feature] += w * (e.oneFraction - e.zeroFraction) * value[node]
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
        recurse(x, &phi, &path, node: hot, start: start, depth: depth + 1, zero: cover[hot] / w * inZero, one: inOne,
                feature: f)
        recurse(x, &phi, &path, node: cold, start: start, depth: depth + 1, zero: cover[cold] / w * inZero, one: 0,
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
