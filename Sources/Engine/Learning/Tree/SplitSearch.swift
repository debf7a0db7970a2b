import Core
/// Growth limits and regularisation shared by the histogram tree learners (boosting and
/// forest). Categorical parameters follow LightGBM's meaning.
package struct TreeParams: Sendable {
    package var numLeaves = 31
    /// ≤ 0: unlimited.
    package var maxDepth = -1
    package var minDataInLeaf = 20
    package var minHessian = 1e-3
    package var lambdaL2 = 0.0
    package var minGainToSplit = 0.0
    package var depthWise = false
    package var maxCatToOneHot = 4
    package var catSmooth = 10.0
    package var catL2 = 10.0
    package var maxCatThreshold = 32
    package var minDataPerGroup = 100
    /// Fraction of the tree's features tried at each node (random forests use √F / F).
    package var featureFractionByNode = 1.0
    package var threads = 1
    /// Rows a leaf needs before its partition is cut into one chunk per thread.
    package var parallelRows = 1 << 17

    package init(numLeaves: Int = 31, maxDepth: Int = -1, minDataInLeaf: Int = 20, minHessian: Double = 1e-3, lambdaL2: Double = 0.0, minGainToSplit: Double = 0.0, depthWise: Bool = false, maxCatToOneHot: Int = 4, catSmooth: Double = 10.0, catL2: Double = 10.0, maxCatThreshold: Int = 32, minDataPerGroup: Int = 100, featureFractionByNode: Double = 1.0, threads: Int = 1) {
        self.numLeaves = numLeaves; self.maxDepth = maxDepth; self.minDataInLeaf = minDataInLeaf; self.minHessian = minHessian; self.lambdaL2 = lambdaL2; self.minGainToSplit = minGainToSplit; self.depthWise = depthWise; self.maxCatToOneHot = maxCatToOneHot; self.catSmooth = catSmooth; self.catL2 = catL2; self.maxCatThreshold = maxCatThreshold; self.minDataPerGroup = minDataPerGroup; self.featureFractionByNode = featureFractionByNode; self.threads = threads
    }
}

/// The best split found for one leaf.
package struct SplitCandidate: Sendable {
    package var gain = -Double.infinity
    package var feature = -1
    package var threshold = 0
    package var defaultLeft = false
    package var isCategorical = false
    /// Bins sent left by a categorical split.
    package var leftBins: [UInt8] = []
    package var leftG = 0.0, leftH = 0.0, leftCount = 0
    package var rightG = 0.0, rightH = 0.0, rightCount = 0
    package var l2 = 0.0

    package init(gain: Double = -Double.infinity, feature: Int = -1, threshold: Int = 0, defaultLeft: Bool = false,
                 isCategorical: Bool = false, leftBins: [UInt8] = [], leftG: Double = 0, leftH: Double = 0, leftCount: Int = 0,
                 rightG: Double = 0, rightH: Double = 0, rightCount: Int = 0, l2: Double = 0) {
        self.gain = gain; self.feature = feature; self.threshold = threshold; self.defaultLeft = defaultLeft
        self.isCategorical = isCategorical; self.leftBins = leftBins; self.leftG = leftG; self.leftH = leftH
        self.leftCount = leftCount; self.rightG = rightG; self.rightH = rightH; self.rightCount = rightCount; self.l2 = l2
    }

    package var isValid: Bool { feature >= 0 && gain > 0 }
}

private let kEpsilon = 1e-15
/// Relative slack of the split-search screen, far above the rounding error of either form.
private let screenSlack = 1 - 1e-9

@inline(__always) private func leafGain(_ g: Double, _ h: Double, _ l2: Double) -> Double { g * g / (h + l2) }

/// Split search over one feature's histogram: `hist[b] = (sum grad, sum hess)`.
package enum SplitSearch {
    /// Numeric: thresholds in bin order, missing values tried on each side.
    package static func numeric(
        hist: UnsafePointer<SIMD2<Double>>, bins nb: Int, feature: Int,
        sumG: Double, sumH: Double, count: Int, params p: TreeParams, best: inout SplitCandidate
    ) {
        let cntFactor = Double(count) / sumH
        let l2 = p.lambdaL2
        let shift = leafGain(sumG, sumH, l2) + p.minGainToSplit
        let miss = hist[nb - 1]
        let missCount = Int(miss.y * cntFactor + 0.5)
        let before = best.gain
        var bar = (best.gain > 0 ? shift + best.gain : shift) * screenSlack
        for pass in 0..<(miss.y > 0 ? 2 : 1) {
            let missLeft = pass == 1
            var lg = missLeft ? miss.x : 0
            var lh = missLeft ? miss.y : kEpsilon
            var lc = missLeft ? missCount : 0
            for t in 0..<(nb - 1) {
                let b = hist[t]
                // An empty bin repeats the previous threshold's split: nothing to gain.
                if b.y == 0 { continue }
                lg += b.x
                lh += b.y
                lc &+= Int(b.y * cntFactor + 0.5)
                if lc < p.minDataInLeaf || lh < p.minHessian { continue }
                let rc = count - lc
                let rh = sumH - lh
                if rc < p.minDataInLeaf || rh < p.minHessian { break }
                let rg = sumG - lg
                // Division-free screen: lg²/(lh+l2) + rg²/(rh+l2) > bar ⟺ num > bar · den. The
                // slack keeps every candidate the exact test below could accept, so the chosen
                // split is the same as without the screen; most thresholds stop here.
                let lhl = lh + l2, rhl = rh + l2
                if lg * lg * rhl + rg * rg * lhl <= bar * (lhl * rhl) { continue }
                let gain = leafGain(lg, lh, l2) + leafGain(rg, rh, l2)
                if gain <= shift { continue }
                if gain - shift > best.gain {
                    best.gain = gain - shift
                    bar = gain * screenSlack
                    best.feature = feature
                    best.threshold = t
                    best.defaultLeft = missLeft
                    best.isCategorical = false
                    best.leftG = lg; best.leftH = lh; best.leftCount = lc
                    best.rightG = rg; best.rightH = rh; best.rightCount = rc
                    best.l2 = l2
                }
            }
        }
        // Without missing values in these rows, a missing value at prediction time takes
        // the side most training rows took.
        if miss.y == 0 && best.gain > before && best.feature == feature {
            best.defaultLeft = best.leftCount >= best.rightCount
        }
    }

    /// Categorical, as LightGBM does: one-vs-rest for few bins, else categories
    /// sorted by smoothed gradient ratio and prefixes of that order tried from both ends,
    /// with the extra `catL2` and group-size regularisation. The last bin (missing and
    /// rare codes) always goes right.
    package static func categorical(
        hist: UnsafePointer<SIMD2<Double>>, bins nb: Int, feature: Int,
        sumG: Double, sumH: Double, count: Int, params p: TreeParams, best: inout SplitCandidate
    ) {
        let cntFactor = Double(count) / sumH
        let cats = nb - 1
        if cats <= 0 { return }
        // LightGBM's `num_bin` counts the bin of missing and rare codes too: one-vs-rest
        // when bins (not categories) ≤ `maxCatToOneHot`, so 4 categories are grouped.
        if nb <= p.maxCatToOneHot {
            let l2 = p.lambdaL2
            let shift = leafGain(sumG, sumH, l2) + p.minGainToSplit
            for t in 0..<cats {
                let b = hist[t]
                let lc = Int(b.y * cntFactor + 0.5)
                if lc < p.minDataInLeaf || b.y < p.minHessian { continue }
                let rc = count - lc
                let rh = sumH - b.y - kEpsilon
                if rc < p.minDataInLeaf || rh < p.minHessian { continue }
                let rg = sumG - b.x
                let gain = leafGain(b.x, b.y + kEpsilon, l2) + leafGain(rg, rh, l2)
                if gain <= shift { continue }
                if gain - shift > best.gain {
                    best = SplitCandidate(
                        gain: gain - shift, feature: feature, threshold: 0, defaultLeft: false, isCategorical: true,
                        leftBins: [UInt8(t)], leftG: b.x, leftH: b.y + kEpsilon, leftCount: lc,
                        rightG: rg, rightH: rh, rightCount: rc, l2: l2)
                }
            }
            return
        }
        let l2 = p.lambdaL2 + p.catL2
        // As LightGBM: the children's gains carry `catL2`, the unsplit leaf's does not, so a
        // grouped split must also beat the cost of its extra shrinkage.
        let shift = leafGain(sumG, sumH, p.lambdaL2) + p.minGainToSplit
        // Scratch on the stack: this runs for every categorical feature at every node.
        withUnsafeTemporaryAllocation(of: (ctr: Double, bin: Int).self, capacity: cats) { order in
            var used = 0
            for t in 0..<cats where (hist[t].y * cntFactor + 0.5).rounded(.down) >= p.catSmooth {
                order[used] = (hist[t].x / (hist[t].y + p.catSmooth), t)
                used += 1
            }
            if used == 0 { return }
            // Insertion sort (a few dozen bins at most), stable: ties keep bin order, so the
            // result never depends on the sort algorithm.
            for i in 1..<max(1, used) {
                let e = order[i]
                var j = i - 1
                while j >= 0 && order[j].ctr > e.ctr { order[j + 1] = order[j]; j -= 1 }
                order[j + 1] = e
            }
            let maxCat = min(p.maxCatThreshold, (used + 1) / 2)
            var bestHere = -1, bestDir = 1
            var bestGain = best.gain
            var bL = (0.0, 0.0, 0), bR = (0.0, 0.0, 0)
            for dir in stride(from: 1, through: -1, by: -2) {
                var pos = dir == 1 ? 0 : used - 1
                var lg = 0.0, lh = kEpsilon, lc = 0, group = 0
                var i = 0
                while i < used && i < maxCat {
                    let t = order[pos].bin
                    pos += dir
                    let b = hist[t]
                    let c = Int(b.y * cntFactor + 0.5)
                    lg += b.x; lh += b.y; lc += c; group += c
                    i += 1
                    if lc < p.minDataInLeaf || lh < p.minHessian { continue }
                    let rc = count - lc
                    if rc < p.minDataInLeaf || rc < p.minDataPerGroup { break }
                    let rh = sumH - lh
                    if rh < p.minHessian { break }
                    if group < p.minDataPerGroup { continue }
                    group = 0
                    let rg = sumG - lg
                    let gain = leafGain(lg, lh, l2) + leafGain(rg, rh, l2)
                    if gain <= shift { continue }
                    if gain - shift > bestGain {
                        bestGain = gain - shift
                        bestHere = i
                        bestDir = dir
                        bL = (lg, lh, lc)
                        bR = (rg, rh, rc)
                    }
                }
            }
            guard bestHere > 0 else { return }
            let range = bestDir == 1 ? 0..<bestHere : (used - bestHere)..<used
            best = SplitCandidate(
                gain: bestGain, feature: feature, threshold: 0, defaultLeft: false, isCategorical: true,
                leftBins: range.map { UInt8(order[$0].bin) }.sorted(), leftG: bL.0, leftH: bL.1, leftCount: bL.2,
                rightG: bR.0, rightH: bR.1, rightCount: bR.2, l2: l2)
        }
    }
}
