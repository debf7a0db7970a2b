/// How one column's values map to histogram bins. Numeric: ascending upper edges (a value
/// `v` falls in the first bin `b` with `v <= upperEdges[b]`, the last edge is +inf) and a
/// dedicated missing bin after them. Categorical: codes are ranked by frequency and the
/// most frequent `maxBins - 1` keep a bin each; rarer codes share the missing bin, which
/// a split never sends left.
public struct FeatureBinning: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case numeric(upperEdges: [Double])
        case categorical(binOfCode: [UInt8], codeOfBin: [Int32])
    }

    public var kind: Kind

    /// Bins including the missing bin.
    public var binCount: Int { missingBin + 1 }

    public var missingBin: Int {
        switch kind {
        case .numeric(let e): return e.count
        case .categorical(_, let c): return c.count
        }
    }

    public var isCategorical: Bool {
        if case .categorical = kind { return true }
        return false
    }

    /// Quantile-style edges from a sample: one bin per distinct value when they are few,
    /// else bins of roughly equal count, a very frequent value getting a bin of its own.
    /// Bins hold at least `minDataInBin` sample values where possible.
    static func numeric(sample: [Float], maxBins: Int, minDataInBin: Int = 3) -> FeatureBinning {
        var values = sample.filter { !$0.isNaN }
        values.sort()
        var distinct: [Double] = []
        var counts: [Int] = []
        for v in values {
            let d = Double(v)
            if let last = distinct.last, last == d { counts[counts.count - 1] += 1 } else {
                distinct.append(d)
                counts.append(1)
            }
        }
        var edges: [Double] = []
        if distinct.count <= maxBins {
            var inBin = 0
            for i in 0..<max(0, distinct.count - 1) {
                inBin += counts[i]
                if inBin >= minDataInBin {
                    edges.append((distinct[i] + distinct[i + 1]) / 2)
                    inBin = 0
                }
            }
        } else {
            var remaining = values.count
            var binsLeft = maxBins
            var inBin = 0
            for i in 0..<(distinct.count - 1) {
                let target = max(minDataInBin, remaining / max(1, binsLeft))
                inBin += counts[i]
                remaining -= counts[i]
                let nextBig = counts[i + 1] >= target
                if inBin >= target || (nextBig && inBin >= minDataInBin) {
                    edges.append((distinct[i] + distinct[i + 1]) / 2)
                    inBin = 0
                    binsLeft -= 1
                    if binsLeft <= 1 { break }
                }
            }
        }
        edges.append(.infinity)
        return FeatureBinning(kind: .numeric(upperEdges: edges))
    }

    static func categorical(codes: [Int32], labelCount: Int, maxBins: Int) -> FeatureBinning {
        var freq = [Int](repeating: 0, count: labelCount)
        for c in codes where c >= 0 { freq[Int(c)] += 1 }
        let present = (0..<labelCount).filter { freq[$0] > 0 }
        let ranked = present.sorted { freq[$0] != freq[$1] ? freq[$0] > freq[$1] : $0 < $1 }
        let kept = Array(ranked.prefix(maxBins - 1)).map { Int32($0) }
        var binOfCode = [UInt8](repeating: UInt8(kept.count), count: labelCount)
        for (b, c) in kept.enumerated() { binOfCode[Int(c)] = UInt8(b) }
        return FeatureBinning(kind: .categorical(binOfCode: binOfCode, codeOfBin: kept))
    }

    @inline(__always)
    func bin(numeric v: Float, edges: UnsafeBufferPointer<Double>) -> UInt8 {
        if v.isNaN { return UInt8(edges.count) }
        let d = Double(v)
        var lo = 0, hi = edges.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if d <= edges[mid] { hi = mid } else { lo = mid + 1 }
        }
        return UInt8(lo)
    }
}
