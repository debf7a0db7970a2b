/// A CSV read once into dictionary-encoded text columns: every column keeps its distinct
/// cell texts and one code per row. Type inference then looks at distinct values only, and
/// both fitting and scoring encode features from the same codes.
public struct RawTable: Sendable {
    public struct Column: Sendable, Equatable {
        public var name: String
        /// Distinct trimmed cell texts, in order of first appearance.
        public var values: [String] = []
        /// Rows holding each distinct value.
        public var counts: [Int] = []
        /// Per row, an index into `values`.
        public var codes: [Int32] = []

        public init(name: String, values: [String] = [], counts: [Int] = [], codes: [Int32] = []) {
            self.name = name; self.values = values; self.counts = counts; self.codes = codes
        }
    }

    public let source: String
    public var columns: [Column]
    public let rowCount: Int

    /// Streams the file through `CSVReader`; structure errors carry file:line:column.
    public init(path: String) throws(InputError) {
        try self.init(reader: CSVReader(path: path))
    }

    public init(text: String, name: String = "<text>") throws(InputError) {
        try self.init(reader: CSVReader(text: text, name: name))
    }

    /// Columns already encoded (e.g. an imported customer file's extra columns).
    package init(source: String, columns: [Column], rowCount: Int) {
        self.source = source
        self.columns = columns
        self.rowCount = rowCount
    }

    package init(reader: CSVReader) throws(InputError) {
        source = reader.name
        guard try reader.next() else { throw InputError(file: reader.name, line: 1, column: 0, "the file is empty") }
        let header = (0..<reader.fieldCount).map { (reader.text($0) ?? "") }
        var seen: Set<String> = []
        for (i, h) in header.enumerated() {
            if h.isEmpty { throw reader.error(field: i, "column \(i + 1) has no name in the header") }
            if !seen.insert(h).inserted { throw reader.error(field: i, "column \(h) appears twice in the header") }
        }
        var cols = header.map { Column(name: $0) }
        var index = [[String: Int32]](repeating: [:], count: header.count)
        var rows = 0
        while try reader.next() {
            for j in 0..<cols.count {
                let text = reader.text(j) ?? ""
                if let code = index[j][text] {
                    cols[j].codes.append(code)
                    cols[j].counts[Int(code)] += 1
                } else {
                    let code = Int32(cols[j].values.count)
                    index[j][text] = code
                    cols[j].values.append(text)
                    cols[j].counts.append(1)
                    cols[j].codes.append(code)
                }
            }
            rows += 1
        }
        columns = cols
        rowCount = rows
    }

    public var names: [String] { columns.map(\.name) }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }
}
