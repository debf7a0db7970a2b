import Dispatch
import Core

/// Grows one regression tree on gradients/hessians from per-feature histograms, as
/// LightGBM does: rows of a leaf are a contiguous range of one index array (partitioned in
/// place), a histogram is built only for the smaller child and the larger one is the
/// parent's minus it, and leaves are split best-gain-first (or level by level).
/// Buffers are allocated once per learner and reused by every tree and node.
/// One tree is grown at a time; the only concurrent work inside is on disjoint histogram
/// ranges and read-only split searches, hence `@unchecked Sendable`.
package final class HistogramTreeLearner: @unchecked Sendable {
    package let rowCount: Int
    package let featureCount: Int
    package let params: TreeParams
    /// Row-major bins, for walking a tree over every row (a bagged tree's scores); empty unless
    /// asked for: a fold of 8 M rows spent a strided transpose of its bins on a copy it never read.
    package let rowBins: [UInt8]
    package let offsets: [Int]
    package let binCounts: [Int]
    package let categorical: [Bool]
    package let missingBins: [Int]
    package let totalBins: Int
    package let pool: UnsafeMutablePointer<SIMD2<Double>>
    /// Feature-major bins (`columns[f * rowCount + row]`): the histogram loop reads one
    /// feature at a time into a 4 KiB histogram that stays in L1, and a split partitions
    /// on one contiguous column.
    package let columns: UnsafeMutablePointer<UInt8>
    /// A leaf's (gradient, hessian) pairs gathered into its row order once per build, so
    /// every feature's pass reads them sequentially (LightGBM's ordered gradients).
    package let ordered: UnsafeMutablePointer<SIMD2<Float>>
    /// Three partial histograms of one feature per worker thread (see `build`).
    package let lanes: UnsafeMutablePointer<SIMD2<Double>>
    package let maxFeatureBins: Int
    package private(set) var indices: [Int32]
    private var scratch: [Int32]

    package init(binned: BinnedMatrix, params: TreeParams, rowMajor: Bool = false) {
        rowCount = binned.rowCount
        featureCount = binned.columnCount
        self.params = params
        rowBins = rowMajor ? binned.rowMajor() : []
        binCounts = binned.binnings.map(\.binCount)
        categorical = binned.binnings.map(\.isCategorical)
        missingBins = binned.binnings.map(\.missingBin)
        var off: [Int] = []
        var total = 0
        for c in binCounts { off.append(total); total += c }
        offsets = off
        totalBins = total
        maxFeatureBins = binCounts.max() ?? 1
        let slots = max(2, params.numLeaves)
        pool = .allocate(capacity: slots * total)
        let n = rowCount
        let cols = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, n * featureCount))
        for (f, col) in binned.bins.enumerated() {
            col.withUnsafeBufferPointer { c in
                if let b = c.baseAddress { (cols + f * n).initialize(from: b, count: n) }
            }
        }
        columns = cols
        ordered = .allocate(capacity: max(1, n))
        lanes = .allocate(capacity: 2 * 3 * maxFeatureBins)
        indices = [Int32](repeating: 0, count: rowCount)
        scratch = [Int32](repeating: 0, count: rowCount)
    }

    /// One histogram per leaf is kept for subtraction: refuse settings that would need
    /// more than 1 GiB of them rather than fail to allocate.
    package static func checkMemory(leaves: Int, columns: Int, maxBins: Int) throws {
        let bytes = Double(leaves) * Double(columns) * Double(maxBins + 1) * 16
        guard bytes <= Double(1 << 30) else {
            throw LearningError.invalidParameter("leaves × columns × bins too large for histograms; lower numLeaves or maxBins")
        }
    }

    deinit {
        pool.deallocate()
        columns.deallocate()
        ordered.deallocate()
        lanes.deallocate()
    }

    private struct Leaf: Sendable {
        var begin = 0, count = 0
        var sumG = 0.0, sumH = 0.0
        var depth = 0
        var slot = -1
        var best = SplitCandidate()
    }

    /// `gh[r]` = (gradient, hessian) of row r. `bag`: the rows to learn from (nil = all).
    /// `features`: the columns this tree may split on.
    package func grow(gh: [SIMD2<Float>], bag: [Int32]?, features: [Int], rng: inout SeededRNG) -> GrownTree {
        let p = params
        var tree = GrownTree()
        let bagCount = bag?.count ?? rowCount
        if let bag { indices.replaceSubrange(0..<bag.count, with: bag) } else {
            for i in 0..<rowCount { indices[i] = Int32(i) }
        }
        var g = 0.0, h = 0.0
        gh.withUnsafeBufferPointer { q in
            for i in 0..<bagCount {
                let v = q[Int(indices[i])]
                g += Double(v.x); h += Double(v.y)
            }
        }
        var leaves = [Leaf](repeating: Leaf(), count: p.numLeaves)
        leaves[0] = Leaf(begin: 0, count: bagCount, sumG: g, sumH: h, depth: 0, slot: -1)
        tree.leafValue[0] = -g / (h + p.lambdaL2)
        tree.leafRows[0] = bagCount
        var freeSlots = Array((0..<p.numLeaves).reversed())
        var leafCount = 1
        if splittable(leaves[0]) && p.numLeaves > 1 {
            let s = freeSlots.removeLast()
            leaves[0].slot = s
            build(slot: s, begin: 0, count: bagCount, direct: bag == nil, gh: gh)
            leaves[0].best = findBest(leaves[0], features: features, rng: &rng)
        }
        while leafCount < p.numLeaves {
            var pick = -1
            for l in 0..<leafCount where leaves[l].best.isValid {
                if pick < 0 { pick = l; continue }
                if p.depthWise {
                    if leaves[l].depth < leaves[pick].depth { pick = l }
                } else if leaves[l].best.gain > leaves[pick].best.gain { pick = l }
            }
            if pick < 0 { break }
            let parent = leaves[pick]
            let s = parent.best
            let newLeaf = leafCount
            leafCount += 1
            let nLeft = partition(begin: parent.begin, count: parent.count, split: s)
            // Record the node, re-pointing the parent's link from leaf `pick` to it.
            let node = Int32(tree.feature.count)
            if let at = tree.left.firstIndex(of: ~Int32(pick)) { tree.left[at] = node }
            else if let at = tree.right.firstIndex(of: ~Int32(pick)) { tree.right[at] = node }
            tree.feature.append(Int32(s.feature))
            tree.thresholdBin.append(UInt8(s.threshold))
            tree.defaultLeft.append(s.defaultLeft)
            tree.isCategorical.append(s.isCategorical)
            tree.leftBins.append(s.leftBins)
            tree.left.append(~Int32(pick))
            tree.right.append(~Int32(newLeaf))
            tree.gain.append(s.gain)
            tree.leafValue[pick] = -s.leftG / (s.leftH + s.l2)
            tree.leafValue.append(-s.rightG / (s.rightH + s.l2))
            tree.leafRows[pick] = nLeft
            tree.leafRows.append(parent.count - nLeft)
            tree.leafBegin[pick] = parent.begin
            tree.leafBegin.append(parent.begin + nLeft)

            var l = Leaf(begin: parent.begin, count: nLeft, sumG: s.leftG, sumH: s.leftH, depth: parent.depth + 1)
            var r = Leaf(begin: parent.begin + nLeft, count: parent.count - nLeft, sumG: s.rightG, sumH: s.rightH,
                         depth: parent.depth + 1)
            let wantL = splittable(l), wantR = splittable(r)
            if leafCount < p.numLeaves && (wantL || wantR) {
                let leftSmaller = l.count <= r.count
                let fresh = freeSlots.removeLast()
                if leftSmaller {
                    build(slot: fresh, begin: l.begin, count: l.count, direct: false, gh: gh)
                    subtract(into: parent.slot, fresh)
                    l.slot = fresh; r.slot = parent.slot
                } else {
                    build(slot: fresh, begin: r.begin, count: r.count, direct: false, gh: gh)
                    subtract(into: parent.slot, fresh)
                    r.slot = fresh; l.slot = parent.slot
                }
                if wantL && wantR && p.threads > 1 && p.featureFractionByNode >= 1 && parent.count >= 8192 {
                    // Both children at once; no random draws here, so the result is the same.
                    let pair = ParallelSlots<SplitCandidate>(count: 2)
                    let (lc, rc) = (l, r)
                    DispatchQueue.concurrentPerform(iterations: 2) { side in
                        var unused = SeededRNG(seed: 0)
                        pair[side] = self.findBest(side == 0 ? lc : rc, features: features, rng: &unused)
                    }
                    l.best = pair[0] ?? SplitCandidate()
                    r.best = pair[1] ?? SplitCandidate()
                } else {
                    if wantL { l.best = findBest(l, features: features, rng: &rng) }
                    if wantR { r.best = findBest(r, features: features, rng: &rng) }
                }
                if !wantL { freeSlots.append(l.slot); l.slot = -1 }
                if !wantR { freeSlots.append(r.slot); r.slot = -1 }
            } else if parent.slot >= 0 {
                freeSlots.append(parent.slot)
            }
            leaves[pick] = l
            leaves[newLeaf] = r
        }
        return tree
    }

    private func splittable(_ l: Leaf) -> Bool {
        l.count >= 2 * params.minDataInLeaf && l.sumH >= 2 * params.minHessian
            && (params.maxDepth <= 0 || l.depth < params.maxDepth)
    }

    private func findBest(_ leaf: Leaf, features: [Int], rng: inout SeededRNG) -> SplitCandidate {
        var best = SplitCandidate()
        var tried = features
        if params.featureFractionByNode < 1 {
            let k = max(1, Int((Double(features.count) * params.featureFractionByNode).rounded()))
            tried = rng.sample(features.count, k).sorted().map { features[$0] }
        }
        let base = UnsafePointer(pool + leaf.slot * totalBins)
        for f in tried {
            let h = base + offsets[f]
            if categorical[f] {
                SplitSearch.categorical(hist: h, bins: binCounts[f], feature: f, sumG: leaf.sumG, sumH: leaf.sumH,
                                        count: leaf.count, params: params, best: &best)
            } else {
                SplitSearch.numeric(hist: h, bins: binCounts[f], feature: f, sumG: leaf.sumG, sumH: leaf.sumH,
                                    count: leaf.count, params: params, best: &best)
            }
        }
        return best
    }

    /// Stable in-place partition of a leaf's index range; returns the left count. A large
    /// range is cut into one contiguous chunk per thread, each partitioned on its own (left
    /// rows in place, right rows to the scratch), then the lefts and the rights are joined in
    /// chunk order: the same order as one pass over the whole range.
    private func partition(begin: Int, count: Int, split s: SplitCandidate) -> Int {
        var goesLeft = [Bool](repeating: false, count: 256)
        let f = s.feature
        if s.isCategorical {
            for b in s.leftBins { goesLeft[Int(b)] = true }
        } else {
            for b in 0...s.threshold { goesLeft[b] = true }
            goesLeft[missingBins[f]] = s.defaultLeft
        }
        let chunks = params.threads > 1 && count >= params.parallelRows ? params.threads : 1
        let per = (count + chunks - 1) / chunks
        var lefts = [Int](repeating: 0, count: chunks)
        let bins = UnsafeSendableBuffer(p: UnsafeBufferPointer(start: columns + f * rowCount, count: rowCount))
        goesLeft.withUnsafeBufferPointer { glb in
            indices.withUnsafeMutableBufferPointer { ib in
                scratch.withUnsafeMutableBufferPointer { sb in
                    lefts.withUnsafeMutableBufferPointer { lb in
                        let gl = UnsafeSendableBuffer(p: glb), left = SendablePointer(p: lb.baseAddress.unsafelyUnwrapped)
                        let idx = SendablePointer(p: ib.baseAddress.unsafelyUnwrapped)
                        let sc = SendablePointer(p: sb.baseAddress.unsafelyUnwrapped)
                        let run: @Sendable (Int) -> Void = { c in
                            let lo = begin + c * per, hi = min(begin + count, lo + per)
                            guard lo < hi else { return }
                            // Branch-free: write both ways, advance one.
                            var w = lo, k = lo - begin
                            for i in lo..<hi {
                                let r = idx.p[i]
                                let l = gl.p[Int(bins.p[Int(r)])] ? 1 : 0
                                idx.p[w] = r
                                sc.p[k] = r
                                w &+= l
                                k &+= 1 &- l
                            }
                            left.p[c] = w - lo
                        }
                        if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
                        var at = begin + left.p[0]
                        for c in 1..<max(1, chunks) where left.p[c] > 0 {
                            (idx.p + at).update(from: idx.p + begin + c * per, count: left.p[c])  // moves down: no overlap hazard
                            at += left.p[c]
                        }
                        for c in 0..<chunks {
                            let lo = begin + c * per, rights = max(0, min(begin + count, lo + per) - lo) - left.p[c]
                            if rights > 0 { (idx.p + at).update(from: sc.p + (lo - begin), count: rights) }
                            at += rights
                        }
                    }
                }
            }
        }
        return lefts.reduce(0, +)
    }

    private func subtract(into parent: Int, _ child: Int) {
        let a = pool + parent * totalBins
        let b = pool + child * totalBins
        for i in 0..<totalBins { a[i] -= b[i] }
    }
}
