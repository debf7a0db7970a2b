import Dispatch
import Core

extension HistogramTreeLearner {
    /// Histogram of rows `indices[begin..<begin+count]` (or rows `begin..<begin+count`
    /// themselves when `direct`), over all features, built feature by feature (LightGBM's
    /// column-wise mode): the leaf's gradients are first gathered into its row order, then
    /// each feature's pass reads its bin column and those gradients front to back and adds
    /// into one small histogram. Each feature is summed by one worker in a fixed order, so
    /// the sums are bit-identical whatever the thread count.
    package func build(slot: Int, begin: Int, count: Int, direct: Bool, gh: [SIMD2<Float>]) {
        let out = pool + slot * totalBins
        let f = featureCount
        let parallel = params.threads > 1 && count >= 4096 && f > 1
        indices.withUnsafeBufferPointer { idxBuf in
            gh.withUnsafeBufferPointer { ghBuf in
                let q = ghBuf.baseAddress.unsafelyUnwrapped
                let idx = idxBuf.baseAddress.unsafelyUnwrapped + begin
                let src: UnsafePointer<SIMD2<Float>>
                if direct {
                    src = q + begin
                } else {
                    for i in 0..<count { ordered[i] = q[Int(idx[i])] }
                    src = UnsafePointer(ordered)
                }
                let job = FeatureHistogramJob(
                    columns: UnsafePointer(columns), rowCount: rowCount, rows: direct ? nil : idx,
                    first: direct ? begin : 0, gh: src, count: count, out: out, lanes: lanes,
                    laneStride: 3 * maxFeatureBins)
                if parallel {
                    DispatchQueue.concurrentPerform(iterations: 2) { t in
                        for j in Swift.stride(from: t, to: f, by: 2) {
                            job.run(feature: j, offset: offsets[j], bins: binCounts[j], worker: t)
                        }
                    }
                } else {
                    for j in 0..<f { job.run(feature: j, offset: offsets[j], bins: binCounts[j], worker: 0) }
                }
            }
        }
    }
}

/// The hot loop over one feature's column. Large ranges go round-robin into four partial
/// histograms (the target and three per-worker lanes) merged in a fixed order: repeated
/// bins then do not wait on each other's store, which matters most for features with
/// few bins.
private struct FeatureHistogramJob: @unchecked Sendable {
    let columns: UnsafePointer<UInt8>
    let rowCount: Int
    /// Row of each position, or nil when positions are rows `first..<first+count`.
    let rows: UnsafePointer<Int32>?
    let first: Int
    /// (gradient, hessian) of each position, in position order.
    let gh: UnsafePointer<SIMD2<Float>>
    let count: Int
    let out: UnsafeMutablePointer<SIMD2<Double>>
    let lanes: UnsafeMutablePointer<SIMD2<Double>>
    let laneStride: Int

    @inline(__always)
    private func wide(_ i: Int) -> SIMD2<Double> {
        let v = gh[i]
        return SIMD2<Double>(Double(v.x), Double(v.y))
    }

    func run(feature j: Int, offset: Int, bins nb: Int, worker: Int) {
        let col = columns + (j &* rowCount &+ first)
        let h0 = out + offset
        h0.update(repeating: .zero, count: nb)
        let n = count
        // Four lanes cost 3 · nb extra adds to clear and merge: worth it past 4 · nb rows.
        guard n >= 4 &* nb && n >= 64 else {
            if let rows {
                for i in 0..<n { h0[Int(col[Int(rows[i])])] += wide(i) }
            } else {
                for i in 0..<n { h0[Int(col[i])] += wide(i) }
            }
            return
        }
        let h1 = lanes + worker &* laneStride, h2 = h1 + nb, h3 = h2 + nb
        h1.update(repeating: .zero, count: 3 &* nb)
        let n4 = n & ~3
        var i = 0
        if let rows {
            while i < n4 {
                let b0 = Int(col[Int(rows[i])]), b1 = Int(col[Int(rows[i &+ 1])])
                let b2 = Int(col[Int(rows[i &+ 2])]), b3 = Int(col[Int(rows[i &+ 3])])
                h0[b0] += wide(i)
                h1[b1] += wide(i &+ 1)
                h2[b2] += wide(i &+ 2)
                h3[b3] += wide(i &+ 3)
                i &+= 4
            }
            while i < n { h0[Int(col[Int(rows[i])])] += wide(i); i &+= 1 }
        } else {
            while i < n4 {
                let b0 = Int(col[i]), b1 = Int(col[i &+ 1]), b2 = Int(col[i &+ 2]), b3 = Int(col[i &+ 3])
                h0[b0] += wide(i)
                h1[b1] += wide(i &+ 1)
                h2[b2] += wide(i &+ 2)
                h3[b3] += wide(i &+ 3)
                i &+= 4
            }
            while i < n { h0[Int(col[i])] += wide(i); i &+= 1 }
        }
        for b in 0..<nb { h0[b] = (h0[b] + h1[b]) + (h2[b] + h3[b]) }
    }
}
