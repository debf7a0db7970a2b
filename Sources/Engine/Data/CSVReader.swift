#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader: quoted fields with commas, quotes (`""`) and newlines,
/// CRLF or LF line ends, a UTF-8 byte-order mark, empty fields. It holds one chunk of the
/// file and one record at a time, so a file of any size reads in constant memory.
///
/// Structure errors (an unterminated quote, text after a closing quote, a row with the wrong
/// number of fields) throw `InputError` with the line and column; what the fields *mean* is
/// the caller's business.
public final class CSVReader {
    public let name: String
    private let file: UnsafeMutablePointer<FILE>?
    private var chunk: [UInt8]
    private var pos = 0
    private var end = 0
    private var atEOF = false

    /// Unescaped bytes of the current record's fields, back to back.
    private(set) var values: [UInt8] = []
    /// End offset in `values` of each field.
    private(set) var ends: [Int] = []
    /// 1-based column where each field starts, and the line it starts on.
    private var fieldColumns: [Int32] = []
    private var fieldLines: [Int32] = []

    /// Line on which the current record starts.
    public private(set) var recordLine = 0
    /// Records read so far (the header counts).
    public private(set) var recordCount = 0
    /// Field count every record must have (set from the first record unless given).
    public var expectedFields: Int?

    private var line = 1
    private var column = 1

    /// Opens a file for streaming.
    public init(path: String, chunkSize: Int = 1 << 20) throws(InputError) {
        guard let f = fopen(path, "rb") else {
            throw InputError(file: path, line: 0, column: 0, "cannot open the file (\(String(cString: strerror(errno))))")
        }
        name = path
        file = f
        chunk = [UInt8](repeating: 0, count: max(64, chunkSize))
        skipBOM()
    }

    /// Reads from bytes already in memory (tests, small uploads).
    public init(bytes: [UInt8], name: String) {
        self.name = name
        file = nil
        chunk = bytes
        end = bytes.count
        atEOF = true
        skipBOM()
    }

    public convenience init(text: String, name: String = "<text>") {
        self.init(bytes: Array(text.utf8), name: name)
    }

    deinit {
        if let f = file { fclose(f) }
    }

    private func skipBOM() {
        if !fill(3) { return }
        if end - pos >= 3, chunk[pos] == 0xEF, chunk[pos + 1] == 0xBB, chunk[pos + 2] == 0xBF { pos += 3 }
    }

    /// Makes sure at least `n` bytes are buffered unless the file ends first.
    @discardableResult
    private func fill(_ n: Int) -> Bool {
        if end - pos >= n { return true }
        guard let f = file, !atEOF else { return end - pos >= n }
        let remaining = end - pos
        if remaining > 0 && pos > 0 {
            chunk.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + pos, remaining)
            }
        }
        pos = 0
        end = remaining
        let got = chunk.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return fread(base + end, 1, raw.count - end, f)
        }
        end += got
        if got == 0 { atEOF = true }
        return end - pos >= n
    }

    private func error(_ message: String, line l: Int? = nil, column c: Int? = nil) -> InputError {
        InputError(file: name, line: l ?? line, column: c ?? column, message)
    }

    /// Reads the next record. Returns false at the end of the input.
    public func next() throws(InputError) -> Bool {
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

    private func readField() throws(InputError) {
        fieldColumns.append(Int32(column))
        fieldLines.append(Int32(line))
        guard fill(1) else { ends.append(values.count); return }
        if chunk[pos] == 34 {  // '"'
            let openLine = line, openColumn = column
            pos += 1; column += 1
            while true {
                guard fill(1) else {
                    throw error("unterminated quoted field (the quote opened here is never closed)",
                                line: openLine, column: openColumn)
                }
                let b = chunk[pos]
                if b == 34 {
                    if fill(2), chunk[pos + 1] == 34 { values.append(34); pos += 2; column += 2; continue }
                    pos += 1; column += 1
                    if fill(1) {
                        let n = chunk[pos]
                        if n != 44 && n != 10 && n != 13 {
                            throw error("expected a comma or a line end after the closing quote")
                        }
                    }
                    break
                }
                values.append(b)
                pos += 1
                if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
        } else {
            // Unquoted: scan to the next comma or line end within the buffer, refilling as needed.
            while true {
                if pos >= end { guard fill(1) else { break } }
                let start = pos
                var stop = pos
                var cols = 0
                var found = false
                chunk.withUnsafeBufferPointer { p in
                    while stop < end {
                        let b = p[stop]
                        if b == 44 || b == 10 || b == 13 { found = true; break }
                        if b & 0xC0 != 0x80 { cols += 1 }
                        stop += 1
                    }
                }
                values.append(contentsOf: chunk[start..<stop])
                column += cols
                pos = stop
                if found { break }
            }
        }
        ends.append(values.count)
    }

    // MARK: - Field access

    public var fieldCount: Int { ends.count }

    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// True when the field is empty (missing).
    @inline(__always)
    public func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

    public func string(_ i: Int) -> String { String(decoding: values[range(i)], as: UTF8.self) }

    /// The field's text, or nil when empty or only spaces.
    public func text(_ i: Int) -> String? {
        let s = string(i)
        let t = Substring(s).trimmingSpaces()
        return t.isEmpty ? nil : String(t)
    }

    /// All fields as strings (headers, small files).
    public var strings: [String] { (0..<ends.count).map(string) }

    /// Where field `i` of the current record starts.
    public func position(_ i: Int) -> (line: Int, column: Int) {
        guard i < fieldLines.count else { return (recordLine, 0) }
        return (Int(fieldLines[i]), Int(fieldColumns[i]))
    }

    /// An error pointing at field `i` of the current record.
    public func error(field i: Int, _ message: String) -> InputError {
        let p = position(i)
        return InputError(file: name, line: p.line, column: p.column, message)
    }
}
