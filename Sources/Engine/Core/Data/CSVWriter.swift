#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes RFC 4180 CSV with LF line ends, quoting only fields that need it. Buffered, so a
/// million rows write without a system call per field.
public final class CSVWriter {
    private var file: UnsafeMutablePointer<FILE>?
    private let isStandardOutput: Bool
    private let path: String
    private var buffer: [UInt8] = []
    /// Collected output when writing to memory.
    public private(set) var bytes: [UInt8] = []
    private let flushAt = 1 << 20

    /// Writes to a file (created or truncated); "-" means standard output.
    public init(path: String) throws(InputError) {
        self.path = path
        isStandardOutput = path == "-"
        if isStandardOutput {
            file = fdopen(1, "wb")
        } else {
            guard let f = fopen(path, "wb") else {
                throw InputError(file: path, line: 0, column: 0, "cannot write the file (\(String(cString: strerror(errno))))")
            }
            file = f
        }
        buffer.reserveCapacity(flushAt + 4096)
    }

    /// Writes to memory; read the result from `text` after `close()`.
    public init() {
        path = "<memory>"
        file = nil
        isStandardOutput = false
    }

    deinit { try? close() }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(row fields: [String]) {
        // Built in a local buffer: one exclusive access to `buffer` per row, not per byte.
        var row = [UInt8]()
        row.reserveCapacity(256)
        for (i, f) in fields.enumerated() {
            if i > 0 { row.append(44) }
            Self.append(field: f, to: &row)
        }
        row.append(10)
        buffer.append(contentsOf: row)
        if buffer.count >= flushAt { flush() }
    }

    /// Writes text as is (already CSV).
    public func writeRaw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushAt { flush() }
    }

    private static func append(field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { u in
            var needsQuotes = u.first == 32
            for b in u where b == 44 || b == 34 || b == 10 || b == 13 { needsQuotes = true; break }
            if !needsQuotes { out.append(contentsOf: u); return }
            out.append(34)
            // Copy the runs between quotes whole: long fields (prep scripts) are most of a run's CSV.
            var from = 0
            for i in 0..<u.count where u[i] == 34 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[from...i]))
                out.append(34)
                from = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[from...]))
            out.append(34)
        }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let f = file {
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress { _ = fwrite(base, 1, raw.count, f) }
            }
        } else {
            bytes.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; reports a failed write (disk full) as an error.
    public func close() throws(InputError) {
        flush()
        guard let f = file else { return }
        let failed = ferror(f) != 0
        // Standard output stays open for whatever prints after us.
        if isStandardOutput { fflush(f) } else { fclose(f) }
        file = nil
        if failed { throw InputError(file: path, line: 0, column: 0, "write failed (disk full or not writable)") }
    }
}
