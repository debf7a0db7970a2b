import Core
/// What stops a fit or a scoring run on a user's table, said so the user can fix it.
public enum TabularError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchColumn(String, file: String)
    case missingColumns([String], file: String)
    case oneClassTarget(column: String, value: String)
    case tooManyClasses(column: String, count: Int)
    case targetNotNumeric(column: String, example: String)
    case unknownPositive(String, classes: [String])
    case noFeatures
    case tooFewRows(train: Int, test: Int)
    case unsupported(String)

    public var description: String {
        switch self {
        case .noSuchColumn(let c, let f): return "\(f): no column named \(c)"
        case .missingColumns(let cs, let f):
            return "\(f): missing column\(cs.count == 1 ? "" : "s") the model needs: \(cs.joined(separator: ", "))"
        case .oneClassTarget(let c, let v):
            return "target \(c) has a single class (\(v)); a classifier needs two (or use --task regression)"
        case .tooManyClasses(let c, let k):
            return "target \(c) has \(k) classes; only two-class targets are supported (or use --task regression)"
        case .targetNotNumeric(let c, let e): return "target \(c) is not numeric (\"\(e)\"); use --task classification"
        case .unknownPositive(let p, let cs): return "--positive \(p) is not a class of the target (\(cs.joined(separator: ", ")))"
        case .noFeatures: return "no feature columns left after inference and --drop"
        case .tooFewRows(let tr, let te): return "too few rows with a target: \(tr) for training, \(te) for testing"
        case .unsupported(let m): return m
        }
    }
}
