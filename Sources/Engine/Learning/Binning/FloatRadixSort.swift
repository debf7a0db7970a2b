import Core
/// Ascending sort of a column's non-missing `Float` values, as `Double`, by LSD radix on the
/// bit patterns: four 8-bit passes, O(n). Binning sorts every numeric column of every fit
/// (each fold of each model), and a comparison sort of the widened values was most of it.
package enum FloatRadixSort {
    /// The non-NaN values of `x` in ascending order; −0 is read as +0, so equal values are
    /// adjacent exactly as a comparison sort leaves them.
    package static func ascending(_ x: [Float]) -> [Double] {
        var keys = [UInt32]()
        keys.reserveCapacity(x.count)
        for v in x where !v.isNaN {
            let bits = (v + 0).bitPattern  // −0 + 0 = +0
            // Order-preserving key: flip every bit of negatives, only the sign bit of the rest.
            keys.append(bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000)
        }
        let n = keys.count
        var other = [UInt32](repeating: 0, count: n)
        keys.withUnsafeMutableBufferPointer { a in
            other.withUnsafeMutableBufferPointer { b in
                var src = a, dst = b
                for shift in stride(from: UInt32(0), to: 32, by: 8) {
                    var count = [Int](repeating: 0, count: 257)
                    for k in src { count[Int((k >> shift) & 0xFF) + 1] += 1 }
                    // A pass where every key has the same byte moves nothing.
                    if count.contains(n) { continue }
                    for i in 0..<256 { count[i + 1] += count[i] }
                    for k in src {
                        let d = Int((k >> shift) & 0xFF)
                        dst[count[d]] = k
                        count[d] += 1
                    }
                    swap(&src, &dst)
                }
                // After an odd number of moving passes the sorted keys sit in `other`.
                if src.baseAddress != a.baseAddress { for i in 0..<n { a[i] = src[i] } }
            }
        }
        return keys.map { k in Double(Float(bitPattern: k & 0x8000_0000 != 0 ? k & 0x7FFF_FFFF : ~k)) }
    }
}
