#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scanner's records: `next()` reads one record's fields (quoted or not) from the chunk
/// `CSVScanner.swift` keeps filled and transcoded, with the line and column of every error.
extension CSVScanner {
    /// Throws the encoding error waiting where the readable text stops, if any. Kept out
    /// of line: it runs once per file, and inlined it slows the byte loops around it.
    @inline(never)
    func throwPending(orUnreadable: Bool = false) throws(InputError) {
        if let m = pendingError {
            let p = here
            throw InputError(file: name, line: p.line, column: p.column, m)
        }
        if orUnreadable, let e = unreadableError { throw e }
    }

    func error(_ message: String, at p: (line: Int, column: Int)) -> InputError {
        InputError(file: name, line: p.line, column: p.column, message)
    }

    package mutating func next() throws(InputError) -> Bool {
        // A loop, not recursion: each lone empty line cost a stack frame, and a file of blank
        // lines overflowed the stack (found by fuzzing, issue 17).
        while true {
            if !values.isEmpty { values.removeAll(keepingCapacity: true) }
            spans.removeAll(keepingCapacity: true)
            recordStart = pos
            startLine = line
            guard fill(1) else {
                try throwPending(orUnreadable: true)
                return false
            }
            recordLine = line
            while true {
                try readField()
                // After a field: a comma (another field follows), a line end, or the end of input.
                guard fill(1) else {
                    // The record ran into an encoding error: it is not whole, so it is not returned.
                    try throwPending()
                    break
                }
                let b = chunk[pos]
                if b == 44 { pos += 1; continue }  // ','
                if b == 13 { pos += 1; if fill(1), chunk[pos] == 10 { pos += 1 } }
                else if b == 10 { pos += 1 }
                line += 1
                break
            }
            recordCount += 1
            if let want = expectedFields {
                if spans.count != want {
                    // A lone empty line is not a record; anything else of the wrong width is an error.
                    if spans.count == 1 && length(0) == 0 { continue }
                    throw InputError(file: name, line: recordLine, column: position(spans.count - 1).column,
                                     "expected \(want) fields, found \(spans.count)")
                }
            } else {
                expectedFields = spans.count
            }
            return true
        }
    }

    private mutating func readField() throws(InputError) {
        guard fill(1) else {
            let at = pos - recordStart
            spans.append(Span(at, at, at))
            return
        }
        if chunk[pos] == 34 { try readQuoted() } else { readUnquoted() }
    }

    private mutating func readQuoted() throws(InputError) {
        let open = pos - recordStart
        pos += 1
        let lo = open + 1
        // Start in `values` once a `""` is met; until then the content is a view.
        var copiedFrom = -1
        while true {
            guard fill(1) else {
                try throwPending()
                throw error("unterminated quoted field (the quote opened here is never closed)", at: position(at: open))
            }
            // Up to the next quote in what is buffered, counting line ends.
            let from = pos, stopAt = end
            var stop = from
            var lines = 0
            chunk.withUnsafeBufferPointer { p in
                while stop < stopAt {
                    let b = p[stop]
                    if b == 34 { break }
                    lines &+= b == 10 ? 1 : 0
                    stop += 1
                }
                if copiedFrom >= 0 { values.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<stop])) }
            }
            line += lines
            pos = stop
            guard stop < stopAt else { continue }
            if fill(2), chunk[pos + 1] == 34 {
                if copiedFrom < 0 {
                    copiedFrom = values.count
                    let base = recordStart
                    chunk.withUnsafeBufferPointer { values.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(base + lo)..<pos])) }
                }
                values.append(34)
                pos += 2
                continue
            }
            if copiedFrom >= 0 {
                spans.append(Span(open, ~copiedFrom, values.count))
            } else {
                spans.append(Span(open, lo, pos - recordStart))
            }
            pos += 1
            if fill(1) {
                let n = chunk[pos]
                if n != 44 && n != 10 && n != 13 { throw error("expected a comma or a line end after the closing quote", at: here) }
            }
            return
        }
    }

    /// Scans to the next comma or line end, refilling the chunk as needed.
    private mutating func readUnquoted() {
        let lo = pos - recordStart
        while true {
            if pos >= end { guard fill(1) else { break } }
            let (stop, found) = chunk.withUnsafeBufferPointer { Self.scanUnquoted($0, from: pos, to: end) }
            pos = stop
            if found { break }
        }
        spans.append(Span(lo, lo, pos - recordStart))
    }

    /// The first comma, LF or CR in `p[from..<to]` (and true), or `to` (and false). Eight
    /// bytes at a time while eight are left (SWAR: a byte equal to `c` is a zero byte of
    /// `w ^ c…c`, and the lowest flagged byte of the zero-byte test is exact), then byte by
    /// byte: most cells are shorter than a word, so one test usually settles a cell.
    @inline(__always)
    package static func scanUnquoted(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (Int, Bool) {
        var i = from
        guard let base = p.baseAddress else { return (to, false) }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let a = w ^ (ones &* 44), b = w ^ (ones &* 10), c = w ^ (ones &* 13)
            let hit = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if hit != 0 { return (i + hit.trailingZeroBitCount >> 3, true) }
            i += 8
        }
        while i < to {
            let x = p[i]
            if x == 44 || x == 10 || x == 13 { return (i, true) }
            i += 1
        }
        return (to, false)
    }
}
