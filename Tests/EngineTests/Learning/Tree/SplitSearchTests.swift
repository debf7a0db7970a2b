import Testing
import Core
import Learning

@Suite struct SplitSearchTests {
    /// Per-bin (gradient, hessian) sums with the missing bin last and empty.
    private func hist(_ g: [Double], _ h: [Double]) -> [SIMD2<Double>] {
        zip(g, h).map { SIMD2($0, $1) } + [.zero]
    }

    private func totals(_ hs: [SIMD2<Double>]) -> (g: Double, h: Double) {
        hs.reduce((0.0, 0.0)) { ($0.0 + $1.x, $0.1 + $1.y) }
    }

    @Test func fourCategoriesAreGroupedAsLightGBMDoes() {
        var p = TreeParams()
        p.minDataInLeaf = 1
        p.minDataPerGroup = 1
        p.catSmooth = 1
        // Categories 0 and 2 lean one way, 1 and 3 the other: only a grouped split gets both.
        let four = hist([-300, 300, -280, 290], [500, 500, 500, 500])
        let t = totals(four)
        var best = SplitCandidate()
        four.withUnsafeBufferPointer {
            SplitSearch.categorical(hist: $0.baseAddress!, bins: 5, feature: 0, sumG: t.g, sumH: t.h, count: 2000,
                                    params: p, best: &best)
        }
        #expect(best.isValid && best.leftBins.count == 2)
        #expect(Set(best.leftBins) == [0, 2] || Set(best.leftBins) == [1, 3])
        // The children carry catL2, the unsplit leaf does not (LightGBM's gain shift).
        let l2 = p.lambdaL2 + p.catL2
        let expected = best.leftG * best.leftG / (best.leftH + l2) + best.rightG * best.rightG / (best.rightH + l2)
            - t.g * t.g / t.h
        #expect(abs(best.gain - expected) < 1e-9 * expected)

        // Three categories (four bins with the missing one): one-vs-rest.
        let three = hist([-300, 300, -280], [500, 500, 500])
        let u = totals(three)
        var one = SplitCandidate()
        three.withUnsafeBufferPointer {
            SplitSearch.categorical(hist: $0.baseAddress!, bins: 4, feature: 0, sumG: u.g, sumH: u.h, count: 1500,
                                    params: p, best: &one)
        }
        #expect(one.isValid && one.leftBins == [1])
    }

    /// The division-free screen must not change the chosen threshold: compare with a plain
    /// scan over every threshold on random histograms with empty bins and missing values.
    @Test func numericScanMatchesAPlainScan() {
        var rng = SeededRNG(seed: 11)
        var p = TreeParams()
        p.minDataInLeaf = 3
        p.lambdaL2 = 0.5
        for _ in 0..<300 {
            let nb = 2 + rng.int(below: 40)
            var hs: [SIMD2<Double>] = []
            for _ in 0..<nb {
                let n = rng.bernoulli(0.3) ? 0 : 1 + rng.int(below: 20)
                hs.append(SIMD2(rng.normal() * Double(n), Double(n)))
            }
            let t = totals(hs)
            let count = Int(t.h)
            guard count > 0 else { continue }
            var best = SplitCandidate()
            hs.withUnsafeBufferPointer {
                SplitSearch.numeric(hist: $0.baseAddress!, bins: nb, feature: 0, sumG: t.g, sumH: t.h, count: count,
                                    params: p, best: &best)
            }
            // Reference: every threshold, missing on either side, first best kept.
            var refGain = -Double.infinity, refT = -1, refLeft = false
            let shift = t.g * t.g / (t.h + p.lambdaL2)
            let miss = hs[nb - 1]
            for missLeft in miss.y > 0 ? [false, true] : [false] {
                var lg = missLeft ? miss.x : 0, lh = missLeft ? miss.y : 1e-15
                for b in 0..<(nb - 1) {
                    lg += hs[b].x; lh += hs[b].y
                    let lc = Int(lh.rounded()), rc = count - lc
                    guard hs[b].y > 0, lc >= p.minDataInLeaf, rc >= p.minDataInLeaf else { continue }
                    let rg = t.g - lg, rh = t.h - lh
                    let gain = lg * lg / (lh + p.lambdaL2) + rg * rg / (rh + p.lambdaL2) - shift
                    if gain > 0 && gain > refGain { refGain = gain; refT = b; refLeft = missLeft }
                }
            }
            #expect(best.isValid == (refT >= 0))
            if refT >= 0 {
                #expect(best.threshold == refT && abs(best.gain - refGain) <= 1e-9 * refGain)
                if miss.y > 0 { #expect(best.defaultLeft == refLeft) }
            }
        }
    }

    /// Column-wise histograms (with and without the four-lane path, one or two threads)
    /// equal plain per-bin sums.
    @Test func histogramsMatchPlainSums() throws {
        let n = 5000  // ≥ 4096: the two-thread build splits the features between workers
        var rng = SeededRNG(seed: 12)
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("a", (0..<n).map { _ in Float(rng.uniform()) })
        try f.addNumeric("b", (0..<n).map { _ in rng.bernoulli(0.1) ? .nan : Float(rng.int(below: 3)) })
        try f.addCategorical("c", codes: (0..<n).map { _ in Int32(rng.int(below: 6)) },
                             labels: (0..<6).map { "c\($0)" })
        let gh = (0..<n).map { _ in SIMD2<Float>(Float(rng.normal()), Float(0.1 + rng.uniform())) }
        let binned = try BinnedMatrix(frame: f, maxBins: 255)
        var p = TreeParams()
        p.numLeaves = 4
        var first: [SIMD2<Double>] = []
        for threads in [1, 2] {
            p.threads = threads
            let learner = HistogramTreeLearner(binned: binned, params: p)
            for count in [n, 50] {
                learner.build(slot: 0, begin: 0, count: count, direct: true, gh: gh)
                for j in 0..<f.columnCount {
                    var plain = [SIMD2<Double>](repeating: .zero, count: learner.binCounts[j])
                    for r in 0..<count { plain[Int(binned.bins[j][r])] += SIMD2(Double(gh[r].x), Double(gh[r].y)) }
                    for b in 0..<plain.count {
                        let got = learner.pool[learner.offsets[j] + b]
                        #expect(abs(got.x - plain[b].x) < 1e-9 && abs(got.y - plain[b].y) < 1e-9)
                    }
                }
            }
            learner.build(slot: 1, begin: 0, count: n, direct: true, gh: gh)
            let sums = (0..<learner.totalBins).map { learner.pool[learner.totalBins + $0] }
            if threads == 1 { first = sums } else { #expect(sums == first) }
        }
    }
}
