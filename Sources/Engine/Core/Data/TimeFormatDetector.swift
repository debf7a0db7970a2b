/// Finds how one column writes its times by watching its cells in a streaming pass.
/// Feed it cells (`observe`) until `isSettled` or the column ends, then call `finish()`.
///
/// The day/month order of `NN/NN/YYYY` dates is proven by a cell with a number above 12
/// (`13/04/2024` is day first); the detector keeps the line of the first such cell. When a
/// column's numeric dates never prove the order and none was given, `finish()` throws,
/// naming a row that reads two ways.
public struct TimeFormatDetector: Sendable {
    public let file: String
    public let columnName: String
    /// The order the user gave (`--date-order`), which wins over the data.
    public let givenOrder: DateOrder?
    /// Readable cells to see before settling when nothing is left to prove.
    public let sample: Int

    public private(set) var cellsSeen = 0
    public private(set) var unreadable = 0

    /// Where the order was proven (first cell whose day is above 12), if it was.
    public private(set) var proof: (line: Int, column: Int, text: String, order: DateOrder)?
    private var contradiction: (line: Int, column: Int, text: String)?
    private var ambiguous: (line: Int, column: Int, text: String, first: Int, second: Int)?

    private var counts = [Int](repeating: 0, count: 6)
    /// Per shape: the first cell's fields with every optional part any cell had.
    private var merged = [TimeFields?](repeating: nil, count: 6)
    private var zonedCells = [Int](repeating: 0, count: 6)

    public init(file: String, column: String, order: DateOrder? = nil, sample: Int = 1000) {
        self.file = file
        self.columnName = column
        self.givenOrder = order
        self.sample = max(1, sample)
    }

    /// The order the data shows (or that was given); nil while unproven.
    public var order: DateOrder? { givenOrder ?? proof?.order }

    /// True once the pass may stop: enough cells seen and no day/month question open.
    public var isSettled: Bool {
        cellsSeen >= sample && (order != nil || ambiguous == nil)
    }

    /// Line of the cell that proved the day/month order, if any.
    public var proofLine: Int? { proof?.line }

    /// One cell's trimmed bytes, with where it is for messages. Empty cells are ignored.
    public mutating func observe(_ b: UnsafeBufferPointer<UInt8>, line: Int, column: Int) {
        observe(b) { (line, column) }
    }

    /// As above, asking where the cell is only when a message may need it.
    package mutating func observe(_ b: UnsafeBufferPointer<UInt8>, at place: () -> (line: Int, column: Int)) {
        guard !b.isEmpty else { return }
        guard let f = TimeParser.scan(b) else { unreadable += 1; return }
        cellsSeen += 1
        let k = Int(f.shape.rawValue)
        counts[k] += 1
        if f.hasZone { zonedCells[k] += 1 }
        if var m = merged[k] {
            m.hasTime = m.hasTime || f.hasTime
            m.hasSeconds = m.hasSeconds || f.hasSeconds
            m.hasFraction = m.hasFraction || f.hasFraction
            m.twelveHour = m.twelveHour || f.twelveHour
            m.hasZone = m.hasZone || f.hasZone
            merged[k] = m
        } else {
            merged[k] = f
        }
        guard f.shape == .numeric, f.first != f.second else { return }
        // Only a possible date is evidence: 13/04 proves day first, 13/00 or 45/04 proves nothing.
        let day = 13...31, month = 1...12
        let says: DateOrder? = day.contains(f.first) && month.contains(f.second) ? .dmy
            : (day.contains(f.second) && month.contains(f.first) ? .mdy : nil)
        if let says {
            if let p = proof {
                if p.order != says, contradiction == nil {
                    let (line, column) = place()
                    contradiction = (line, column, String(decoding: b, as: UTF8.self))
                }
            } else {
                let (line, column) = place()
                proof = (line, column, String(decoding: b, as: UTF8.self), says)
            }
        } else if ambiguous == nil, month.contains(f.first), month.contains(f.second) {
            let (line, column) = place()
            ambiguous = (line, column, String(decoding: b, as: UTF8.self), f.first, f.second)
        }
    }

    /// Field `i` of the reader's current record.
    public mutating func observe(_ reader: CSVReader, field i: Int) {
        guard i < reader.fieldCount else { return }
        reader.withTrimmedBytes(i) { observe($0) { reader.position(i) } }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// The column's format. Throws when numeric dates never show their order and none was
    /// given, or when the column proves both orders.
    public func finish() throws(InputError) -> TimeFormat {
        if givenOrder == nil, let p = proof, let c = contradiction {
            throw InputError(file: file, line: c.line, column: c.column,
                             "\(columnName): '\(TerminalText.safe(c.text))' is \(p.order == .dmy ? "month" : "day") first but line \(p.line) '\(TerminalText.safe(p.text))' is \(p.order == .dmy ? "day" : "month") first; pass --date-order dmy or mdy (rows of the other order are then reported)")
        }
        if order == nil, let a = ambiguous {
            let names = Self.monthNames
            throw InputError(file: file, line: a.line, column: a.column,
                             "\(columnName): '\(TerminalText.safe(a.text))' could be \(a.first) \(names[a.second - 1]) or \(a.second) \(names[a.first - 1]) (no date in the column has a day above 12); pass --date-order dmy or mdy")
        }
        return TimeFormat(order: order, name: name)
    }

    /// "ISO 8601 with zone (YYYY-MM-DD HH:MM:SS ±hh:mm)", "DD/MM/YYYY HH:MM (day first, line 7 has '13/04/2024')".
    package var name: String {
        guard cellsSeen > 0, let top = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
              let f = merged[top] else { return "no readable times" }
        var text: String
        var pattern = f.pattern
        if f.shape == .numeric {
            let (a, b) = order == .mdy ? ("MM", "DD") : ("DD", "MM")
            if let r = pattern.range(of: "NN") { pattern.replaceSubrange(r, with: a) }
            if let r = pattern.range(of: "NN") { pattern.replaceSubrange(r, with: b) }
        }
        switch f.shape {
        case .unixSeconds, .unixMilliseconds:
            text = pattern
        case .yearFirst where f.separator == 45:
            let zoned = zonedCells[top]
            let kind = zoned == counts[top] ? "ISO 8601 with zone" : (zoned == 0 ? "ISO 8601 without zone (desk's local time)" : "ISO 8601, \(zoned) of \(counts[top]) with zone")
            text = "\(kind) (\(pattern))"
        case .numeric:
            let first = order == .mdy ? "month first" : "day first"
            if let g = givenOrder {
                text = "\(pattern) (\(g == .mdy ? "month" : "day") first, as --date-order \(g.rawValue))"
            } else if let p = proof {
                text = "\(pattern) (\(first), line \(p.line) has '\(TerminalText.safe(p.text))')"
            } else {
                text = "\(pattern) (every date reads the same either way)"
            }
        case .dotted:
            text = "\(pattern) (day first)"
        default:
            text = pattern
        }
        let others = cellsSeen - counts[top]
        if others > 0 { text += "; \(others) cell\(others == 1 ? "" : "s") in other layouts" }
        return text
    }
}

extension TimeFormatDetector {
    /// The pre-pass: reads records from `reader` (positioned after the header) until every
    /// column's detector settles or the file ends, and returns each column's format in the
    /// order given. A file whose times settle in the first `sample` rows costs that many
    /// rows, not a second full read.
    public static func detect(_ reader: CSVReader, columns: [(field: Int, name: String)], order: DateOrder? = nil,
                              sample: Int = 1000) throws(InputError) -> [TimeFormat] {
        var detectors = columns.map { TimeFormatDetector(file: reader.name, column: $0.name, order: order, sample: sample) }
        while !detectors.allSatisfy(\.isSettled), try reader.next() {
            for k in detectors.indices { detectors[k].observe(reader, field: columns[k].field) }
        }
        var out: [TimeFormat] = []
        for d in detectors { out.append(try d.finish()) }
        return out
    }
}
