import Core
public enum TabularFamily: String, Codable, Sendable, CaseIterable {
    case gbm, forest, logistic
}

/// A fitted model of any family behind one face: predictions (probability or value) and
/// per-row, per-feature contributions for reasons and drivers.
public enum TabularModel: Sendable {
    case gbm(GradientBoostingModel)
    case forest(RandomForestModel)
    case logistic(LogisticRegressionModel)

    public var family: TabularFamily {
        switch self {
        case .gbm: return .gbm
        case .forest: return .forest
        case .logistic: return .logistic
        }
    }

    /// P(positive) for a classifier, the value for a regressor.
    public func predict(_ frame: FeatureFrame) throws -> [Double] {
        switch self {
        case .gbm(let m): return try m.predict(frame)
        case .forest(let m): return try m.predictProbability(frame)
        case .logistic(let m): return try m.predictProbability(frame)
        }
    }

    /// Additive contributions: TreeSHAP for trees (log-odds for boosting, probability for the
    /// forest); for the logistic model each column's weights times its standardised or
    /// one-hot values (log-odds, relative to an average numeric value).
    public func contributions(_ frame: FeatureFrame) throws -> Contributions {
        switch self {
        case .gbm(let m): return try m.contributions(frame)
        case .forest(let m): return try m.contributions(frame)
        case .logistic(let m):
            _ = try m.schema.aligned(frame)
            let enc = m.encoding
            let x = try enc.design(frame)
            let d = enc.width + 1, f = enc.starts.count
            var values = [Double](repeating: 0, count: frame.rowCount * f)
            for r in 0..<frame.rowCount {
                for j in 0..<f {
                    let end = j + 1 < f ? enc.starts[j + 1] : enc.width
                    var s = 0.0
                    for k in enc.starts[j]..<end { s += x[r * d + k] * m.weights[k] }
                    values[r * f + j] = s
                }
            }
            return Contributions(rowCount: frame.rowCount, columnCount: f, values: values, bias: m.weights[d - 1])
        }
    }

    /// Family tag, then the family's own versioned bytes.
    public func serialized() -> [UInt8] {
        switch self {
        case .gbm(let m): return [0] + m.serialized()
        case .forest(let m): return [1] + m.serialized()
        case .logistic(let m): return [2] + m.serialized()
        }
    }

    public init(serialized bytes: [UInt8]) throws {
        guard let tag = bytes.first else { throw LearningError.invalidModelBytes("empty") }
        let rest = Array(bytes.dropFirst())
        switch tag {
        case 0: self = .gbm(try GradientBoostingModel(serialized: rest))
        case 1: self = .forest(try RandomForestModel(serialized: rest))
        case 2: self = .logistic(try LogisticRegressionModel(serialized: rest))
        default: throw LearningError.invalidModelBytes("unknown model family \(tag)")
        }
    }
}
