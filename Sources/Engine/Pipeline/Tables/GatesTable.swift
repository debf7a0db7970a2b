import Core
/// `gates.csv`: every quality-gate finding of the run's datasets (the Models screen's gate
/// table and `opsdeck export gates`). `gates.txt` beside it is the report as printed.
public enum GatesTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var dataset: String
        public var gate: String
        public var column: String
        /// A hard gate leaves the row out; a soft one keeps and counts it.
        public var hard: Bool
        public var rows: Int
        public var firstExample: String
    }
    public enum Column: String, CaseIterable, Sendable { case dataset, gate, column, hard, rows, firstExample = "first_example" }
    public static let artifact = "gates.csv"

    public static func rows(_ reports: [GateReport]) -> [Row] {
        reports.flatMap { r in
            r.findings.map { Row(dataset: r.dataset, gate: $0.gate.rawValue, column: $0.column, hard: $0.hard, rows: $0.count,
                                 firstExample: $0.examples.first ?? "") }
        }
    }

    public static func cell(_ g: Row, _ column: Column) -> String {
        switch column {
        case .dataset: g.dataset
        case .gate: g.gate
        case .column: g.column
        case .hard: g.hard ? "yes" : "no"
        case .rows: String(g.rows)
        case .firstExample: g.firstExample
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        let hard = r.text(.hard)
        guard hard == "yes" || hard == "no" else { throw r.problem(.hard, "yes or no") }
        return Row(dataset: r.text(.dataset), gate: r.text(.gate), column: r.text(.column), hard: hard == "yes", rows: try r.int(.rows),
                   firstExample: r.text(.firstExample))
    }
}
