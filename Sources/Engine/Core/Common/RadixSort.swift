/// Stable LSD radix sort on `UInt64` keys, one pass per byte in which the keys differ: the
/// one the metrics' score orders (`ScoreOrder`) and the SLA features' time columns share.
/// Callers make the keys (an order-preserving map of their values) and read back what they
/// need; the sort itself is sequential reads and writes, where a comparison sort reads two
/// values at random per comparison (10 M at a large desk: seconds).
package enum RadixSort {
    /// `keys` ascending, `rows` moved with them (stable: equal keys keep their order).
    /// Specialised here for the rows its callers carry: the other targets get a generic call
    /// otherwise (a value witness per row moved, several times slower).
    @_specialize(exported: true, where Row == Int32)
    @_specialize(exported: true, where Row == Int)
    @_specialize(exported: true, where Row == Void)
    package static func sort<Row>(_ keys: inout [UInt64], carrying rows: inout [Row]) {
        let n = keys.count
        precondition(rows.count == n, "one row per key")
        var counts = [Int](repeating: 0, count: 8 * 256)
        // All eight byte histograms in one read of the keys.
        keys.withUnsafeBufferPointer { k in
            counts.withUnsafeMutableBufferPointer { c in
                for v in k { for p in 0..<8 { c[p << 8 | Int((v >> UInt64(p << 3)) & 0xFF)] += 1 } }
            }
        }
        // A byte every key shares moves nothing (a time's high bytes, a score's exponent).
        let moving = (0..<8).filter { p in !counts[(p << 8)..<((p << 8) + 256)].contains(n) }
        guard !moving.isEmpty else { return }
        var keys2 = [UInt64](repeating: 0, count: n), rows2 = rows
        var inFirst = true
        keys.withUnsafeMutableBufferPointer { k1 in rows.withUnsafeMutableBufferPointer { r1 in
            keys2.withUnsafeMutableBufferPointer { k2 in rows2.withUnsafeMutableBufferPointer { r2 in
                var (srcK, srcR, dstK, dstR) = (k1, r1, k2, r2)
                let next = UnsafeMutablePointer<Int>.allocate(capacity: 256)  // the hot loop's, unchecked
                defer { next.deallocate() }
                for p in moving {
                    let base = p << 8
                    var sum = 0
                    for d in 0..<256 { next[d] = sum; sum += counts[base + d] }
                    let shift = UInt64(p << 3)
                    for i in 0..<n {
                        let v = srcK[i], d = Int((v >> shift) & 0xFF), at = next[d]
                        dstK[at] = v; dstR[at] = srcR[i]
                        next[d] = at + 1
                    }
                    swap(&srcK, &dstK); swap(&srcR, &dstR)
                    inFirst.toggle()
                }
            } }
        } }
        if !inFirst { swap(&keys, &keys2); swap(&rows, &rows2) }
    }

    /// Below this, `sort()`: same result, less set-up.
    static let threshold = 4_096

    /// `a` ascending: the same array as `sort()`. A year of resolution times at a large desk
    /// is 10 M values in no order whose bytes differ in the low four only: four passes.
    package static func ascending(_ a: inout [Int64]) {
        guard a.count >= threshold else { a.sort(); return }
        // Sign bit flipped: unsigned order is then numeric order.
        var keys = a.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        var nothing: [Void] = Array(repeating: (), count: a.count)  // no rows to carry (zero-sized)
        sort(&keys, carrying: &nothing)
        a.withUnsafeMutableBufferPointer { out in
            for i in out.indices { out[i] = Int64(bitPattern: keys[i] ^ (1 << 63)) }
        }
    }
}
