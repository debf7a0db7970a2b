/// Times (or any `Int64`s) ascending by an LSD radix sort on their bytes: the same array
/// as `sort()`. A year of resolution times at a large desk is 10 M values in no order, which
/// a comparison sort took about a second over; their bytes differ in the low four only, so
/// this is four sequential passes.
package enum TimeSort {
    /// Below this, `sort()`: same result, less set-up.
    static let radixThreshold = 4_096

    package static func ascending(_ a: inout [Int64]) {
        guard a.count >= radixThreshold else { a.sort(); return }
        let n = a.count
        // Sign bit flipped: unsigned byte order is then numeric order.
        var keys = a.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        var counts = [Int](repeating: 0, count: 8 * 256)
        keys.withUnsafeBufferPointer { k in
            counts.withUnsafeMutableBufferPointer { c in
                for v in k { for b in 0..<8 { c[b << 8 | Int((v >> (UInt64(b) << 3)) & 0xFF)] += 1 } }
            }
        }
        var other = [UInt64](repeating: 0, count: n)
        for b in 0..<8 where !counts[(b << 8)..<((b + 1) << 8)].contains(n) {
            var offset = [Int](repeating: 0, count: 256), sum = 0
            for d in 0..<256 { offset[d] = sum; sum += counts[b << 8 | d] }
            let shift = UInt64(b) << 3
            keys.withUnsafeBufferPointer { from in
                other.withUnsafeMutableBufferPointer { to in
                    offset.withUnsafeMutableBufferPointer { o in
                        for v in from {
                            let d = Int((v >> shift) & 0xFF)
                            to[o[d]] = v
                            o[d] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
        keys.withUnsafeBufferPointer { k in
            a.withUnsafeMutableBufferPointer { out in
                for i in 0..<n { out[i] = Int64(bitPattern: k[i] ^ (1 << 63)) }
            }
        }
    }
}
