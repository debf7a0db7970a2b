import Core
/// Trees stored flat, all nodes of all trees in parallel arrays, so prediction is a tight
/// loop over integers and doubles. Node `i` is a leaf when `feature[i] < 0`; a numeric
/// node sends `x <= threshold` left and a missing value to its learned default side; a
/// categorical node sends a code left when its bit is set in `catBits`.
public struct TreeEnsemble: Sendable, Equatable {
    public package(set) var roots: [Int32] = []
    package var feature: [Int32] = []
    package var threshold: [Double] = []
    /// bit 0: missing goes left; bit 1: categorical.
    package var flags: [UInt8] = []
    package var left: [Int32] = []
    package var right: [Int32] = []
    package var catBegin: [Int32] = []
    package var catWords: [Int32] = []
    /// Leaf: the value added to the raw score. Internal node: cover-weighted mean of its leaves.
    package var value: [Double] = []
    /// Training rows that reached the node (TreeSHAP weights).
    package var cover: [Double] = []
    package var gain: [Double] = []
    package var catBits: [UInt32] = []

    public var treeCount: Int { roots.count }
    public var nodeCount: Int { feature.count }

    /// Appends a grown tree, translating bins to raw thresholds and category codes.
    package mutating func append(_ t: GrownTree, binnings: [FeatureBinning], scale: Double) {
        let base = Int32(feature.count)
        let internalCount = t.feature.count
        roots.append(base)
        @inline(__always) func id(_ c: Int32) -> Int32 { c >= 0 ? base + c : base + Int32(internalCount) + ~c }
        for i in 0..<internalCount {
            let f = Int(t.feature[i])
            feature.append(Int32(f))
            left.append(id(t.left[i]))
            right.append(id(t.right[i]))
            gain.append(t.gain[i])
            if t.isCategorical[i], case .categorical(_, let codeOfBin) = binnings[f].kind {
                let codes = t.leftBins[i].map { Int(codeOfBin[Int($0)]) }
                let words = (codes.max() ?? 0) / 32 + 1
                var bits = [UInt32](repeating: 0, count: words)
                for c in codes { bits[c >> 5] |= 1 << UInt32(c & 31) }
                catBegin.append(Int32(catBits.count))
                catWords.append(Int32(words))
                catBits.append(contentsOf: bits)
                threshold.append(0)
                flags.append(2)
            } else if case .numeric(let edges) = binnings[f].kind {
                threshold.append(edges[Int(t.thresholdBin[i])])
                flags.append(t.defaultLeft[i] ? 1 : 0)
                catBegin.append(0)
                catWords.append(0)
            }
            value.append(0)
            cover.append(0)
        }
        for l in 0..<t.leafCount {
            feature.append(-1)
            threshold.append(0); flags.append(0); left.append(-1); right.append(-1)
            catBegin.append(0); catWords.append(0); gain.append(0)
            value.append(t.leafValue[l] * scale)
            cover.append(Double(t.leafRows[l]))
        }
        if internalCount > 0 { _ = fillInternal(Int(base)) }
    }

    /// Cover and expected value of internal nodes, bottom-up.
    private mutating func fillInternal(_ n: Int) -> (Double, Double) {
        if feature[n] < 0 { return (cover[n], value[n]) }
        let (cl, vl) = fillInternal(Int(left[n]))
        let (cr, vr) = fillInternal(Int(right[n]))
        let c = cl + cr
        cover[n] = c
        value[n] = c > 0 ? (cl * vl + cr * vr) / c : 0
        return (c, value[n])
    }

    @inline(__always)
    package func goesLeft(_ n: Int, _ x: Double) -> Bool {
        let fl = flags[n]
        if fl & 2 != 0 {
            if x.isNaN || x < 0 { return false }
            let c = Int(x)
            let w = c >> 5
            guard w < Int(catWords[n]) else { return false }
            return catBits[Int(catBegin[n]) + w] & (1 << UInt32(c & 31)) != 0
        }
        if x.isNaN { return fl & 1 != 0 }
        return x <= threshold[n]
    }

    /// Leaf node index reached in tree `t` by a row.
    @inline(__always)
    package func leaf(tree t: Int, row: UnsafePointer<Double>) -> Int {
        var n = Int(roots[t])
        while feature[n] >= 0 {
            n = goesLeft(n, row[Int(feature[n])]) ? Int(left[n]) : Int(right[n])
        }
        return n
    }

    /// Sum of the first `trees` trees' leaf values for each row.
    package func predict(_ rows: DenseRows, trees: Int? = nil) -> [Double] {
        let k = min(trees ?? treeCount, treeCount)
        // Small trees score branch-free (the masks cost O(nodes), paid back within a few rows);
        // leaf masks test every node, so past about 12 leaves a tree the walk is faster
        // (`opsdeck bench kernels`: 0.74× at 7 leaves, 0.88× at 11, 1.0× at 15, 1.8× at 31).
        let nodes = (k < treeCount ? Int(roots[k]) : nodeCount) - Int(roots.first ?? 0)
        if rows.rowCount >= 16, (nodes + k) / 2 <= 12 * k, let quick = LeafMaskScorer(self, trees: k) {
            return quick.predict(rows, ensemble: self)
        }
        return walk(rows, trees: k)
    }

    /// `predict` by walking each tree from its root.
    package func walk(_ rows: DenseRows, trees k: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows.rowCount)
        let m = rows.columnCount
        rows.values.withUnsafeBufferPointer { v in
            feature.withUnsafeBufferPointer { feat in
                threshold.withUnsafeBufferPointer { thr in
                    flags.withUnsafeBufferPointer { fl in
                        left.withUnsafeBufferPointer { lb in
                            right.withUnsafeBufferPointer { rb in
                                value.withUnsafeBufferPointer { val in
                                    for r in 0..<rows.rowCount {
                                        let row = r * m
                                        var s = 0.0
                                        for t in 0..<k {
                                            var n = Int(roots[t])
                                            while feat[n] >= 0 {
                                                let x = v[row + Int(feat[n])]
                                                let goLeft: Bool
                                                if fl[n] & 2 != 0 { goLeft = goesLeft(n, x) } else if x.isNaN {
                                                    goLeft = fl[n] & 1 != 0
                                                } else { goLeft = x <= thr[n] }
                                                n = goLeft ? Int(lb[n]) : Int(rb[n])
                                            }
                                            s += val[n]
                                        }
                                        out[r] = s
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Total split gain per feature.
    package func gainImportance(featureCount: Int) -> [Double] {
        var g = [Double](repeating: 0, count: featureCount)
        for i in 0..<feature.count where feature[i] >= 0 { g[Int(feature[i])] += gain[i] }
        return g
    }
}
