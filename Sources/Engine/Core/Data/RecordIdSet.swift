/// The ids kept so far, for the duplicate-id gate: a 64-bit hash of each id's bytes in an
/// open-addressing table of row numbers, the ids themselves compared only when hashes agree.
/// Swift's `Set<String>` seeded a hasher and hashed every id through it (≈ 10 % of an import).
/// Byte equality is `String` equality for ASCII only (`String` compares canonically: "é"
/// precomposed or not, the Kelvin sign and "K"), so the first id outside ASCII moves the set
/// onto a `Set<String>` and it goes on as before.
package struct RecordIdSet {
    /// Slots hold row + 1 in the low 32 bits (0 is empty) and the high 32 bits of the id's
    /// hash above them, so a probe settles on the slot alone: a separate array of hashes,
    /// looked up per probe, was a second cache miss per id in a million-row table (and 8 B
    /// more per row). A growing table re-hashes the kept rows' ids.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var stored = 0
    /// Slots wanted by `reserve`, made at the next insert (which has the rows to re-hash).
    private var wanted = 0
    private var fallback: Set<String>?

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    package init() {}

    package var count: Int { fallback?.count ?? stored }

    /// Makes room for `rows` ids (at most 4 M: the table is written in full, so an
    /// over-estimate costs memory; past that it grows as it fills), so the table is not
    /// regrown on the way there.
    package mutating func reserve(_ rows: Int) {
        let rows = min(rows, 1 << 22)
        var size = slots.count
        while Self.tooFull(rows, size) { size *= 2 }
        wanted = size
    }

    /// Up to 70 % full: with the tag in the slot a probe rarely leaves its cache line.
    @inline(__always)
    private static func tooFull(_ n: Int, _ size: Int) -> Bool { n * 10 > size * 7 }

    @inline(__always)
    private static func hash(_ id: String) -> (UInt64, ascii: Bool) {
        var text = id
        return text.withUTF8 { b -> (UInt64, Bool) in
            var any: UInt8 = 0
            for c in b { any |= c }
            return (hash(b), any < 0x80)
        }
    }

    /// An id's hash, keeping neighbouring ids near each other: ids are mostly a prefix and a
    /// number ("100234", "PROJ-88", "INC0010001"), exported in order, so the number's last
    /// three bits pick the slot within an 8-slot block (one cache line) and the rest of the id
    /// picks the block. Eight consecutive ids then cost one cache miss instead of eight (the
    /// table is megabytes; its misses were ≈ 10 % of a ticket import). At most eight ids share
    /// a block's hash, and those differ in the tag bits too; an id without a trailing number
    /// is hashed whole. Only where ids sit changes, never which ones are equal.
    package static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = b.count
        var k = n
        while k > 0, n - k < 18, b[k - 1] &- 48 < 10 { k -= 1 }
        let digits = n - k
        guard digits > 0 else { return ByteInterner.hash(b) }
        var v: UInt64 = 0
        for i in k..<n { v = v &* 10 &+ UInt64(b[i] &- 48) }
        // The prefix and the digit count ("007" is not "7"), then the number's block.
        var g = ByteInterner.hash(UnsafeBufferPointer(rebasing: b[0..<k])) ^ (UInt64(digits) &* 0x9E37_79B9_7F4A_7C15)
        g = (g ^ (v >> 3)) &* 0xFF51_AFD7_ED55_8CCD
        g ^= g >> 32
        g = g &* 0xC4CE_B9FE_1A85_EC53
        g ^= g >> 29
        let low = v & 7
        return ((g & ~7) | low) ^ (low << 32)
    }

    /// An id's hash, worked out before the rest of its row (`probe`).
    package struct Probe {
        fileprivate let hash: UInt64
        fileprivate let ascii: Bool
    }

    /// The id's hash, with its first slot read now: a row's other cells are parsed while
    /// that cache miss (one per id in a table of megabytes, ≈ 10 % of an import) is served,
    /// and `insert` then finds the slot in cache.
    package mutating func probe(_ id: String) -> Probe {
        let (h, ascii) = Self.hash(id)
        if !slots.isEmpty {
            warm = slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: h) & ($0.count - 1)] }
        }
        return Probe(hash: h, ascii: ascii)
    }

    /// Keeps the early read of `probe` from being optimised away.
    private var warm: UInt64 = 0

    /// Adds the id of the next kept row unless one of `rows` (those kept so far, in order)
    /// has it already. True when it was new.
    package mutating func insert<Row>(_ id: String, rows: [Row], idOf: (Row) -> String) -> Bool {
        let (h, ascii) = fallback == nil ? Self.hash(id) : (0, true)
        return insert(id, Probe(hash: h, ascii: ascii), rows: rows, idOf: idOf)
    }

    /// As `insert(_:rows:idOf:)` with the hash from `probe(id)`.
    package mutating func insert<Row>(_ id: String, _ probe: Probe, rows: [Row], idOf: (Row) -> String) -> Bool {
        if var set = fallback {
            fallback = nil  // so the set is uniquely held while it grows
            defer { fallback = set }
            return set.insert(id).inserted
        }
        let h = probe.hash, ascii = probe.ascii
        guard ascii else {
            var all = Set<String>(minimumCapacity: stored + 1)
            for row in 0..<stored { all.insert(idOf(rows[row])) }
            slots = []
            stored = 0
            defer { fallback = all }
            return all.insert(id).inserted
        }
        if wanted > slots.count { rehash(wanted, rows, idOf) }
        let tag = h & Self.tagMask
        let found: Int? = slots.withUnsafeBufferPointer { p in
            let mask = p.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = p[i]
                if s == 0 { return ~i }
                // Same upper hash: compare the ids (a duplicate, or one in 4 billion).
                if s & Self.tagMask == tag, idOf(rows[Int(s & 0xFFFF_FFFF) - 1]) == id { return nil }
                i = (i + 1) & mask
            }
        }
        guard let free = found else { return false }
        stored += 1
        slots[~free] = tag | UInt64(stored)
        if Self.tooFull(stored, slots.count) {
            // `rows` lacks the row just added: it is put back from its own hash.
            rehash(slots.count * 2, rows, idOf, last: h)
        }
        return true
    }

    private mutating func rehash<Row>(_ size: Int, _ rows: [Row], _ idOf: (Row) -> String, last: UInt64? = nil) {
        var next = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        let fromRows = last == nil ? stored : stored - 1
        next.withUnsafeMutableBufferPointer { p in
            func place(_ h: UInt64, _ row: Int) {
                var i = Int(truncatingIfNeeded: h) & mask
                while p[i] != 0 { i = (i + 1) & mask }
                p[i] = (h & Self.tagMask) | UInt64(row + 1)
            }
            for row in 0..<fromRows { place(Self.hash(idOf(rows[row])).0, row) }
            if let last { place(last, stored - 1) }
        }
        slots = next
    }
}
