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
        if loaded.count == kept.count && rowCount == kept.count { return self }
        var rowOf: [String: Int] = [:]
        rowOf.reserveCapacity(loaded.count)
        for (i, c) in loaded.enumerated() where i < rowCount && rowOf[c.id] == nil { rowOf[c.id] = i }
        let rows = kept.map { rowOf[$0.id] ?? -1 }
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
    struct Builder {
        private(set) var extras: CustomerExtras
        private var index: [[String: Int32]]
        /// Header positions of the extra columns.
        let positions: [Int]

        init(names: [String], positions: [Int]) {
            extras = CustomerExtras(names: names)
            index = Array(repeating: [:], count: names.count)
            self.positions = positions
        }

        mutating func append(_ cells: [String]) {
            for (j, text) in cells.enumerated() {
                if let code = index[j][text] {
                    extras.columns[j].codes.append(code)
                    extras.columns[j].counts[Int(code)] += 1
                } else {
                    let code = Int32(extras.columns[j].values.count)
                    index[j][text] = code
                    extras.columns[j].values.append(text)
                    extras.columns[j].counts.append(1)
                    extras.columns[j].codes.append(code)
                }
            }
            extras.rowCount += 1
        }
    }
}

extension CustomerExtras {
    /// One column as bytes for the store: version, distinct texts, then the per-row codes.
    public static func bytes(of column: RawTable.Column) -> [UInt8] {
        var w = ByteWriter()
        w.magic("OXC1")
        w.strings(column.values)
        w.i32s(column.codes)
        return w.bytes
    }

    /// Reads `bytes(of:)` back; throws on anything truncated or out of range.
    public static func column(name: String, bytes: [UInt8]) throws -> RawTable.Column {
        var r = ByteReader(bytes)
        try r.expectMagic("OXC1")
        var c = RawTable.Column(name: name)
        c.values = try r.strings()
        c.codes = try r.i32s()
        c.counts = [Int](repeating: 0, count: c.values.count)
        for code in c.codes {
            guard code >= 0, Int(code) < c.values.count else { throw LearningError.invalidModelBytes("code \(code) out of range") }
            c.counts[Int(code)] += 1
        }
        guard r.isAtEnd else { throw LearningError.invalidModelBytes("trailing bytes") }
        return c
    }
}
