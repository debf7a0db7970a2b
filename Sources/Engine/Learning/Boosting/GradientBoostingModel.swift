import Core
/// A fitted boosted ensemble: raw score = `initScore` + the sum of the trees' leaf values.
public struct GradientBoostingModel: Sendable, Equatable {
    public let task: BoostingTask
    public let config: GradientBoostingConfig
    public let schema: FrameSchema
    public let initScore: Double
    public let ensemble: TreeEnsemble
    /// Trees kept by early stopping (nil when it was off).
    public let bestIteration: Int?

    /// Log-odds for a classifier, the prediction for a regressor.
    public func predictRaw(_ frame: FeatureFrame) throws -> [Double] {
        let rows = try DenseRows(frame: frame, schema: schema)
        return ensemble.predict(rows).map { $0 + initScore }
    }

    /// `predictRaw` walking each tree from its root instead of the default leaf masks, for
    /// `opsdeck bench kernels` (same numbers, bit for bit).
    public func predictRawWalking(_ frame: FeatureFrame) throws -> [Double] {
        let rows = try DenseRows(frame: frame, schema: schema)
        return ensemble.walk(rows, trees: ensemble.treeCount).map { $0 + initScore }
    }

    /// P(label = 1); regressors throw.
    public func predictProbability(_ frame: FeatureFrame) throws -> [Double] {
        let objective = task.objective
        guard objective.outputsProbability else {
            throw LearningError.invalidParameter("probabilities need a classifier")
        }
        return try predictRaw(frame).map(objective.output)
    }

    /// Probability for a classifier, value for a regressor.
    public func predict(_ frame: FeatureFrame) throws -> [Double] {
        let objective = task.objective
        return try predictRaw(frame).map(objective.output)
    }

    /// Total split gain per column, in schema order.
    public var gainImportance: [Double] { ensemble.gainImportance(featureCount: schema.count) }

    /// Exact TreeSHAP contributions on the raw scale: for every row,
    /// `bias + Σ values[row][j] == predictRaw(row)`.
    public func contributions(_ frame: FeatureFrame) throws -> Contributions {
        let rows = try DenseRows(frame: frame, schema: schema)
        var c = ensemble.shap(rows)
        c.bias += initScore
        return c
    }
}

/// Per-row, per-column additive explanation of raw scores.
public struct Contributions: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major: `values[row * columnCount + column]`.
    public var values: [Double]
    /// The expected raw score over the training data (same for every row).
    public var bias: Double

    public func row(_ r: Int) -> ArraySlice<Double> { values[(r * columnCount)..<((r + 1) * columnCount)] }

    /// Columns of one row ranked by |contribution|, largest first.
    public func topReasons(row r: Int, count k: Int) -> [(column: Int, value: Double)] {
        let items = row(r).enumerated().map { (column: $0.offset, value: $0.element) }
        return Array(items.sorted { abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.column < $1.column }
            .prefix(k))
    }
}
