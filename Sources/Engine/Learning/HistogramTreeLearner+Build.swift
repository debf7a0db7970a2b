import Dispatch

extension HistogramTreeLearner {
    /// Histogram of rows `indices[begin..<begin+count]` (or rows `begin..<begin+count`
    /// themselves when `direct`), over all features. Large ranges are summed into four
    /// partial histograms (row position mod 4) merged in a fixed order: it breaks the
    /// store-to-load chains on repeated bins, and two threads take two lanes each, so the
    /// sums are bit-identical whatever the thread count.
    func build(slot: Int, begin: Int, count: Int, direct: Bool, gh: [SIMD2<Float>]) {
        let out = pool + slot * totalBins
        let lanes = count >= 4096 ? 4 : 1
        let partials = SendablePointer(p: partialBuffer)
        let target = SendablePointer(p: out)
        let total = totalBins
        out.initialize(repeating: .zero, count: total)
        if lanes == 4 { partialBuffer.initialize(repeating: .zero, count: 3 * total) }
        let stride = featureCount
        globalBins.withUnsafeBufferPointer { binsBuf in
            indices.withUnsafeBufferPointer { idxBuf in
                gh.withUnsafeBufferPointer { ghBuf in
                    let job = HistogramJob(bins: binsBuf, indices: idxBuf, gh: ghBuf, stride: stride, begin: begin,
                                           count: count, direct: direct, lanes: lanes, target: target,
                                           partials: partials, totalBins: total)
                    if lanes == 4 && params.threads > 1 {
                        DispatchQueue.concurrentPerform(iterations: 2) { t in job.run(lanes: (2 * t)..<(2 * t + 2)) }
                    } else {
                        job.run(lanes: 0..<lanes)
                    }
                }
            }
        }
        if lanes == 4 {
            let p = partialBuffer
            for i in 0..<total {
                out[i] = (out[i] + p[i]) + (p[total + i] + p[2 * total + i])
            }
        }
    }
}

/// The hot loop: rows at positions `begin + 4k + lane` go to partial histogram `lane`
/// (lane 0 is the target itself).
private struct HistogramJob: @unchecked Sendable {
    let bins: UnsafeBufferPointer<UInt16>
    let indices: UnsafeBufferPointer<Int32>
    let gh: UnsafeBufferPointer<SIMD2<Float>>
    let stride: Int
    let begin: Int
    let count: Int
    let direct: Bool
    let lanes: Int
    let target: SendablePointer<SIMD2<Double>>
    let partials: SendablePointer<SIMD2<Double>>
    let totalBins: Int

    func run(lanes range: Range<Int>) {
        let b = bins.baseAddress.unsafelyUnwrapped
        let q = gh.baseAddress.unsafelyUnwrapped
        let idx = indices.baseAddress.unsafelyUnwrapped
        let end = begin &+ count
        let base = partials.p - totalBins  // so that lane k > 0 is at base + k * totalBins
        if lanes == 1 {
            for pos in begin..<end { add(row: direct ? pos : Int(idx[pos]), q, b, target.p) }
            return
        }
        // One pass over the rows, lanes interleaved, so each row's bins are read once.
        let lo = range.lowerBound, hi = range.upperBound
        var block = begin
        while block < end {
            var lane = lo
            while lane < hi {
                let pos = block &+ lane
                if pos < end {
                    let h = lane == 0 ? target.p : base + lane &* totalBins
                    add(row: direct ? pos : Int(idx[pos]), q, b, h)
                }
                lane &+= 1
            }
            block &+= 4
        }
    }

    @inline(__always)
    private func add(row r: Int, _ q: UnsafePointer<SIMD2<Float>>, _ b: UnsafePointer<UInt16>,
                     _ h: UnsafeMutablePointer<SIMD2<Double>>) {
        let v = q[r]
        let g = SIMD2<Double>(Double(v.x), Double(v.y))
        let row = b + r &* stride
        for j in 0..<stride { h[Int(row[j])] += g }
    }
}
