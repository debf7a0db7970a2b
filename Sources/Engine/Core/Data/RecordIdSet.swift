/// The ids kept so far, for the duplicate-id gate: a 64-bit hash of each id's bytes in an
/// open-addressing table of row numbers, the ids themselves compared only when hashes agree.
/// Swift's `Set<String>` seeded a hasher and hashed every id through it (≈ 10 % of an import).
/// Byte equality is `String` equality for ASCII only (`String` compares canonically: "é"
/// precomposed or not, the Kelvin sign and "K"), so the first id outside ASCII moves the set
/// onto a `Set<String>` and it goes on as before.
package struct RecordIdSet {
    /// Slots hold row + 1; 0 is empty.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var fallback: Set<String>?

    package init() {}

    package var count: Int { fallback?.count ?? hashes.count }

    /// Adds the id of the next kept row unless one of `rows` (those kept so far, in order)
    /// has it already. True when it was new.
    package mutating func insert<Row>(_ id: String, rows: [Row], idOf: (Row) -> String) -> Bool {
        if var set = fallback {
            fallback = nil  // so the set is uniquely held while it grows
            defer { fallback = set }
            return set.insert(id).inserted
        }
        var text = id
        let (h, ascii) = text.withUTF8 { b -> (UInt64, Bool) in
            var any: UInt8 = 0
            for c in b { any |= c }
            return (ByteInterner.hash(b), any < 0x80)
        }
        guard ascii else {
            var all = Set<String>(minimumCapacity: hashes.count + 1)
            for row in 0..<hashes.count { all.insert(idOf(rows[row])) }
            slots = []
            hashes = []
            defer { fallback = all }
            return all.insert(id).inserted
        }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let row = Int(s - 1)
            if hashes[row] == h, idOf(rows[row]) == id { return false }
            i = (i + 1) & mask
        }
        slots[i] = Int32(truncatingIfNeeded: hashes.count + 1)
        hashes.append(h)
        if hashes.count * 2 > slots.count { grow() }
        return true
    }

    private mutating func grow() {
        var next = [Int32](repeating: 0, count: slots.count * 2)
        let mask = next.count - 1
        for (row, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while next[i] != 0 { i = (i + 1) & mask }
            next[i] = Int32(truncatingIfNeeded: row + 1)
        }
        slots = next
    }
}
