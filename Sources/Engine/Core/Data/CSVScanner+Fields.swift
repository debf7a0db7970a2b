/// A record's fields as views into the scanner's chunk (or its unescape buffer), and where
/// each starts, counted only when a message needs it.
extension CSVScanner {
    package var fieldCount: Int { spans.count }

    // The two accessors below are `mutating` only so that `CSVReader` (a class) calls them on
    // its scanner in place: a non-mutating call copied the whole struct, retaining each of
    // its arrays, once per field read.

    /// Byte count of field `i`'s content.
    @inline(__always)
    package mutating func length(_ i: Int) -> Int {
        let f = spans[i]
        return f.hi - (f.lo >= 0 ? f.lo : ~f.lo)
    }

    /// Field `i`'s content bytes (valid only inside `body`).
    @inline(__always)
    package mutating func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = spans[i]
        let lo = f.lo, hi = f.hi
        if lo >= 0 {
            let base = recordStart
            return chunk.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(base + lo)..<(base + hi)])) }
        }
        return values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(~lo)..<hi])) }
    }

    /// Line and column of the byte `offset` past the record's start, counted over the
    /// record's raw bytes (kept in the chunk until the next record): a line end starts a new
    /// line, every UTF-8 character is a column.
    package func position(at offset: Int) -> (line: Int, column: Int) {
        var l = startLine, c = 1
        let from = recordStart, to = min(recordStart + offset, filled)
        chunk.withUnsafeBufferPointer { p in
            var k = from
            while k < to {
                let b = p[k]
                if b == 10 { l += 1; c = 1 } else if b & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
        }
        return (l, c)
    }

    /// Where field `i` starts (its opening quote, when quoted).
    package func position(_ i: Int) -> (line: Int, column: Int) {
        guard i < spans.count else { return (recordLine, 0) }
        return position(at: spans[i].raw)
    }
}
