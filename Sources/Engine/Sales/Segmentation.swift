import Core
/// Value × potential segments from quantile buckets.
///
/// Edges are the values at the quantile positions of the sorted data; a value goes to the
/// bucket of the highest edge it reaches (`x ≥ edge`). Equal values therefore always share a
/// bucket, and when ties make two edges equal (or an edge equal to the minimum) the duplicate
/// is dropped, so no bucket is ever empty — there are just fewer of them than asked.
public struct Segmentation: Sendable, Equatable {
    public var valueEdges: [Double]
    public var potentialEdges: [Double]
    public var valueBucket: [UInt8]
    public var potentialBucket: [UInt8]
    /// Buckets each axis really has after duplicate edges are dropped.
    public var valueCount: Int { valueEdges.count + 1 }
    public var potentialCount: Int { potentialEdges.count + 1 }

    public init(value: [Double], potential: [Double], valueBuckets: Int, potentialBuckets: Int) {
        precondition(value.count == potential.count, "value and potential must have one entry per account")
        let ve = Self.quantileEdges(value, buckets: valueBuckets)
        let pe = Self.quantileEdges(potential, buckets: potentialBuckets)
        valueEdges = ve
        potentialEdges = pe
        valueBucket = value.map { UInt8(Self.bucket($0, edges: ve)) }
        potentialBucket = potential.map { UInt8(Self.bucket($0, edges: pe)) }
    }

    /// Segment code: value bucket major, potential bucket minor.
    public func segment(_ i: Int) -> Int { Int(valueBucket[i]) * potentialCount + Int(potentialBucket[i]) }

    /// "V3·P1": value bucket 3 of valueCount (1 = lowest), potential bucket 1.
    public func label(_ i: Int) -> String { "V\(Int(valueBucket[i]) + 1)·P\(Int(potentialBucket[i]) + 1)" }

    /// 0…1: how high the account sits on both axes together (for the NBA's segment term).
    public func rankScore(_ i: Int) -> Double {
        let v = valueCount > 1 ? Double(valueBucket[i]) / Double(valueCount - 1) : 0.5
        let p = potentialCount > 1 ? Double(potentialBucket[i]) / Double(potentialCount - 1) : 0.5
        return (v + p) / 2
    }

    /// Distinct inner edges at positions ⌊q·n/buckets⌋, q = 1…buckets−1, of the sorted finite values.
    public static func quantileEdges(_ x: [Double], buckets: Int) -> [Double] {
        let sorted = x.filter { $0.isFinite }.sorted()
        guard buckets > 1, let lowest = sorted.first else { return [] }
        var edges: [Double] = []
        for q in 1..<buckets {
            let e = sorted[min(sorted.count - 1, q * sorted.count / buckets)]
            if e > lowest && e != edges.last { edges.append(e) }
        }
        return edges
    }

    /// Number of edges at or below x (binary search); NaN goes to the lowest bucket.
    @inline(__always)
    public static func bucket(_ x: Double, edges: [Double]) -> Int {
        var lo = 0, hi = edges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x >= edges[mid] { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
