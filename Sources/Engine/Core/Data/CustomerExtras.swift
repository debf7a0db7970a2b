/// The columns of an imported customer file that no customer field maps, kept as the raw
/// text of each cell so that the models can use a CRM export's own columns. Row `i` belongs
/// to the dataset's customer `i` (rows that failed the gates are not kept). Each column is
/// dictionary-encoded — distinct texts plus one code per row — the same layout the model
/// commands read a CSV into, so type inference and encoding are shared with `model fit`.
public struct CustomerExtras: Sendable, Equatable {
    public var columns: [RawTable.Column]
    public private(set) var rowCount: Int

    public init(names: [String]) {
        columns = names.map { RawTable.Column(name: $0) }
        rowCount = 0
    }

    public init(columns: [RawTable.Column], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    public var names: [String] { columns.map(\.name) }
    public var isEmpty: Bool { columns.isEmpty }

    /// The cell text of `row` in column `j` ("" when the file left it empty).
    public func text(row: Int, column j: Int) -> String {
        let c = columns[j]
        return c.values[Int(c.codes[row])]
    }

    /// The extras as a table for type inference and encoding.
    public func table(source: String) -> RawTable {
        RawTable(source: source, columns: columns, rowCount: rowCount)
    }

    /// Rows re-ordered to `kept`, a subset of `loaded` in order (the customers that passed the
    /// run's gates), matched by customer id; a kept customer with no row gets empty cells.
    public func aligned(from loaded: [Customer], to kept: [Customer]) -> CustomerExtras {
        aligned(fromIDs: loaded.map(\.id), toIDs: kept.map(\.id))
    }

    /// The same by record ids (tickets' extras follow the tickets their gate kept).
    public func aligned(fromIDs loaded: [String], toIDs kept: [String]) -> CustomerExtras {
        if loaded.count == kept.count && rowCount == kept.count { return self }
        var rowOf: [String: Int] = [:]
        rowOf.reserveCapacity(loaded.count)
        for (i, id) in loaded.enumerated() where i < rowCount && rowOf[id] == nil { rowOf[id] = i }
        let rows = kept.map { rowOf[$0] ?? -1 }
        let out = columns.map { col -> RawTable.Column in
            var c = RawTable.Column(name: col.name)
            c.values = col.values
            var empty: Int32 = -1
            if rows.contains(-1) {
                empty = Int32(col.values.firstIndex(of: "") ?? col.values.count)
                if Int(empty) == col.values.count { c.values.append("") }
            }
            c.codes = rows.map { $0 >= 0 ? col.codes[$0] : empty }
            c.counts = [Int](repeating: 0, count: c.values.count)
            for code in c.codes { c.counts[Int(code)] += 1 }
            return c
        }
        return CustomerExtras(columns: out, rowCount: kept.count)
    }

    /// Collects the extra cells row by row while a file is read; only kept rows are added.
    /// Cells are interned from their bytes: a `String` is made once per distinct value.
    package struct Builder {
        package private(set) var extras: CustomerExtras
        private var index: [ByteInterner]
        /// Columns found to be (almost) all distinct, e.g. an `updated_at` or a description:
        /// interning them only costs probes and memory, so their cells are kept one per row.
        private var perRow: [Bool]
        /// Header positions of each extra column (several when its name repeats).
        package let positions: [[Int]]

        /// Rows after which a column's distinct count decides between interning and per-row.
        package static let probeRows = 4096
        /// Rows the file probably holds (`reserve`), 0 when not known.
        private var expectedRows = 0

        /// Makes room for `rows` rows in every column (per-row columns once they are known):
        /// see `CSVReader.estimatedRecords`.
        package mutating func reserve(_ rows: Int) {
            expectedRows = rows
            for j in extras.columns.indices {
                extras.columns[j].codes.reserveCapacity(rows)
                if perRow[j] { reservePerRow(j) }
            }
        }

        private mutating func reservePerRow(_ j: Int) {
            guard expectedRows > 0 else { return }
            extras.columns[j].values.reserveCapacity(expectedRows)
            extras.columns[j].counts.reserveCapacity(expectedRows)
        }

        package init(names: [String], positions: [[Int]]) {
            extras = CustomerExtras(names: names)
            index = Array(repeating: ByteInterner(), count: names.count)
            perRow = Array(repeating: false, count: names.count)
            self.positions = positions
        }

        /// Appends the current record's extra cells (`cells` is unused scratch kept for callers).
        package mutating func appendRow(of reader: CSVReader, into cells: inout [String]) {
            for (j, ps) in positions.enumerated() {
                if ps.count == 1 {
                    let p = ps[0]
                    if p < reader.fieldCount {
                        reader.withTrimmedBytes(p) { add(j, $0) }
                    } else {
                        add(j, UnsafeBufferPointer(start: nil, count: 0))
                    }
                } else {
                    var joined = ps.compactMap { $0 < reader.fieldCount ? reader.text($0) : nil }.joined(separator: " ")
                    joined.withUTF8 { add(j, $0) }
                }
            }
            extras.rowCount += 1
            if extras.rowCount == Self.probeRows { choosePerRow() }
        }

        private mutating func choosePerRow() {
            for j in index.indices where index[j].count * 10 > Self.probeRows * 9 {
                perRow[j] = true
                index[j] = ByteInterner()
                reservePerRow(j)
            }
        }

        private mutating func add(_ j: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            if perRow[j] {
                extras.columns[j].codes.append(Int32(extras.columns[j].values.count))
                extras.columns[j].values.append(String(decoding: bytes, as: UTF8.self))
                extras.columns[j].counts.append(1)
                return
            }
            let (code, isNew) = index[j].code(bytes)
            if isNew {
                extras.columns[j].values.append(String(decoding: bytes, as: UTF8.self))
                extras.columns[j].counts.append(0)
            }
            extras.columns[j].codes.append(code)
            extras.columns[j].counts[Int(code)] += 1
        }

        /// Appends one row of cell texts (tests and in-memory callers).
        package mutating func append(_ cells: [String]) {
            for (j, text) in cells.enumerated() {
                var t = text
                t.withUTF8 { add(j, $0) }
            }
            extras.rowCount += 1
            if extras.rowCount == Self.probeRows { choosePerRow() }
        }
    }
}
