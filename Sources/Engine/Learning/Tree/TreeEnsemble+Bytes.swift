import Core
extension TreeEnsemble {
    package func write(to w: inout ByteWriter) {
        w.i32s(roots); w.i32s(feature); w.doubles(threshold); w.u8s(flags); w.i32s(left); w.i32s(right)
        w.i32s(catBegin); w.i32s(catWords); w.doubles(value); w.doubles(cover); w.doubles(gain); w.u32s(catBits)
    }

    /// Reads and checks every link so that a corrupt model throws instead of trapping later.
    package static func read(from r: inout ByteReader, schema: FrameSchema) throws -> TreeEnsemble {
        let featureCount = schema.count
        var e = TreeEnsemble()
        e.roots = try r.i32s(); e.feature = try r.i32s(); e.threshold = try r.doubles(); e.flags = try r.u8s()
        e.left = try r.i32s(); e.right = try r.i32s(); e.catBegin = try r.i32s(); e.catWords = try r.i32s()
        e.value = try r.doubles(); e.cover = try r.doubles(); e.gain = try r.doubles(); e.catBits = try r.u32s()
        let n = e.feature.count
        let sizes = [e.threshold.count, e.flags.count, e.left.count, e.right.count, e.catBegin.count,
                     e.catWords.count, e.value.count, e.cover.count, e.gain.count]
        guard sizes.allSatisfy({ $0 == n }) else { throw LearningError.invalidModelBytes("node arrays differ in length") }
        for root in e.roots where root < 0 || Int(root) >= n { throw LearningError.invalidModelBytes("bad root") }
        for i in 0..<n where e.feature[i] >= 0 {
            guard Int(e.feature[i]) < featureCount,
                  e.left[i] > Int32(i), Int(e.left[i]) < n, e.right[i] > Int32(i), Int(e.right[i]) < n,
                  e.catBegin[i] >= 0, e.catWords[i] >= 0, Int(e.catBegin[i]) + Int(e.catWords[i]) <= e.catBits.count,
                  // A category split reads its value as a code (Int(x)): only a categorical
                  // column holds codes; a number such as 1e300 there would trap.
                  e.flags[i] & 2 == 0 || schema.categoryLabels[Int(e.feature[i])] != nil
            else { throw LearningError.invalidModelBytes("bad node \(i)") }
        }
        return e
    }

    /// The first `k` trees (nodes of a tree are contiguous and in tree order).
    package func truncated(to k: Int) -> TreeEnsemble {
        guard k < treeCount else { return self }
        let end = Int(roots[k])
        var e = TreeEnsemble()
        e.roots = Array(roots[0..<k])
        e.feature = Array(feature[0..<end]); e.threshold = Array(threshold[0..<end]); e.flags = Array(flags[0..<end])
        e.left = Array(left[0..<end]); e.right = Array(right[0..<end]); e.catBegin = Array(catBegin[0..<end])
        e.catWords = Array(catWords[0..<end]); e.value = Array(value[0..<end]); e.cover = Array(cover[0..<end])
        e.gain = Array(gain[0..<end])
        var bitsEnd = 0
        for i in 0..<end where flags[i] & 2 != 0 { bitsEnd = max(bitsEnd, Int(catBegin[i] + catWords[i])) }
        e.catBits = Array(catBits[0..<bitsEnd])
        return e
    }
}

extension FrameSchema {
    package func write(to w: inout ByteWriter) {
        w.strings(names)
        for l in categoryLabels {
            if let l { w.u8(1); w.strings(l) } else { w.u8(0) }
        }
    }

    package static func read(from r: inout ByteReader) throws -> FrameSchema {
        let names = try r.strings()
        var labels: [[String]?] = []
        for _ in names { labels.append(try r.u8() == 1 ? try r.strings() : nil) }
        return FrameSchema(names: names, categoryLabels: labels)
    }
}
