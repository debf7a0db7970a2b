import Core
import Learning
/// The learning engine's gradient boosting behind `BreachModelTrainer`: categorical columns
/// for priority, channel, type and product, numbers for the rest; reasons are exact TreeSHAP
/// contributions on the log-odds scale.
public struct GradientBoostingBreachTrainer: BreachModelTrainer {
    public var config: GradientBoostingConfig
    /// The tickets' features binned once by `prepared(for:rows:)`; fits on rows it covers take
    /// their bins from it.
    package var shared: SharedBinning?
    /// Threads each fit uses (`GradientBoosting.workers`); nil: the config's.
    package var workers: Int?

    /// Defaults sized for the SLA data: a few hundred thousand rows, nine features.
    public init(config: GradientBoostingConfig = GradientBoostingBreachTrainer.defaultConfig) { self.config = config }

    public static var defaultConfig: GradientBoostingConfig {
        var c = GradientBoostingConfig(trees: 120, learningRate: 0.08, numLeaves: 31, seed: 42)
        c.minDataInLeaf = 50
        return c
    }

    public var name: String { "gradient boosting (\(config.trees) trees, \(config.numLeaves) leaves)" }

    public func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int]) throws -> any BreachScorer {
        let y = rows.map { Double(labels[$0]) }
        // Boosting needs both classes; with one, the constant rate is the honest answer.
        guard y.contains(0), y.contains(1) else { return NaiveBayesBreachTrainer().fit(features, labels: labels, rows: rows) }
        var boosting = GradientBoosting(task: .binaryClassification, config: config)
        boosting.workers = workers
        let model = if let shared, shared.covers(rows) {
            try boosting.fit(binned: shared.rows(rows), schema: shared.schema, labels: y)
        } else {
            try boosting.fit(features.frame(rows: rows), labels: y)
        }
        return GradientBoostingBreachScorer(model: model)
    }

    /// The held-out rows are scored as the trees grow when the shared binning holds them.
    public func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int], scoring: [Int]) throws -> (any BreachScorer, [Double]) {
        let y = rows.map { Double(labels[$0]) }
        guard let shared, !scoring.isEmpty, y.contains(0), y.contains(1), shared.covers(rows), shared.covers(scoring) else {
            let scorer = try fit(features, labels: labels, rows: rows)
            return (scorer, try scorer.probabilities(features, rows: scoring))
        }
        var boosting = GradientBoosting(task: .binaryClassification, config: config)
        boosting.workers = workers
        let (model, raw) = try boosting.fit(binned: shared.rows(rows), schema: shared.schema, labels: y, scoring: shared.rows(scoring))
        return (GradientBoostingBreachScorer(model: model), raw.map(sigmoid))
    }

    public func fitting(threads: Int) -> any BreachModelTrainer {
        var trainer = self
        trainer.workers = threads
        return trainer
    }

    /// Bins the features of `rows` once for every fit that follows.
    public func prepared(for features: SupportFeatures, rows: [Int]) throws -> any BreachModelTrainer {
        guard !rows.isEmpty else { return self }
        var trainer = self
        // Only the rows binned are gathered (not every ticket, then the rows): 360 MB less at 10 M.
        trainer.shared = try SharedBinning(rowsFrame: features.frame(rows: rows), rows: rows, frameRowCount: features.count,
                                           maxBins: config.maxBins, seed: config.seed)
        return trainer
    }
}

package struct GradientBoostingBreachScorer: BreachScorer {
    package let model: GradientBoostingModel

    package func probabilities(_ features: SupportFeatures, rows: [Int]) throws -> [Double] {
        guard !rows.isEmpty else { return [] }
        return try model.predictProbability(features.frame(rows: rows))
    }

    package func contributions(_ features: SupportFeatures, rows: [Int]) throws -> [[Double]] {
        guard !rows.isEmpty else { return [] }
        let c = try model.contributions(features.frame(rows: rows))
        return (0..<c.rowCount).map { Array(c.row($0)) }
    }
}

extension SupportFeatures {
    /// The learning engine's input for `rows`, in that order.
    public func frame(rows: [Int]) throws -> FeatureFrame {
        var f = FeatureFrame(rowCount: rows.count)
        for j in 0..<featureCount {
            if categorical[j] {
                let col = codes[j]
                try f.addCategorical(names[j], codes: rows.map { Int32(col[$0]) }, labels: levels[j])
            } else {
                let col = numeric[j]
                try f.addNumeric(names[j], rows.map { col[$0] })
            }
        }
        return f
    }
}
