import Core
/// Everything that can go wrong when fitting or applying a model, with enough detail
/// to tell a user what to fix. Learning code throws these; it never traps on bad input.
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRows
    case oneClassOnly(label: Double)
    case nonFiniteTarget(row: Int)
    case labelCountMismatch(expected: Int, got: Int)
    case columnLengthMismatch(column: String, expected: Int, got: Int)
    case duplicateColumn(String)
    case columnCountMismatch(expected: Int, got: Int)
    case columnKindMismatch(column: String)
    case noFeatures
    case invalidParameter(String)
    case invalidModelBytes(String)
    case invalidCSV(line: Int, message: String)

    public var description: String {
        switch self {
        case .noRows: return "no rows to learn from"
        case .oneClassOnly(let l): return "the target has a single class (\(l)); a classifier needs two"
        case .nonFiniteTarget(let r): return "the target is missing or not finite at row \(r)"
        case .labelCountMismatch(let e, let g): return "expected \(e) labels, got \(g)"
        case .columnLengthMismatch(let c, let e, let g): return "column \(c) has \(g) values, expected \(e)"
        case .duplicateColumn(let c): return "column \(c) appears twice"
        case .columnCountMismatch(let e, let g): return "the model was fitted on \(e) columns, got \(g)"
        case .columnKindMismatch(let c): return "column \(c) is numeric in one frame and categorical in the other"
        case .noFeatures: return "no feature columns"
        case .invalidParameter(let m): return "invalid parameter: \(m)"
        case .invalidModelBytes(let m): return "not a valid model: \(m)"
        case .invalidCSV(let l, let m): return "CSV line \(l): \(m)"
        }
    }
}

/// Checks shared by every supervised fit.
package enum Validate {
    package static func labels(_ y: [Double], rows: Int) throws {
        guard rows > 0 else { throw LearningError.noRows }
        guard y.count == rows else { throw LearningError.labelCountMismatch(expected: rows, got: y.count) }
        for (i, v) in y.enumerated() where !v.isFinite { throw LearningError.nonFiniteTarget(row: i) }
    }

    /// Binary labels must be 0 or 1 and both present.
    package static func binaryLabels(_ y: [Double], rows: Int) throws {
        try labels(y, rows: rows)
        var seen0 = false, seen1 = false
        for (i, v) in y.enumerated() {
            if v == 0 { seen0 = true } else if v == 1 { seen1 = true } else {
                throw LearningError.invalidParameter("binary labels must be 0 or 1 (row \(i) has \(v))")
            }
        }
        if !(seen0 && seen1) { throw LearningError.oneClassOnly(label: seen1 ? 1 : 0) }
    }
}

/// A learning error carried across threads as text.
package struct LearningFailure: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }

    package init(message: String) { self.message = message }
}
