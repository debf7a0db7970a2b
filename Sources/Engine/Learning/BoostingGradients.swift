import Dispatch
import Core

/// Per-row (gradient, hessian) of the boosting losses: log-loss (p − y, p(1 − p)), squared
/// error (s − y, 1).
package enum BoostingGradients {
    /// With several threads and enough rows, contiguous row chunks; every element is computed
    /// the same way, so the result does not depend on the thread count.
    package static func compute(scores: [Double], labels: [Double], binary: Bool, threads: Int, into gh: inout [SIMD2<Float>]) {
        let n = scores.count
        let chunks = threads > 1 && n >= 16_384 ? threads : 1
        let per = (n + chunks - 1) / chunks
        gh.withUnsafeMutableBufferPointer { out in
            let o = SendablePointer(p: out.baseAddress.unsafelyUnwrapped)
            scores.withUnsafeBufferPointer { sb in
                labels.withUnsafeBufferPointer { yb in
                    let s = UnsafeSendableBuffer(p: sb), y = UnsafeSendableBuffer(p: yb)
                    let run: @Sendable (Int) -> Void = { c in
                        for i in (c * per)..<min(n, (c + 1) * per) {
                            if binary {
                                let p = sigmoid(s.p[i])
                                o.p[i] = SIMD2(Float(p - y.p[i]), Float(max(p * (1 - p), 1e-16)))
                            } else {
                                o.p[i] = SIMD2(Float(s.p[i] - y.p[i]), 1)
                            }
                        }
                    }
                    if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
                }
            }
        }
    }
}
