import Dispatch
import Core

/// Per-row (gradient, hessian) of an objective, over all rows in contiguous chunks.
package enum BoostingGradients {
    /// With several threads and enough rows, contiguous row chunks; every element is computed
    /// the same way, so the result does not depend on the thread count.
    package static func compute(_ objective: any BoostingObjective, scores: [Double], labels: [Double], threads: Int,
                                into gh: inout [SIMD2<Float>]) {
        let n = scores.count
        let chunks = threads > 1 && n >= 16_384 ? threads : 1
        let per = (n + chunks - 1) / chunks
        gh.withUnsafeMutableBufferPointer { out in
            let o = SendablePointer(p: out.baseAddress.unsafelyUnwrapped)
            scores.withUnsafeBufferPointer { sb in
                labels.withUnsafeBufferPointer { yb in
                    let s = UnsafeSendableBuffer(p: sb), y = UnsafeSendableBuffer(p: yb)
                    let run: @Sendable (Int) -> Void = { c in
                        objective.gradients(scores: s.p, labels: y.p, range: (c * per)..<min(n, (c + 1) * per), into: o.p)
                    }
                    if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
                }
            }
        }
    }
}
