#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distinct byte strings → dense codes, without a `String` or Swift's `Hasher` per lookup:
/// the bytes of each distinct value live back to back in one arena, and an open-addressing
/// table of codes is probed by an FNV-1a hash and `memcmp`. A million-row column of a few
/// hundred values (a desk's groups, tags) costs one hash and one compare per cell.
package struct ByteInterner {
    private var arena: [UInt8] = []
    /// Per code: where its bytes start in `arena` (one more entry closes the last).
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold code + 1; 0 is empty.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    package var count: Int { hashes.count }

    /// The code of `bytes`, and whether it was new.
    package mutating func code(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: Int32, isNew: Bool) {
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let c = Int(s - 1)
            if hashes[c] == h, equal(c, bytes) { return (Int32(c), false) }
            i = (i + 1) & mask
        }
        let c = hashes.count
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        slots[i] = Int32(c + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (Int32(c), true)
    }

    /// Eight bytes at a time, each word folded in by a multiply and a shift (a cell of 30
    /// bytes is four rounds, not thirty).
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// Word by word in line: cells are short, and a call to `memcmp` per cell cost more
    /// than the compare.
    private func equal(_ c: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = starts[c], n = starts[c + 1] - a
        guard n == bytes.count else { return false }
        guard n > 0, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { p in
            guard let start = p.baseAddress else { return false }
            let x = UnsafeRawPointer(start + a), y = UnsafeRawPointer(base)
            var k = 0
            while k + 8 <= n {
                if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
                k += 8
            }
            while k < n {
                if x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) { return false }
                k += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var next = [Int32](repeating: 0, count: slots.count * 2)
        let mask = next.count - 1
        for (c, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while next[i] != 0 { i = (i + 1) & mask }
            next[i] = Int32(c + 1)
        }
        slots = next
    }
}
