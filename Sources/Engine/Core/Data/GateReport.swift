/// What the quality gates found in one imported file: how many rows were read and kept,
/// and per gate how many rows it concerned, with the first few places to look.
/// A hard gate leaves the row out; a soft one only counts it. Nothing is silently changed.
public struct GateReport: Sendable, Equatable {
    public enum Gate: String, Sendable, CaseIterable {
        case duplicateId = "duplicate id"
        case missingValue = "missing value"
        case badValue = "unreadable value"
        case outOfRange = "out of range"
        case atSea = "at sea"
        case datesOutOfOrder = "dates out of order"
        case unknownCategory = "unknown category"
    }

    public struct Finding: Sendable, Equatable {
        public var gate: Gate
        public var column: String
        public var hard: Bool
        public var count: Int
        /// Up to `GateReport.exampleLimit` places, as `file:line:column: message`.
        public var examples: [String]
    }

    public static let exampleLimit = 3
    /// Longest example or heading line in `rendered()`.
    package static let lineLimit = 480

    public var dataset: String
    public var file: String
    public var rowsRead = 0
    public var rowsKept = 0
    public var findings: [Finding] = []
    /// Empty cells per column (all columns, hard or not).
    public var missingByColumn: [String: Int] = [:]
    /// Plain-language notes: ignored columns, defaults used for absent fields, derivation rules.
    public var notes: [String] = []

    public init(dataset: String, file: String) {
        self.dataset = dataset
        self.file = file
    }

    public var rowsRejected: Int { rowsRead - rowsKept }

    /// Counts a finding for a row; returns whether the gate is hard (row must be left out).
    package mutating func record(_ gate: Gate, column: String, hard: Bool, at error: InputError) {
        if let i = findings.firstIndex(where: { $0.gate == gate && $0.column == column && $0.hard == hard }) {
            findings[i].count += 1
            if findings[i].examples.count < Self.exampleLimit { findings[i].examples.append(error.description) }
        } else {
            findings.append(Finding(gate: gate, column: column, hard: hard, count: 1, examples: [error.description]))
        }
    }

    package mutating func countMissing(_ column: String) { missingByColumn[column, default: 0] += 1 }

    /// The report as a person reads it in a terminal. Everything that came from the file
    /// (column names, quoted values) is escaped and cut by `TerminalText.safe`.
    public func rendered() -> String {
        let safe = { (s: String) in TerminalText.safe(s, limit: Self.lineLimit) }
        var lines = ["\(safe(dataset)) from \(safe(file)): \(rowsRead) rows read, \(rowsKept) kept, \(rowsRejected) left out"]
        if findings.isEmpty { lines.append("  all gates passed") }
        for f in findings {
            let action = f.hard ? "left out" : "kept, counted"
            lines.append("  \(f.gate.rawValue) in \(safe(f.column)): \(f.count) row\(f.count == 1 ? "" : "s") (\(action))")
            for e in f.examples { lines.append("    \(safe(e))") }
        }
        let missing = missingByColumn.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        if !missing.isEmpty {
            lines.append("  empty cells: " + missing.map { "\(TerminalText.safe($0.key, limit: TerminalText.valueLimit)) \($0.value)" }.joined(separator: ", "))
        }
        for n in notes { lines.append("  note: \(TerminalText.safe(n))") }
        return lines.joined(separator: "\n")
    }

    /// One row per finding, for `opsdeck export` and the Models screen.
    public func table() -> DataTable {
        var t = DataTable(columns: ["dataset", "gate", "column", "hard", "rows", "first_example"],
                          kinds: [.text, .text, .text, .text, .number, .text])
        for f in findings {
            t.append([dataset, f.gate.rawValue, f.column, f.hard ? "yes" : "no", String(f.count), f.examples.first ?? ""])
        }
        return t
    }
}
