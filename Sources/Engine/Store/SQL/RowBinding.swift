import Core

/// Where a dataset's rows are bound for a bulk save: SQLite's prepared multi-row INSERT
/// (`SQLiteRowBinder`) or PostgreSQL's COPY text (`PostgresCopyBinder`). A row's values are
/// bound by position, 1 through the table's column count, in order.
package protocol RowBinding {
    mutating func bindNull(_ i: Int32) throws(StoreError)
    mutating func bind(_ i: Int32, _ v: Int64) throws(StoreError)
    /// NaN is stored as NULL in both databases.
    mutating func bind(_ i: Int32, _ v: Double) throws(StoreError)
    mutating func bind(_ i: Int32, _ v: String) throws(StoreError)
    mutating func bind(_ i: Int32, bytes: [UInt8]) throws(StoreError)
}

extension RowBinding {
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Int64?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Int) throws(StoreError) { try bind(i, Int64(v)) }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Int?) throws(StoreError) {
        if let v { try bind(i, Int64(v)) } else { try bindNull(i) }
    }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Bool) throws(StoreError) { try bind(i, Int64(v ? 1 : 0)) }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Bool?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: Double?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }
    @inline(__always) package mutating func bind(_ i: Int32, _ v: String?) throws(StoreError) {
        if let v { try bind(i, v) } else { try bindNull(i) }
    }
    /// A category is stored as its label.
    @inline(__always) package mutating func bind<C: Category>(_ i: Int32, _ v: C) throws(StoreError) { try bind(i, v.rawValue) }
}

/// A dataset's rows as one table holds them: the column order is written once, here, for
/// both databases.
package protocol DatasetRows: Sendable {
    /// The table, and how many values each of its rows has (all its columns, in order).
    static var table: String { get }
    static var columns: Int { get }
    var count: Int { get }
    func bind<B: RowBinding>(_ b: inout B, row: Int) throws(StoreError)
}

/// Reads typed columns of a bulk dataset query by position (0-based), as SQLite's
/// `sqlite3_column_*` or PostgreSQL's cells give them; a NULL where a value is required is an
/// error naming the row.
package protocol RowReading {
    func int64(_ i: Int32) throws(StoreError) -> Int64
    func int64OrNil(_ i: Int32) throws(StoreError) -> Int64?
    func double(_ i: Int32) throws(StoreError) -> Double
    func doubleOrNil(_ i: Int32) throws(StoreError) -> Double?
    func string(_ i: Int32) throws(StoreError) -> String
    func stringOrNil(_ i: Int32) throws(StoreError) -> String?
}

extension RowReading {
    @inline(__always) package func int(_ i: Int32) throws(StoreError) -> Int { Int(try int64(i)) }
    @inline(__always) package func intOrNil(_ i: Int32) throws(StoreError) -> Int? { try int64OrNil(i).map { Int($0) } }
    @inline(__always) package func bool(_ i: Int32) throws(StoreError) -> Bool { try int64(i) != 0 }
    @inline(__always) package func boolOrNil(_ i: Int32) throws(StoreError) -> Bool? { try int64OrNil(i).map { $0 != 0 } }

    /// A sales channel as stored: empty for no preference.
    package func salesChannel(_ i: Int32) throws(StoreError) -> SalesChannel? {
        let text = try string(i)
        return text.isEmpty ? nil : SalesChannel.parse(Substring(text)) ?? SalesChannel.classify(text)
    }
}

/// A dataset's rows read back: the SELECT (one `?`, the dataset id) and one row's value.
package protocol DatasetDecoder: Sendable {
    associatedtype Value: Sendable
    var select: String { get }
    func decode<R: RowReading>(_ r: R) throws(StoreError) -> Value
}
