#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// Follows a help-desk export (a file, or every `.csv` file in a folder) as it changes, and
/// hands back the tickets whose content changed since it last looked. It reads each file
/// exactly as `opsdeck import` does (`TicketCSV.read`: the header's profile, the time formats,
/// the quality gates), but never the whole file twice when it grows:
///
/// - a file that grew is read from the byte it stopped at, up to the last complete record,
///   behind its remembered header (and blank lines, so gate messages name the file's own line);
/// - a file that shrank, was replaced, or whose start changed is read again whole, and only
///   rows whose content differs from what the reader knows (a hash per ticket) come back;
/// - a new file in the folder is read whole, the same way.
///
/// A row a hard gate refuses is left out and named (`file:line:column: what was expected`),
/// so its ticket keeps its last good state; a structural error (a broken quote, a row of the
/// wrong width) refuses the whole read, and the file is tried again when it changes.
public struct LiveIngestReader: Sendable {
    /// What one look found.
    public struct Read: Sendable {
        /// Changed or new tickets, one per id (the last row read wins).
        public var changed: [Ticket] = []
        /// One line per file that failed a gate or could not be read.
        public var errors: [String] = []
        /// Rows read (passed or refused) across files.
        public var rowsRead = 0
        /// Files read whole this time (new, rewritten or truncated).
        public var fullReads: [String] = []
    }

    package struct FollowedFile: Sendable {
        package var header: [UInt8]
        /// Bytes read and physical lines they hold.
        package var offset: Int
        package var lines: Int
        package var device: UInt64
        package var inode: UInt64
        /// The first bytes as last read, to notice a rewrite that kept or grew the size.
        package var head: [UInt8]
        /// The last bytes read, checked too, so an edit just before the end is a rewrite.
        package var tail: [UInt8]
        package var modified: Int64
        package var endsWithNewline: Bool
        package var dateOrder: DateOrder?
        package var utf8: Bool
    }

    public let path: String
    public var options: TicketCSV.Options
    /// Per ticket id: a hash of its content as last seen (the store's, then the files').
    package var known: [String: UInt64]
    package var files: [String: FollowedFile] = [:]
    package static let headBytes = 4096

    /// `known`: the tickets the store already holds, so a first read passes on only what differs.
    public init(path: String, options: TicketCSV.Options, known tickets: [Ticket]) {
        self.path = path
        self.options = options
        var k: [String: UInt64] = [:]
        k.reserveCapacity(tickets.count)
        for t in tickets { k[t.id] = Self.hash(t) }
        known = k
    }

    /// Whether `path` names a folder (every `.csv` in it is followed).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The files followed now: `path` itself, or the folder's `.csv` files by name.
    public func paths() -> [String] {
        guard Self.isDirectory(path) else { return [path] }
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name.lowercased().hasSuffix(".csv") else { continue }
            out.append(path.hasSuffix("/") ? path + name : path + "/" + name)
        }
        return out.sorted()
    }

    /// Looks at every followed file once.
    public mutating func poll() -> Read {
        var read = Read()
        var byId: [String: Int] = [:]
        let present = paths()
        for p in present {
            var one = Read()
            follow(p, into: &one)
            read.errors += one.errors
            read.rowsRead += one.rowsRead
            read.fullReads += one.fullReads
            for t in one.changed {
                if let k = byId[t.id] { read.changed[k] = t } else { byId[t.id] = read.changed.count; read.changed.append(t) }
            }
        }
        for gone in files.keys where !present.contains(gone) { files[gone] = nil }
        return read
    }

    private mutating func follow(_ p: String, into read: inout Read) {
        var info = stat()
        guard stat(p, &info) == 0 else {
            if p == path { read.errors.append("\(p): cannot be read (\(String(cString: strerror(errno))))") }
            return
        }
        let size = Int(info.st_size), device = UInt64(info.st_dev), inode = UInt64(info.st_ino)
        let modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        guard var f = files[p] else { return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read) }
        // Replaced, truncated, or not UTF-8 (whose chunks cannot be cut by bytes): read whole.
        if f.device != device || f.inode != inode || size < f.offset { return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read) }
        // The same size with a new modification time: rewritten in place ("Open" → "Hold").
        if size == f.offset, modified != f.modified { return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read) }
        guard size > f.offset else { return }
        if !f.utf8 { return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read) }
        guard let head = Self.bytes(p, from: 0, count: min(Self.headBytes, f.offset)), head == f.head,
              let tail = Self.bytes(p, from: f.offset - f.tail.count, count: f.tail.count), tail == f.tail else {
            return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read)
        }
        guard var chunk = Self.bytes(p, from: f.offset, count: size - f.offset) else {
            read.errors.append("\(p): cannot be read (\(String(cString: strerror(errno))))")
            return
        }
        var skipped = 0
        if !f.endsWithNewline {
            // The last record had no line end: a writer that now ends it goes on; one that
            // extended the line rewrote a row, so the file is read again whole.
            if chunk.first == 10 { skipped = 1 } else if chunk.starts(with: [13, 10]) { skipped = 2 } else {
                return fullRead(p, size: size, device: device, inode: inode, modified: modified, into: &read)
            }
            chunk.removeFirst(skipped)
            f.tail += [UInt8](skipped == 1 ? [10] : [13, 10])
            f.endsWithNewline = true
        }
        guard let end = Self.lastRecordEnd(chunk) else {
            return  // the writer is mid-record: wait for the line's end
        }
        let piece = Array(chunk[0..<end])
        var bytes = f.header
        bytes.append(contentsOf: [UInt8](repeating: 10, count: max(0, f.lines - 1)))
        bytes += piece
        var options = self.options
        options.dateOrder = options.dateOrder ?? f.dateOrder
        guard let tickets = parse(bytes, name: p, options: options, into: &read) else { return }
        f.offset += skipped + end
        f.tail = Array((f.tail + chunk[0..<end]).suffix(Self.headBytes))
        f.modified = modified
        f.lines += piece.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        files[p] = f
        keepChanged(tickets, into: &read)
    }

    private mutating func fullRead(_ p: String, size: Int, device: UInt64, inode: UInt64, modified: Int64, into read: inout Read) {
        guard let bytes = Self.bytes(p, from: 0, count: size) else {
            read.errors.append("\(p): cannot be read (\(String(cString: strerror(errno))))")
            return
        }
        read.fullReads.append(p)
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(Self.headBytes).contains(0)
        var parsedOrder: DateOrder?
        guard let tickets = parse(bytes, name: p, options: options, into: &read, order: &parsedOrder) else { return }
        let headerEnd = (bytes.firstIndex(of: 10).map { $0 + 1 }) ?? bytes.count
        files[p] = FollowedFile(header: Array(bytes[0..<headerEnd]), offset: bytes.count,
                                lines: bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }, device: device, inode: inode,
                                head: Array(bytes.prefix(Self.headBytes)), tail: Array(bytes.suffix(Self.headBytes)),
                                modified: modified, endsWithNewline: bytes.last == 10 || bytes.isEmpty,
                                dateOrder: parsedOrder, utf8: !utf16)
        keepChanged(tickets, into: &read)
    }

    private func parse(_ bytes: [UInt8], name: String, options: TicketCSV.Options, into read: inout Read) -> [Ticket]? {
        var order: DateOrder?
        return parse(bytes, name: name, options: options, into: &read, order: &order)
    }

    /// The import's own reading; hard refusals are named (the first one) and left out.
    private func parse(_ bytes: [UInt8], name: String, options: TicketCSV.Options, into read: inout Read,
                       order: inout DateOrder?) -> [Ticket]? {
        let result: TicketCSV.Result
        do {
            result = try TicketCSV.read(CSVReader(bytes: bytes, name: name), options: options)
        } catch {
            read.errors.append(error.description)
            return nil
        }
        read.rowsRead += result.report.rowsRead
        if let first = result.report.findings.first(where: { $0.hard })?.examples.first {
            let more = result.report.findings.filter(\.hard).reduce(0) { $0 + $1.count } - 1
            read.errors.append(first + (more > 0 ? " (and \(more) more row\(more == 1 ? "" : "s") left out)" : ""))
        }
        order = options.dateOrder ?? Self.provenOrder(result.report)
        return result.tickets
    }

    /// The day/month order the import proved for the file, from its report's time note, so
    /// an appended chunk too small to prove it is read the same way.
    package static func provenOrder(_ report: GateReport) -> DateOrder? {
        guard let note = report.notes.first(where: { $0.hasPrefix("times read as") }) else { return nil }
        if note.contains("month first") { return .mdy }
        if note.contains("day first") { return .dmy }
        return nil
    }

    private mutating func keepChanged(_ tickets: [Ticket], into read: inout Read) {
        for t in tickets {
            let h = Self.hash(t)
            guard known[t.id] != h else { continue }
            known[t.id] = h
            read.changed.append(t)
        }
    }

    /// The end (exclusive) of the last complete record: just past the last line end that is
    /// outside quotes. Nil when no record is complete yet.
    package static func lastRecordEnd(_ b: [UInt8]) -> Int? {
        var quoted = false, end: Int?
        for (i, c) in b.enumerated() {
            if c == 34 { quoted.toggle() } else if c == 10, !quoted { end = i + 1 }
        }
        return end
    }

    package static func bytes(_ p: String, from offset: Int, count: Int) -> [UInt8]? {
        let fd = open(p, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 { return nil }
            if n == 0 { break }
            done += n
        }
        return done == count ? out : Array(out[0..<done])
    }

    /// FNV-1a over every field a ticket carries: equal hashes, same content (for this purpose).
    package static func hash(_ t: Ticket) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0x1f) &* 0x100_0000_01b3
        }
        func mix(_ v: Int64?) { mix(v.map { String($0) } ?? "-") }
        mix(t.id); mix(t.createdAt); mix(t.priority); mix(t.channel); mix(t.type); mix(t.product); mix(t.status)
        mix(t.state.rawValue); mix(t.firstResponseAt); mix(t.resolvedAt); mix(t.customerKey ?? "-")
        mix(t.satisfaction.map { String($0) } ?? "-"); mix(t.subject ?? "-"); mix(t.requesterEmail ?? "-")
        return h
    }
}
