import Core
/// A tree just grown by `HistogramTreeLearner`, in bin space and LightGBM's layout:
/// internal nodes `0..<leafCount-1`, leaves `0..<leafCount`, a child `c < 0` is leaf `~c`.
/// Leaf values are raw (not yet scaled by a learning rate).
package struct GrownTree: Sendable {
    package var feature: [Int32] = []
    package var thresholdBin: [UInt8] = []
    package var defaultLeft: [Bool] = []
    package var isCategorical: [Bool] = []
    package var leftBins: [[UInt8]] = []
    package var left: [Int32] = []
    package var right: [Int32] = []
    package var gain: [Double] = []
    package var leafValue: [Double] = [0]
    /// Rows (of the bag) that reached each leaf: cover for TreeSHAP.
    package var leafRows: [Int] = [0]
    /// Where each leaf's rows sit in the learner's index array after growth.
    package var leafBegin: [Int] = [0]

    package var leafCount: Int { leafValue.count }

    /// 256 bytes per internal node, 1 where a row with that bin goes left (a missing value:
    /// the node's default side; a category: whether its bin is in `leftBins`), so a binned
    /// row walks the tree by one lookup per level.
    package func leftTable(missingBins: [Int]) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: feature.count << 8)
        for i in feature.indices {
            let base = i << 8
            if isCategorical[i] {
                for b in leftBins[i] { table[base + Int(b)] = 1 }
                continue
            }
            for b in 0...Int(thresholdBin[i]) { table[base + b] = 1 }
            let m = missingBins[Int(feature[i])]
            if m < 256 { table[base + m] = defaultLeft[i] ? 1 : 0 }
        }
        return table
    }
}

/// Moves raw pointers into `concurrentPerform` closures; the caller guarantees that
/// concurrent users touch disjoint memory.
package struct SendablePointer<T>: @unchecked Sendable {
    package let p: UnsafeMutablePointer<T>
}

/// A read-only buffer handed to `concurrentPerform` workers.
package struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    package let p: UnsafeBufferPointer<T>
}
