#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The RFC 4180 state machine behind `CSVReader`: one chunk of input, one record of
/// unescaped field bytes, and the line/column bookkeeping for error messages.
struct CSVScanner {
    let name: String
    let file: UnsafeMutablePointer<FILE>?
    var chunk: [UInt8]
    var pos = 0
    var end: Int
    var atEOF: Bool

    /// Unescaped bytes of the current record's fields, back to back.
    var values: [UInt8] = []
    /// End offset in `values` of each field.
    var ends: [Int] = []
    /// 1-based column and line where each field starts.
    var fieldColumns: [Int32] = []
    var fieldLines: [Int32] = []

    var recordLine = 0
    var recordCount = 0
    var expectedFields: Int?

    var line = 1
    var column = 1

    init(name: String, file: UnsafeMutablePointer<FILE>?, chunk: [UInt8], end: Int, atEOF: Bool) {
        self.name = name
        self.file = file
        self.chunk = chunk
        self.end = end
        self.atEOF = atEOF
        // `self.chunk`: the parameter is the buffer as passed in (all zeros before a file's first read).
        if fill(3), self.chunk[pos] == 0xEF, self.chunk[pos + 1] == 0xBB, self.chunk[pos + 2] == 0xBF { pos += 3 }
    }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    func position(_ i: Int) -> (line: Int, column: Int) {
        guard i < fieldLines.count else { return (recordLine, 0) }
        return (Int(fieldLines[i]), Int(fieldColumns[i]))
    }

    /// Makes sure at least `n` bytes are buffered unless the input ends first.
    @inline(__always)
    mutating func fill(_ n: Int) -> Bool {
        if end - pos >= n { return true }
        return refill(n)
    }

    private mutating func refill(_ n: Int) -> Bool {
        guard let f = file, !atEOF else { return end - pos >= n }
        let remaining = end - pos
        let from = pos
        if remaining > 0 && from > 0 {
            chunk.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + from, remaining)
            }
        }
        pos = 0
        end = remaining
        let have = end
        let got = chunk.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return fread(base + have, 1, raw.count - have, f)
        }
        end += got
        if got == 0 { atEOF = true }
        return end - pos >= n
    }

    private func error(_ message: String, line l: Int? = nil, column c: Int? = nil) -> InputError {
        InputError(file: name, line: l ?? line, column: c ?? column, message)
    }

    mutating func next() throws(InputError) -> Bool {
        values.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fieldColumns.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
        guard fill(1) else { return false }
        recordLine = line
        while true {
            try readField()
            // After a field: a comma (another field follows), a line end, or the end of input.
            guard fill(1) else { break }
            let b = chunk[pos]
            if b == 44 { pos += 1; column += 1; continue }  // ','
            if b == 13 { pos += 1; if fill(1), chunk[pos] == 10 { pos += 1 } }
            else if b == 10 { pos += 1 }
            line += 1
            column = 1
            break
        }
        recordCount += 1
        if let want = expectedFields {
            if ends.count != want {
                // A lone empty line is not a record; anything else of the wrong width is an error.
                if ends.count == 1 && ends[0] == 0 { return try next() }
                throw InputError(file: name, line: recordLine, column: Int(fieldColumns.last ?? 1),
                                 "expected \(want) fields, found \(ends.count)")
            }
        } else {
            expectedFields = ends.count
        }
        return true
    }

    private mutating func readField() throws(InputError) {
        fieldColumns.append(Int32(column))
        fieldLines.append(Int32(line))
        guard fill(1) else { ends.append(values.count); return }
        if chunk[pos] == 34 { try readQuoted() } else { readUnquoted() }
        ends.append(values.count)
    }

    private mutating func readQuoted() throws(InputError) {
        let openLine = line, openColumn = column
        pos += 1; column += 1
        while true {
            guard fill(1) else {
                throw error("unterminated quoted field (the quote opened here is never closed)", line: openLine, column: openColumn)
            }
            let b = chunk[pos]
            if b == 34 {
                if fill(2), chunk[pos + 1] == 34 { values.append(34); pos += 2; column += 2; continue }
                pos += 1; column += 1
                if fill(1) {
                    let n = chunk[pos]
                    if n != 44 && n != 10 && n != 13 { throw error("expected a comma or a line end after the closing quote") }
                }
                return
            }
            values.append(b)
            pos += 1
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// Scans to the next comma or line end, refilling the chunk as needed.
    private mutating func readUnquoted() {
        while true {
            if pos >= end { guard fill(1) else { return } }
            let start = pos
            let stopAt = end
            var stop = start
            var cols = 0
            var found = false
            chunk.withUnsafeBufferPointer { p in
                while stop < stopAt {
                    let b = p[stop]
                    if b == 44 || b == 10 || b == 13 { found = true; break }
                    cols &+= Int(truncatingIfNeeded: (b & 0xC0) != 0x80 ? 1 : 0)
                    stop += 1
                }
                values.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<stop]))
            }
            column += cols
            pos = stop
            if found { return }
        }
    }
}
