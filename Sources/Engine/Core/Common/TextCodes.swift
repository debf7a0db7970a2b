#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts coded 0, 1, 2, … in the order they are first seen, hashed on their UTF-8 bytes.
///
/// A desk's year holds ten million ticket ids and a few hundred thousand customer keys, each
/// looked up once per ticket. `Dictionary<String, _>` hashes every key with a freshly seeded
/// SipHash and keeps the `String`s; this table hashes the bytes with a fixed multiply-xor
/// mixer, keeps them in one byte arena, and probes a flat array of 8-byte slots (linear
/// probing, at most half full), so a lookup is one hash, one slot read and one `memcmp`.
/// The codes depend only on the order of the texts, never on the hash.
package struct TextCodes: Sendable {
    /// 0: empty; else the code + 1 in the low 32 bits, the hash's high 32 bits above it.
    private var slots: [UInt64]
    /// Code k's bytes are `arena[ends[k]..<ends[k + 1]]`.
    private var ends: [Int] = [0]
    private var arena: [UInt8] = []

    /// Sized for `capacity` distinct texts without growing.
    package init(capacity: Int = 0) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        ends.reserveCapacity(capacity + 1)
    }

    /// Distinct texts seen.
    package var count: Int { ends.count - 1 }

    /// The code of `text`, and whether this call added it.
    @inline(__always)
    package mutating func insert(_ text: String) -> (code: Int32, inserted: Bool) {
        var text = text
        return text.withUTF8 { insert(bytes: $0) }
    }

    /// The code of `text` when it has been seen.
    package func code(of text: String) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            let h = Self.hash(bytes)
            let s = find(bytes, hash: h)
            return slots[s] == 0 ? nil : Int32(truncatingIfNeeded: slots[s] & 0xFFFF_FFFF) - 1
        }
    }

    /// The hash a text is placed by: the same for the same bytes in every process.
    package static func hash(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    /// The text of a code `insert` returned.
    package func text(_ code: Int32) -> String {
        let k = Int(code)
        return String(decoding: arena[ends[k]..<ends[k + 1]], as: UTF8.self)
    }

    private mutating func insert(bytes: UnsafeBufferPointer<UInt8>) -> (code: Int32, inserted: Bool) {
        let h = Self.hash(bytes)
        let s = find(bytes, hash: h)
        if slots[s] != 0 { return (Int32(truncatingIfNeeded: slots[s] & 0xFFFF_FFFF) - 1, false) }
        let code = count
        precondition(code < Int(Int32.max), "more distinct texts than 32-bit codes can number")
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        slots[s] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
        if 2 * count > slots.count { grow() }
        return (Int32(code), true)
    }

    /// The slot holding these bytes, else the empty slot where they would go.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        let mask = slots.count - 1, tag = h & 0xFFFF_FFFF_0000_0000
        var s = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { sl in
            ends.withUnsafeBufferPointer { e in
                arena.withUnsafeBufferPointer { a in
                    while true {
                        let v = sl[s]
                        if v == 0 { return s }
                        if v & 0xFFFF_FFFF_0000_0000 == tag {
                            let k = Int(v & 0xFFFF_FFFF) - 1, start = e[k], n = e[k + 1] - start
                            if n == bytes.count && (n == 0 || memcmp(a.baseAddress! + start, bytes.baseAddress!, n) == 0) { return s }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: 2 * slots.count)
        let mask = bigger.count - 1
        arena.withUnsafeBufferPointer { a in
            for k in 0..<count {
                let h = Self.hash(UnsafeBufferPointer(rebasing: a[ends[k]..<ends[k + 1]]))
                var s = Int(truncatingIfNeeded: h) & mask
                while bigger[s] != 0 { s = (s + 1) & mask }
                bigger[s] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(k + 1)
            }
        }
        slots = bigger
    }

    /// 8 bytes at a time through a multiply-xor step, then murmur3's finalizer, so both the
    /// low bits (the slot) and the high bits (the tag) depend on every byte.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            if i < n {
                var tail: UInt64 = 0
                for j in i..<n { tail |= UInt64(base[j]) << UInt64(8 * (j - i)) }
                h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
            }
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
