/// A rectangular table of text cells: what `opsdeck export` writes as CSV or JSON and what
/// every report of the engine can be turned into. Numbers are formatted by the producer so
/// that exports are byte-for-byte reproducible.
public struct DataTable: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, number }

    public var columns: [String]
    /// Per column: numbers are written unquoted in JSON.
    public var kinds: [Kind]
    public var rows: [[String]]

    public init(columns: [String], kinds: [Kind]? = nil, rows: [[String]] = []) {
        self.columns = columns
        self.kinds = kinds ?? Array(repeating: .text, count: columns.count)
        self.rows = rows
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row width \(row.count) != \(columns.count) columns")
        rows.append(row)
    }
}
