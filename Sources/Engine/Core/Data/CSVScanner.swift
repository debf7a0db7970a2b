#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The RFC 4180 state machine behind `CSVReader`: one chunk of input, one record of
/// unescaped field bytes, and the line/column bookkeeping for error messages.
package struct CSVScanner {
    package let name: String
    package let file: UnsafeMutablePointer<FILE>?
    /// UTF-8 text: the file's own bytes, or what a UTF-16 / Windows-1252 file transcodes to.
    package var chunk: [UInt8]
    package var pos = 0
    /// The scanner reads `chunk[pos..<end]`.
    package var end = 0
    /// Bytes held in `chunk`; `filled - end` is a UTF-8 character cut by the chunk edge.
    package var filled = 0
    /// True once nothing more will become readable (input used up, or stopped at an error).
    package var atEOF = false
    /// The file has no more bytes to give.
    package var sourceEOF = false

    package let encoding: TextEncoding
    package let byteOrderMark: Bool
    /// Undecoded bytes of a transcoded file.
    package var raw: [UInt8] = []
    package var rawCount = 0
    /// An encoding problem at `end`, thrown with the line and column when the reader gets there.
    package var pendingError: String?
    /// The file cannot be read at all (UTF-32, a workbook, binary): thrown before any record.
    package let unreadable: String?

    /// Where the current record starts in `chunk`. A refill keeps the record from here on,
    /// so its fields stay views into the chunk: nothing is copied per field.
    package var recordStart = 0
    /// Line of `recordStart` (positions in messages are counted from it).
    package var startLine = 1
    /// Per field, offsets from `recordStart`: where its raw text starts (a quote, for a quoted
    /// field) and where its content starts and ends. A quoted field with `""` in it is
    /// unescaped into `values`; its `lo` is then `~start` in `values` (negative). One array
    /// of spans, not three of offsets: each append checks its array is uniquely held, and
    /// three per field were ≈ 4 % of a ticket import.
    package struct Span {
        package var raw: Int
        package var lo: Int
        package var hi: Int
        @inline(__always) init(_ raw: Int, _ lo: Int, _ hi: Int) { self.raw = raw; self.lo = lo; self.hi = hi }
    }
    package var spans: [Span] = []
    /// Unescaped bytes of the fields whose quotes needed it, back to back.
    package var values: [UInt8] = []

    package var recordLine = 0
    package var recordCount = 0
    package var expectedFields: Int?

    /// Line of `pos`; columns are counted only when a message needs one (`position(at:)`).
    package var line = 1

    /// Bytes dropped from the front of `chunk` by refills: `droppedBytes + pos` is how far
    /// into the (UTF-8) text the scanner is.
    package var droppedBytes = 0
    /// The input's size in bytes (the file's, or the bytes given), for `estimatedRecords`.
    package var sourceSize = 0

    /// Streams a file: sniffs the encoding from its first chunk, unless one is given.
    package init(name: String, file: UnsafeMutablePointer<FILE>, chunkSize: Int, encoding given: TextEncoding?) {
        self.name = name
        self.file = file
        var chunk = [UInt8](repeating: 0, count: max(64, chunkSize))
        let got = chunk.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return fread(base, 1, raw.count, file)
        }
        let sniff = chunk.withUnsafeBufferPointer { EncodingSniff.sniff(UnsafeBufferPointer(rebasing: $0[0..<got])) }
        let (enc, bom, bad) = Self.choose(sniff, given, chunk, got)
        self.chunk = chunk
        encoding = enc
        byteOrderMark = bom > 0
        unreadable = bad
        filled = got
        sourceEOF = got == 0
        var info = stat()
        if fstat(fileno(file), &info) == 0 { sourceSize = Int(info.st_size) }
        start(bom: bom)
    }

    /// Bytes already in memory: transcoded whole when they are not UTF-8.
    package init(name: String, bytes: [UInt8], encoding given: TextEncoding?) {
        self.name = name
        file = nil
        let sniff = bytes.withUnsafeBufferPointer { EncodingSniff.sniff($0) }
        let (enc, bom, bad) = Self.choose(sniff, given, bytes, bytes.count)
        encoding = enc
        byteOrderMark = bom > 0
        unreadable = bad
        sourceEOF = true
        chunk = bytes
        filled = bytes.count
        sourceSize = bytes.count
        if enc != .utf8 {
            // Every raw byte becomes at most 3 UTF-8 bytes (a UTF-16 pair: 4 for 4).
            chunk = [UInt8](repeating: 0, count: max(64, 3 * bytes.count + 4))
            filled = 0
        }
        start(bom: bom)
        if enc != .utf8 {
            raw = bytes
            raw.removeFirst(min(bom, raw.count))
            rawCount = raw.count
            transcodeStep()
        }
    }

    private mutating func start(bom: Int) {
        if unreadable != nil { atEOF = true; return }
        if encoding == .utf8 {
            pos = min(bom, filled)
            end = pos
            validateNew()
            if sourceEOF && end == filled { atEOF = true }
        } else if file != nil {
            // The first chunk goes through the transcoder like every later one.
            raw = [UInt8](repeating: 0, count: chunk.count)
            let n = max(0, filled - bom)
            for k in 0..<n { raw[k] = chunk[bom + k] }
            rawCount = n
            filled = 0
            end = 0
            pos = 0
            transcodeStep()
        }
    }

    private static func choose(_ sniff: EncodingSniff, _ given: TextEncoding?, _ bytes: [UInt8], _ count: Int)
        -> (TextEncoding, bom: Int, unreadable: String?) {
        if let given {
            let marks: [TextEncoding: [UInt8]] = [.utf8: [0xEF, 0xBB, 0xBF], .utf16LE: [0xFF, 0xFE], .utf16BE: [0xFE, 0xFF]]
            let mark = marks[given] ?? []
            let has = !mark.isEmpty && count >= mark.count && mark.indices.allSatisfy { bytes[$0] == mark[$0] }
            return (given, has ? mark.count : 0, nil)
        }
        switch sniff {
        case .text(let e, let bom): return (e, bom, nil)
        case .unsupported(let message): return (.utf8, 0, message)
        }
    }

    /// The error for an unreadable file, before any record is read.
    package var unreadableError: InputError? {
        unreadable.map { InputError(file: name, line: 1, column: 0, $0) }
    }

    /// Checks the UTF-8 from `end` on and moves `end` past every complete valid character.
    private mutating func validateNew() {
        let from = end, to = filled
        let (validEnd, invalid) = chunk.withUnsafeBufferPointer { UTF8Text.validate($0, from: from, to: to) }
        end = validEnd
        if let bad = invalid {
            let hex = String(chunk[bad], radix: 16, uppercase: true)
            pendingError = "the file is not valid UTF-8 here (byte 0x\(hex)); saved as Excel's plain 'CSV' it is probably Windows-1252: save it as 'CSV UTF-8', or read it as windows-1252 (--encoding windows-1252)"
            atEOF = true
        } else if sourceEOF && validEnd < filled {
            pendingError = "the file ends inside a UTF-8 character (it was cut short, or it is not UTF-8)"
            atEOF = true
        }
    }

    /// Reads more of a transcoded file into `raw` and converts what fits into `chunk`.
    private mutating func transcodeStep() {
        if let f = file, !sourceEOF {
            let room = chunk.count - filled
            let want = encoding == .windows1252 ? room / 3 : (room / 3) * 2
            let toRead = min(raw.count - rawCount, max(0, want - rawCount))
            if toRead > 0 {
                let have = rawCount
                let got = raw.withUnsafeMutableBytes { r -> Int in
                    guard let base = r.baseAddress else { return 0 }
                    return fread(base + have, 1, toRead, f)
                }
                rawCount += got
                if got == 0 { sourceEOF = true }
            }
        }
        let count = rawCount, at = filled
        let r = raw.withUnsafeBufferPointer { rp in
            chunk.withUnsafeMutableBufferPointer { cp in
                UTF8Text.transcode(UnsafeBufferPointer(rebasing: rp[0..<count]), from: encoding,
                                   into: UnsafeMutableBufferPointer(rebasing: cp[at...]))
            }
        }
        filled += r.written
        end = filled
        if r.consumed > 0 {
            let left = rawCount - r.consumed
            raw.withUnsafeMutableBytes { b in
                guard let base = b.baseAddress else { return }
                memmove(base, base + r.consumed, left)
            }
            rawCount = left
        }
        if r.bad {
            pendingError = "an unpaired UTF-16 surrogate here; the file is not valid \(encoding.rawValue)"
            atEOF = true
        } else if sourceEOF && (r.written == 0 || file == nil) {
            if rawCount > 0 { pendingError = "the file ends in the middle of a \(encoding.rawValue) character" }
            atEOF = true
        }
    }

    /// Where the scanner is.
    private var here: (line: Int, column: Int) { position(at: pos - recordStart) }

    /// Makes sure at least `n` bytes are buffered unless the input ends first.
    @inline(__always)
    package mutating func fill(_ n: Int) -> Bool {
        if end - pos >= n { return true }
        return refill(n)
    }

    private mutating func refill(_ n: Int) -> Bool {
        guard let f = file else { return end - pos >= n }
        while end - pos < n && !atEOF {
            // Keep the current record (its fields are views) and a cut character at the front.
            let from = recordStart
            let keep = filled - from
            if from > 0 {
                if keep > 0 {
                    chunk.withUnsafeMutableBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        memmove(base, base + from, keep)
                    }
                }
                end -= from
                pos -= from
                filled = keep
                recordStart = 0
                droppedBytes += from
            }
            // A record longer than most of the chunk: the chunk grows to hold it.
            if chunk.count - filled < chunk.count / 4 {
                chunk.append(contentsOf: repeatElement(0, count: chunk.count))
            }
            if encoding != .utf8 { transcodeStep(); continue }
            let have = filled
            let got = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return fread(base + have, 1, raw.count - have, f)
            }
            filled += got
            if got == 0 { sourceEOF = true }
            validateNew()
            if sourceEOF && end == filled { atEOF = true }
        }
        return end - pos >= n
    }

    /// Throws the encoding error waiting where the readable text stops, if any. Kept out
    /// of line: it runs once per file, and inlined it slows the byte loops around it.
    @inline(never)
    private func throwPending(orUnreadable: Bool = false) throws(InputError) {
        if let m = pendingError {
            let p = here
            throw InputError(file: name, line: p.line, column: p.column, m)
        }
        if orUnreadable, let e = unreadableError { throw e }
    }

    private func error(_ message: String, at p: (line: Int, column: Int)) -> InputError {
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
