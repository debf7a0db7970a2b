import Core
/// Branch-free scoring of small trees (QuickScorer, Lucchese et al., SIGIR 2015): number a
/// tree's leaves left to right; a node whose test sends the row right rules out every leaf
/// of its left subtree, so AND-ing those nodes' masks leaves the reached leaf as the lowest
/// set bit. Every node is tested, but no test is a jump the CPU must guess: on trees of a
/// few leaves this beats walking the path, whose every step is a coin-flip branch.
package struct LeafMaskScorer {
    package struct Node {
        package var threshold: Double
        /// The mask kept when the row goes right: its left subtree's leaves cleared.
        package var rightMask: UInt64
        package var feature: Int32
        /// The ensemble's node, for a categorical test.
        package var node: Int32
        /// 1 when a missing value goes left.
        package var missingLeft: UInt64
        /// Categorical: bit c set when code c goes left, for codes below 63 (bit 63 stays
        /// clear: it stands for missing, unknown and larger codes).
        package var codesLeft: UInt64 = 0
        /// Categorical with a left code of 63 or more: tested by the ensemble itself.
        package var wide = false
    }

    /// Per tree: its nodes (numeric ones first, then categorical from `categoricalBegin`)
    /// and its leaves' range in `leafValue`.
    package let nodeBegin: [Int32]
    package let categoricalBegin: [Int32]
    package let leafBegin: [Int32]
    package let nodes: [Node]
    /// Leaf values, each tree's left to right.
    package let leafValue: [Double]

    /// Nil when a tree has more than 64 leaves (one mask word per tree).
    package init?(_ e: TreeEnsemble, trees k: Int) {
        var nodeBegin: [Int32] = [0], categoricalBegin: [Int32] = [], leafBegin: [Int32] = [0]
        var nodes: [Node] = [], leafValue: [Double] = []
        for t in 0..<k {
            let firstLeaf = leafValue.count
            var numeric: [Node] = [], categorical: [Node] = []
            var overflow = false
            // Depth-first, left first: leaves come out in left-to-right order, and each
            // internal node learns the leaf range of its left subtree.
            func visit(_ n: Int) -> Range<Int> {
                if e.feature[n] < 0 {
                    leafValue.append(e.value[n])
                    if leafValue.count - firstLeaf > 64 { overflow = true }
                    return (leafValue.count - 1 - firstLeaf)..<(leafValue.count - firstLeaf)
                }
                let l = visit(Int(e.left[n]))
                let r = visit(Int(e.right[n]))
                var leftLeaves: UInt64 = 0
                for b in l where b < 64 { leftLeaves |= 1 << UInt64(b) }
                var node = Node(threshold: e.threshold[n], rightMask: ~leftLeaves, feature: e.feature[n], node: Int32(n),
                                missingLeft: UInt64(e.flags[n] & 1))
                if e.flags[n] & 2 != 0 {
                    let begin = Int(e.catBegin[n])
                    for w in 0..<Int(e.catWords[n]) where e.catBits[begin + w] != 0 {
                        if w >= 2 || (w == 1 && e.catBits[begin + w] >> 31 != 0) { node.wide = true }
                        if w < 2 { node.codesLeft |= UInt64(e.catBits[begin + w]) << UInt64(32 * w) }
                    }
                    categorical.append(node)
                } else {
                    numeric.append(node)
                }
                return l.lowerBound..<r.upperBound
            }
            _ = visit(Int(e.roots[t]))
            if overflow { return nil }
            nodes += numeric
            categoricalBegin.append(Int32(nodes.count))
            nodes += categorical
            nodeBegin.append(Int32(nodes.count))
            leafBegin.append(Int32(leafValue.count))
        }
        self.nodeBegin = nodeBegin; self.categoricalBegin = categoricalBegin; self.leafBegin = leafBegin
        self.nodes = nodes; self.leafValue = leafValue
    }

    /// Per row of `rows`: the sum of the trees' leaf values, added tree by tree in order (the
    /// same sum, bit for bit, as walking each tree).
    package func predict(_ rows: DenseRows, ensemble e: TreeEnsemble) -> [Double] {
        var out = [Double](repeating: 0, count: rows.rowCount)
        let m = rows.columnCount
        let k = leafBegin.count - 1
        rows.values.withUnsafeBufferPointer { v in
            nodes.withUnsafeBufferPointer { nd in
                leafValue.withUnsafeBufferPointer { val in
                    for r in 0..<rows.rowCount {
                        let row = r &* m
                        var s = 0.0
                        for t in 0..<k {
                            var live = UInt64.max
                            let c = Int(categoricalBegin[t])
                            for j in Int(nodeBegin[t])..<c {
                                let x = v[row &+ Int(nd[j].feature)]
                                // 1 when the row goes left (a missing value: the node's default),
                                // as integers so that no branch is taken.
                                let le: UInt64 = x <= nd[j].threshold ? 1 : 0
                                let nan: UInt64 = x.isNaN ? nd[j].missingLeft : 0
                                live &= nd[j].rightMask | (0 &- (le | nan))
                            }
                            for j in c..<Int(nodeBegin[t &+ 1]) {
                                let x = v[row &+ Int(nd[j].feature)]
                                let left: UInt64
                                if nd[j].wide {
                                    left = e.goesLeft(Int(nd[j].node), x) ? 1 : 0
                                } else {
                                    // Missing, negative and large codes all read bit 63, which is clear.
                                    let code = Int(x.isNaN ? 63 : Swift.min(Swift.max(x, -1), 63))
                                    left = (nd[j].codesLeft >> UInt64(code < 0 ? 63 : code)) & 1
                                }
                                live &= nd[j].rightMask | (0 &- left)
                            }
                            s += val[Int(leafBegin[t]) &+ live.trailingZeroBitCount]
                        }
                        out[r] = s
                    }
                }
            }
        }
        return out
    }
}
