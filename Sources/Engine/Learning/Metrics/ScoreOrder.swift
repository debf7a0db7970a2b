import Core
/// Row indices ordered by score, ties by index: the order of
/// `s.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }` (or its ascending twin),
/// by a stable LSD radix sort on the scores' bit patterns. The metrics sort every resolved
/// ticket's out-of-fold score (10 M at a large desk); a comparison sort reading two scores at
/// random per comparison was several seconds of the SLA stage, this is eight sequential
/// passes at most. −0 and +0 tie, as `==` has them. NaN has no place in a comparison sort;
/// here it sorts after every number either way, by index.
package enum ScoreOrder {
    /// Below this, the comparison sort: same order, less set-up.
    static let radixFrom = 2048

    package static func descending(_ s: [Double]) -> [Int] {
        guard s.count >= radixFrom, s.count < Int(Int32.max) else { return s.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 } }
        return radix(s, descending: true)
    }

    package static func ascending(_ s: [Double]) -> [Int] {
        guard s.count >= radixFrom, s.count < Int(Int32.max) else { return s.indices.sorted { s[$0] != s[$1] ? s[$0] < s[$1] : $0 < $1 } }
        return radix(s, descending: false)
    }

    /// `rows` (increasing) ordered by `s[row]`, descending, ties by row: the same order as
    /// `descending` restricted to them, with buffers the size of `rows` only (a day's tickets
    /// out of a year's).
    package static func descending(rows: [Int], scores s: UnsafeBufferPointer<Double>) -> [Int] {
        guard rows.count >= radixFrom else { return rows.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 } }
        var keys = rows.map { r -> UInt64 in
            let v = s[r]
            return v.isNaN ? UInt64.max : ~key(v)
        }
        var sorted = rows
        RadixSort.sort(&keys, carrying: &sorted)
        return sorted
    }

    /// Order-preserving key of a score: negatives with every bit flipped, the rest with the sign
    /// bit set, so unsigned order is numeric order.
    @inline(__always)
    static func key(_ v: Double) -> UInt64 {
        let bits = (v + 0).bitPattern  // −0 + 0 = +0
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    private static func radix(_ s: [Double], descending: Bool) -> [Int] {
        // The keys and the second buffers are gone before the [Int] is made: at 10 M scores
        // that keeps 160 MB off a large desk's peak.
        sortedRows(s, descending: descending).map { Int($0) }
    }

    private static func sortedRows(_ s: [Double], descending: Bool) -> [Int32] {
        let n = s.count
        var keys = [UInt64](unsafeUninitializedCapacity: n) { b, count in
            for i in 0..<n {
                let v = s[i]
                // NaN: the largest key, never flipped, so last either way.
                let k = v.isNaN ? UInt64.max : key(v)
                b[i] = descending && !v.isNaN ? ~k : k
            }
            count = n
        }
        var rows = [Int32](unsafeUninitializedCapacity: n) { b, count in
            for i in 0..<n { b[i] = Int32(i) }
            count = n
        }
        RadixSort.sort(&keys, carrying: &rows)
        return rows
    }
}
