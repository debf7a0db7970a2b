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
    var here: (line: Int, column: Int) { position(at: pos - recordStart) }

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
}
