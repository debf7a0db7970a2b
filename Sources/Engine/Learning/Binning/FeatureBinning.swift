import Core
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

    /// Quantile-style edges from a sample, the way LightGBM bins: zero gets a bin of its
    /// own, negatives and positives share the other bins in proportion to their counts,
    /// very frequent values get their own bin, the rest are cut greedily into bins of about
    /// equal count (at least `minDataInBin` each). One bin is kept for missing values when
    /// the sample has any.
    package static func numeric(sample: [Float], maxBins: Int, minDataInBin: Int = 3) -> FeatureBinning {
        let values = FloatRadixSort.ascending(sample)
        let valueBins = values.count < sample.count ? maxBins - 1 : maxBins
        var distinct: [Double] = []
        var counts: [Int] = []
        for d in values {
            if let last = distinct.last, last == d { counts[counts.count - 1] += 1 } else {
                distinct.append(d)
                counts.append(1)
            }
        }
        let zero = 1e-35
        var negCount = 0, posCount = 0, firstNonNeg = distinct.count, firstPos = -1
        for (i, v) in distinct.enumerated() {
            if v <= -zero { negCount += counts[i] } else if firstNonNeg == distinct.count { firstNonNeg = i }
            if v > zero { posCount += counts[i]; if firstPos < 0 { firstPos = i } }
        }
        var edges: [Double] = []
        if firstNonNeg > 0 && valueBins > 1 {
            let share = Double(negCount) / Double(max(1, negCount + posCount)) * Double(valueBins - 1)
            edges = greedy(distinct[0..<firstNonNeg], counts[0..<firstNonNeg], maxBins: max(1, Int(share)),
                           total: negCount, minDataInBin: minDataInBin)
            edges[edges.count - 1] = -zero
        }
        let rest = valueBins - 1 - edges.count
        if firstPos >= 0 && rest > 0 {
            edges.append(zero)
            edges += greedy(distinct[firstPos...], counts[firstPos...], maxBins: rest, total: posCount,
                            minDataInBin: minDataInBin)
        } else {
            edges.append(.infinity)
        }
        return FeatureBinning(kind: .numeric(upperEdges: edges))
    }

    /// Upper edges (last = +inf) for ascending distinct values with their counts.
    private static func greedy(_ dv: ArraySlice<Double>, _ cv: ArraySlice<Int>, maxBins maxIn: Int, total: Int,
                               minDataInBin: Int) -> [Double] {
        let d = Array(dv), c = Array(cv)
        let n = d.count
        var edges: [Double] = []
        if n <= maxIn {
            var inBin = 0
            for i in 0..<max(0, n - 1) {
                inBin += c[i]
                if inBin >= minDataInBin {
                    edges.append((d[i] + d[i + 1]) / 2)
                    inBin = 0
                }
            }
            edges.append(.infinity)
            return edges
        }
        let maxBins = max(1, minDataInBin > 0 ? min(maxIn, total / minDataInBin) : maxIn)
        var mean = Double(total) / Double(maxBins)
        var restBins = maxBins, restCount = total
        var big = [Bool](repeating: false, count: n)
        for i in 0..<n where Double(c[i]) >= mean { big[i] = true; restBins -= 1; restCount -= c[i] }
        mean = Double(restCount) / Double(max(1, restBins))
        var uppers: [Double] = [], lowers: [Double] = [d[0]]
        var inBin = 0
        for i in 0..<(n - 1) {
            if !big[i] { restCount -= c[i] }
            inBin += c[i]
            if big[i] || Double(inBin) >= mean || (big[i + 1] && Double(inBin) >= max(1, mean * 0.5)) {
                uppers.append(d[i])
                lowers.append(d[i + 1])
                if uppers.count >= maxBins - 1 { break }
                inBin = 0
                if !big[i] {
                    restBins -= 1
                    mean = Double(restCount) / Double(max(1, restBins))
                }
            }
        }
        for i in 0..<uppers.count {
            let e = (uppers[i] + lowers[i + 1]) / 2
            if edges.last != e { edges.append(e) }
        }
        edges.append(.infinity)
        return edges
    }

    package static func categorical(codes: [Int32], labelCount: Int, maxBins: Int) -> FeatureBinning {
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
    package func bin(numeric v: Float, edges: UnsafeBufferPointer<Double>) -> UInt8 {
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
