#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader: quoted fields with commas, quotes (`""`) and newlines,
/// CRLF or LF line ends, empty fields; UTF-8 with or without a byte-order mark, UTF-16
/// (transcoded as it streams) and Windows-1252 on request (see `TextEncoding`). It holds one
/// chunk of the file and one record at a time, so a file of any size reads in constant memory.
///
/// Structure errors (an unterminated quote, text after a closing quote, a row with the wrong
/// number of fields) throw `InputError` with the line and column; what the fields *mean* is
/// the caller's business.
public final class CSVReader {
    public let name: String
    /// Where the records come from, so `reopened()` can start over.
    private enum Source { case path(String, TextEncoding?, Int), bytes([UInt8], TextEncoding?) }
    private let source: Source
    /// All parse state lives in one struct so the byte loop runs on a single exclusive
    /// access per record, not one runtime exclusivity check per byte.
    /// Unchecked: the reader is used from one thread, and the dynamic check on every field
    /// access of a class's stored property cost more than the field itself.
    @exclusivity(unchecked) private var scanner: CSVScanner

    /// Opens a file for streaming. The encoding is detected (UTF-8 with or without a
    /// byte-order mark, UTF-16LE/BE with a mark or by their NUL pattern) unless given;
    /// a UTF-32, workbook or binary file throws here, naming what it looks like.
    public init(path: String, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) throws(InputError) {
        guard let f = fopen(path, "rb") else {
            throw InputError(file: path, line: 0, column: 0, "cannot open the file (\(String(cString: strerror(errno))))")
        }
        name = path
        source = .path(path, encoding, chunkSize)
        scanner = CSVScanner(name: path, file: f, chunkSize: chunkSize, encoding: encoding)
        if let e = scanner.unreadableError { throw e }
    }

    /// Reads from bytes already in memory (tests, small uploads). Encoding as for a file;
    /// an unreadable one throws from the first `next()`.
    public init(bytes: [UInt8], name: String, encoding: TextEncoding? = nil) {
        self.name = name
        source = .bytes(bytes, encoding)
        scanner = CSVScanner(name: name, bytes: bytes, encoding: encoding)
    }

    /// A fresh reader over the same file or bytes, from the first record: for a pre-pass
    /// (finding a time column's format) before the pass that keeps rows. Bytes are shared,
    /// not copied.
    public func reopened() throws(InputError) -> CSVReader {
        switch source {
        case .path(let p, let e, let c): return try CSVReader(path: p, encoding: e, chunkSize: c)
        case .bytes(let b, let e): return CSVReader(bytes: b, name: name, encoding: e)
        }
    }

    public convenience init(text: String, name: String = "<text>") {
        self.init(bytes: Array(text.utf8), name: name)
    }

    deinit {
        if let f = scanner.file { fclose(f) }
    }

    /// The encoding the file is read in (detected or given).
    public var encoding: TextEncoding { scanner.encoding }
    /// Whether the file starts with a byte-order mark.
    public var hasByteOrderMark: Bool { scanner.byteOrderMark }
    /// For the import report when the file is not plain UTF-8, e.g. "read as UTF-16LE
    /// (byte-order mark), converted to UTF-8"; nil for UTF-8 without a mark.
    public var encodingNote: String? {
        switch (scanner.encoding, scanner.byteOrderMark) {
        case (.utf8, false): return nil
        case (.utf8, true): return "read as UTF-8 (with a byte-order mark, as Excel's 'CSV UTF-8' writes)"
        case (let e, let bom): return "read as \(e.rawValue)\(bom ? " (byte-order mark)" : e == .windows1252 ? " (as asked)" : " (detected, no byte-order mark)"), converted to UTF-8"
        }
    }

    /// Line on which the current record starts.
    public var recordLine: Int { scanner.recordLine }
    /// Records read so far (the header counts).
    public var recordCount: Int { scanner.recordCount }
    /// Field count every record must have (set from the first record unless given).
    public var expectedFields: Int? {
        get { scanner.expectedFields }
        set { scanner.expectedFields = newValue }
    }

    /// How many records the whole input probably holds, from the bytes per record read so
    /// far (nil before any): for reserving the importers' arrays once instead of growing
    /// them (each doubling copied the rows and touched fresh pages: ≈ 12 % of a 1 M-row
    /// import). Only an estimate: a transcoded file's sizes differ, rows differ in length.
    package var estimatedRecords: Int? {
        let read = scanner.droppedBytes + scanner.pos
        guard scanner.recordCount > 0, read > 0, scanner.sourceSize > 0 else { return nil }
        let perRecord = Double(read) / Double(scanner.recordCount)
        return Int(min(Double(scanner.sourceSize) / perRecord, Double(Int32.max)))
    }

    /// Reads the next record. Returns false at the end of the input.
    public func next() throws(InputError) -> Bool { try scanner.next() }

    // MARK: - Field access

    public var fieldCount: Int { scanner.spans.count }

    /// The field's bytes as read (quotes undone), valid only inside `body`.
    @inline(__always)
    package func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { scanner.withField(i, body) }

    /// True when the field is empty (missing).
    @inline(__always)
    public func isEmpty(_ i: Int) -> Bool { scanner.length(i) == 0 }

    public func string(_ i: Int) -> String {
        scanner.withField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The field's bytes without surrounding spaces and tabs (valid only inside `body`).
    @inline(__always)
    public func withTrimmedBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        scanner.withField(i) { p in
            var lo = 0, hi = p.count
            while lo < hi, p[lo] == 32 || p[lo] == 9 { lo += 1 }
            while hi > lo, p[hi - 1] == 32 || p[hi - 1] == 9 { hi -= 1 }
            return body(UnsafeBufferPointer(rebasing: p[lo..<hi]))
        }
    }

    /// The field's text, or nil when empty or only spaces.
    public func text(_ i: Int) -> String? {
        withTrimmedBytes(i) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
    }

    /// The field as a label of `C`: exact bytes first, then the forgiving match of `Category.parse`.
    public func category<C: Category>(_ i: Int, _ type: C.Type) -> Parsed<C> {
        let exact: C?? = withTrimmedBytes(i) { b -> C?? in
            if b.isEmpty { return .some(nil) }
            for c in C.allCases {
                var label = c.rawValue
                let same = label.withUTF8 { u in
                    guard u.count == b.count, let x = u.baseAddress, let y = b.baseAddress else { return u.count == b.count }
                    return memcmp(x, y, u.count) == 0
                }
                if same { return .some(c) }
            }
            return nil
        }
        switch exact {
        case .some(.some(let c)): return .value(c)
        case .some(.none): return .missing
        case .none:
            guard let text = text(i) else { return .missing }
            return C.parse(Substring(text)).map { .value($0) } ?? .invalid
        }
    }

    /// All fields as strings (headers, small files).
    public var strings: [String] { (0..<fieldCount).map(string) }

    /// Where field `i` of the current record starts.
    public func position(_ i: Int) -> (line: Int, column: Int) { scanner.position(i) }

    /// An error pointing at field `i` of the current record.
    public func error(field i: Int, _ message: String) -> InputError {
        let p = position(i)
        return InputError(file: name, line: p.line, column: p.column, message)
    }
}
