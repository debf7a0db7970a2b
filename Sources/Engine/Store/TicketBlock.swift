import Core

/// A run of consecutive tickets stored as one blob of columns, so a dataset of millions of
/// tickets is a few dozen rows in the store rather than one row per ticket (at 10 M tickets
/// the row-per-ticket save was 31–38 s of SQLite's B-tree; the blocks take ≈ 2 s).
///
///     "OXT1"  rows: Int64
///     texts:  id, priority, channel, type, product, status, customer_key, subject,
///             requester_email, state: each a text column (below)
///     times:  created_at: rows × Int64; first_response_at, resolved_at: rows × UInt8
///             presence, then rows × Int64
///     satisfaction: rows × UInt8 presence, then rows × Float64 bit patterns
///
/// A text column is a dictionary when it has few distinct values (a desk's labels: kind 1,
/// the distinct texts, a code width of 1 or 2 bytes, then one code per row, 0 for none and
/// k for the k-th text), else plain (kind 2: one Int32 UTF-8 length per row, −1 for none,
/// the total byte count, then the bytes). Every integer is little-endian.
package enum TicketBlock {
    /// Rows per block: ≈ 15 MB of blob for a typical export, far under either database's
    /// value limit, and little held at once while saving or loading.
    package static let rows = 1 << 18
    /// Above this many distinct values a text column is stored plain (ids, e-mail addresses).
    package static let dictionaryLimit = 4096

    static let magic = "OXT1"

    package static func bytes(of tickets: ArraySlice<Ticket>) -> [UInt8] {
        // Columns read in place: iterating or mapping the slice copies each ticket with its
        // nine texts, fifteen times over (≈3 s of CPU beside a 10 M-ticket run).
        tickets.withUnsafeBufferPointer { b in
            var w = LittleEndianWriter<TicketBlockBytes>()
            w.magic(magic)
            w.int(b.count)
            text(&w, b) { $0.id }
            text(&w, b) { $0.priority }
            text(&w, b) { $0.channel }
            text(&w, b) { $0.type }
            text(&w, b) { $0.product }
            text(&w, b) { $0.status }
            text(&w, b) { $0.customerKey }
            text(&w, b) { $0.subject }
            text(&w, b) { $0.requesterEmail }
            text(&w, b) { $0.state.rawValue }
            w.raw(b.indices.map { b[$0].createdAt })
            optional(&w, b.indices.map { b[$0].firstResponseAt })
            optional(&w, b.indices.map { b[$0].resolvedAt })
            w.raw(b.indices.map { b[$0].satisfaction == nil ? UInt8(0) : 1 })
            w.raw(b.indices.map { (b[$0].satisfaction ?? 0).bitPattern })
            return w.bytes
        }
    }

    package static func tickets(_ bytes: [UInt8]) throws(StoreError) -> [Ticket] {
        var r = LittleEndianReader<TicketBlockBytes>(bytes)
        try r.expectMagic(magic)
        let n = try r.int()
        // Each row takes at least 18 bytes (its time, two presence bytes and a rating's), so a
        // damaged count cannot ask for more rows than the blob could hold.
        guard n >= 0, n <= bytes.count / 18 else { throw TicketBlockBytes.invalid("a block of \(n) rows in \(bytes.count) bytes") }
        let id = try TextColumn(&r, rows: n), priority = try TextColumn(&r, rows: n), channel = try TextColumn(&r, rows: n)
        let type = try TextColumn(&r, rows: n), product = try TextColumn(&r, rows: n), status = try TextColumn(&r, rows: n)
        let customer = try TextColumn(&r, rows: n), subject = try TextColumn(&r, rows: n), email = try TextColumn(&r, rows: n)
        let stateText = try TextColumn(&r, rows: n)
        let created = try r.raw(Int64.self, count: n)
        let (hasResponse, response) = (Array(try r.raw(count: n)), try r.raw(Int64.self, count: n))
        let (hasResolved, resolved) = (Array(try r.raw(count: n)), try r.raw(Int64.self, count: n))
        let (hasRating, rating) = (Array(try r.raw(count: n)), try r.raw(UInt64.self, count: n))
        guard r.isAtEnd else { throw TicketBlockBytes.invalid("\(bytes.count - r.at) bytes after the last column") }
        // A dictionary's states are read once each, not once per row.
        let states = try stateText.dictionaryValues { text throws(StoreError) in
            guard let s = TicketState(rawValue: text) else { throw TicketBlockBytes.invalid("unknown ticket state \(text)") }
            return s
        }
        var out: [Ticket] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            guard let id = try id.value(i), let priority = try priority.value(i), let channel = try channel.value(i),
                  let type = try type.value(i), let product = try product.value(i), let status = try status.value(i) else {
                throw TicketBlockBytes.invalid("row \(i) has no value in a column every ticket has")
            }
            let state: TicketState
            if let states {
                guard let s = states[Int(stateText.code(i))] else { throw TicketBlockBytes.invalid("row \(i) has no state") }
                state = s
            } else {
                guard let text = try stateText.value(i), let s = TicketState(rawValue: text) else {
                    throw TicketBlockBytes.invalid("row \(i) has no known state")
                }
                state = s
            }
            out.append(Ticket(id: id, createdAt: created[i], priority: priority, channel: channel, type: type, product: product,
                              status: status, state: state,
                              firstResponseAt: try present(hasResponse[i], i) ? response[i] : nil,
                              resolvedAt: try present(hasResolved[i], i) ? resolved[i] : nil,
                              customerKey: try customer.value(i),
                              satisfaction: try present(hasRating[i], i) ? Double(bitPattern: rating[i]) : nil,
                              subject: try subject.value(i), requesterEmail: try email.value(i)))
        }
        return out
    }

    private static func present(_ flag: UInt8, _ row: Int) throws(StoreError) -> Bool {
        switch flag {
        case 0: return false
        case 1: return true
        default: throw TicketBlockBytes.invalid("presence byte \(flag) in row \(row)")
        }
    }

    private static func optional(_ w: inout LittleEndianWriter<TicketBlockBytes>, _ values: [Int64?]) {
        w.raw(values.map { $0 == nil ? UInt8(0) : 1 })
        w.raw(values.map { $0 ?? 0 })
    }

    /// Writes one text column: a dictionary while the distinct values stay few, else plain.
    private static func text(_ w: inout LittleEndianWriter<TicketBlockBytes>, _ tickets: UnsafeBufferPointer<Ticket>,
                             _ value: (Ticket) -> String?) {
        var values: [String] = [], index: [String: Int] = [:]
        var codes: [UInt16] = []
        codes.reserveCapacity(tickets.count)
        var last: (text: String, code: UInt16)?
        for i in tickets.indices {
            guard let s = value(tickets[i]) else { codes.append(0); continue }
            // Consecutive tickets often share a label: one comparison instead of a hash.
            if let l = last, l.text == s { codes.append(l.code); continue }
            let k: Int
            if let known = index[s] {
                k = known
            } else {
                guard values.count < dictionaryLimit else { return plain(&w, tickets, value) }
                k = values.count
                values.append(s)
                index[s] = k
            }
            codes.append(UInt16(k + 1))
            last = (s, UInt16(k + 1))
        }
        w.u8(1)
        w.strings(values)
        if values.count < 255 {
            w.u8(1)
            w.raw(codes.map { UInt8(truncatingIfNeeded: $0) })
        } else {
            w.u8(2)
            w.raw(codes)
        }
    }

    private static func plain(_ w: inout LittleEndianWriter<TicketBlockBytes>, _ tickets: UnsafeBufferPointer<Ticket>,
                              _ value: (Ticket) -> String?) {
        var lengths: [Int32] = [], utf8: [UInt8] = []
        lengths.reserveCapacity(tickets.count)
        for i in tickets.indices {
            guard let s = value(tickets[i]) else { lengths.append(-1); continue }
            let before = utf8.count
            utf8.append(contentsOf: s.utf8)
            lengths.append(Int32(utf8.count - before))
        }
        w.u8(2)
        w.raw(lengths)
        w.int(utf8.count)
        w.rawBytes(utf8)
    }
}

/// One text column of a block as read: its dictionary or its plain bytes.
private struct TextColumn {
    private var dictionary: [String]?
    private var codes: [UInt16] = []
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var utf8: ArraySlice<UInt8> = []

    init(_ r: inout LittleEndianReader<TicketBlockBytes>, rows n: Int) throws(StoreError) {
        switch try r.u8() {
        case 1:
            let values = try r.strings()
            dictionary = values
            switch try r.u8() {
            case 1: codes = try r.raw(UInt8.self, count: n).map(UInt16.init)
            case 2: codes = try r.raw(UInt16.self, count: n)
            case let width: throw TicketBlockBytes.invalid("code width \(width)")
            }
            if let bad = codes.first(where: { Int($0) > values.count }) {
                throw TicketBlockBytes.invalid("code \(bad) for \(values.count) texts")
            }
        case 2:
            lengths = try r.raw(Int32.self, count: n)
            let total = try r.count(elementSize: 1)
            utf8 = try r.raw(count: total)
            starts.reserveCapacity(n)
            var at = utf8.startIndex
            for l in lengths {
                starts.append(at)
                guard l >= -1 else { throw TicketBlockBytes.invalid("text length \(l)") }
                at += max(0, Int(l))
            }
            guard at == utf8.endIndex else { throw TicketBlockBytes.invalid("texts of \(at - utf8.startIndex) bytes in \(total)") }
        case let kind:
            throw TicketBlockBytes.invalid("text column kind \(kind)")
        }
    }

    func code(_ row: Int) -> UInt16 { codes[row] }

    /// Each dictionary text made once (nil for no value at code 0); nil for a plain column.
    func dictionaryValues<T>(_ make: (String) throws(StoreError) -> T) throws(StoreError) -> [T?]? {
        guard let dictionary else { return nil }
        var out: [T?] = [nil]
        for text in dictionary { out.append(try make(text)) }
        return out
    }

    @inline(__always)
    func value(_ row: Int) throws(StoreError) -> String? {
        if let dictionary {
            let c = Int(codes[row])
            return c == 0 ? nil : dictionary[c - 1]
        }
        let l = Int(lengths[row])
        guard l >= 0 else { return nil }
        let s = starts[row]
        guard let text = String(validating: utf8[s..<(s + l)], as: UTF8.self) else {
            throw TicketBlockBytes.invalid("text in row \(row) is not UTF-8")
        }
        return text
    }
}

/// The ticket block's dialect of the engine's codec: a damaged block is a store error.
package enum TicketBlockBytes: ByteFormat {
    package static let lengthPrefixBytes = 4
    package static func truncated(at: Int) -> StoreError { StoreError("a ticket block is truncated at byte \(at)") }
    package static func invalid(_ what: String) -> StoreError { StoreError("a ticket block is damaged: \(what)") }
}
