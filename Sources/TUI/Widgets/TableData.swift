/// A sortable value behind a table cell: numbers sort numerically, text
/// case-insensitively, and missing values last.
public enum SortKey: Comparable, Sendable {
    case number(Double)
    case text(String)
    case missing

    public static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.text(let x), .text(let y)): return x.lowercased() < y.lowercased()
        case (.number, .text): return true
        case (.missing, _), (_, .missing): return false
        case (.text, .number): return false
        }
    }
}

/// One table cell: what to show, how to sort it, and an optional colour role.
public struct TableCell: Sendable {
    public let text: String
    public let sortKey: SortKey
    public let role: Role?

    public init(_ text: String, sortKey: SortKey? = nil, role: Role? = nil) {
        self.text = text
        self.sortKey = sortKey ?? .text(text)
        self.role = role
    }

    public static func number(_ value: Double, _ text: String, role: Role? = nil) -> TableCell {
        TableCell(text, sortKey: .number(value), role: role)
    }
}

/// A column: title, alignment, how narrow it may get, and its priority when the
/// terminal is too narrow for all columns (lower numbers stay longest).
public struct TableColumn: Sendable {
    public enum Alignment: Sendable { case left, right }
    public let title: String
    public let alignment: Alignment
    public let minWidth: Int
    public let maxWidth: Int
    public let priority: Int
    /// Takes the width left over once every column has its ideal width.
    public let flexible: Bool

    public init(_ title: String, alignment: Alignment = .left, minWidth: Int? = nil, maxWidth: Int = 40,
                priority: Int = 0, flexible: Bool = false) {
        self.title = title
        self.alignment = alignment
        self.minWidth = minWidth ?? max(3, min(title.cellWidth, 8))
        self.maxWidth = maxWidth
        self.priority = priority
        self.flexible = flexible
    }
}

/// The rows a table shows. The screen builds it from engine results; the table never
/// computes anything but order and filter.
public struct TableData: Sendable {
    public let columns: [TableColumn]
    public let rows: [[TableCell]]
    /// Each row's cell texts, lower-cased and joined once, so `/` search costs one
    /// substring test per row per key press.
    let searchText: [String]

    public init(columns: [TableColumn], rows: [[TableCell]]) {
        self.columns = columns
        self.rows = rows
        searchText = rows.map { $0.map(\.text).joined(separator: "\u{1F}").lowercased() }
    }

    public func cell(_ row: Int, _ column: Int) -> TableCell {
        guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return TableCell("") }
        return rows[row][column]
    }
}
