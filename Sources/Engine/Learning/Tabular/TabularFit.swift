import Core
/// Fit on a user's table: the fixed holdout, model selection on the training rows only, a
/// refit of the chosen settings on all training rows, and test metrics and drivers.
public enum TabularFit {
    public struct Result: Sendable {
        public var model: TabularModel
        public var card: ModelCard

        package init(model: TabularModel, card: ModelCard) {
            self.model = model; self.card = card
        }
    }

    /// The documented split: row i (0-based, file order) is a test row when i % 5 == 0, the
    /// rule of `../shared/anchors/gbm_anchor.py`.
    public static func holdout(rowCount n: Int) -> Fold { Splits.holdout(rowCount: n) }

    /// Families `--model auto` chooses between. The forest is left to an explicit request:
    /// on the benchmark sets it never beat boosting in cross-validation by a margin worth
    /// its fit and TreeSHAP time (deep trees), see BENCHMARKS.md, bring your own data.
    public static let autoFamilies: [TabularFamily] = [.logistic, .gbm]

    /// Test rows used for global drivers: evenly spaced, at most this many (TreeSHAP on deep
    /// forest trees is costly, and the ranking settles well before).
    package static let driverRows = 400

    /// `family` nil: choose among `autoFamilies` by cross-validation.
    public static func fit(_ data: TabularDataset, family: TabularFamily? = nil, seed: UInt64 = 0,
                           folds: Int = 4, threads: Int = 2) throws -> Result {
        let split = holdout(rowCount: data.frame.rowCount)
        let train = split.train.filter { !data.labels[$0].isNaN }
        let test = split.test.filter { !data.labels[$0].isNaN }
        let noTarget = data.frame.rowCount - train.count - test.count
        guard train.count >= 10, test.count >= 2 else { throw TabularError.tooFewRows(train: train.count, test: test.count) }
        let task = data.target.task
        let trainFrame = data.frame.rows(train), trainY = train.map { data.labels[$0] }
        if task == .classification, Set(trainY).count < 2 {
            throw TabularError.oneClassTarget(column: data.target.column, value: "only one class among the training rows")
        }

        if task == .regression, let f = family, f != .gbm {
            throw TabularError.unsupported("--model \(f.rawValue) is a classifier; target \(data.target.column) is numeric: "
                                           + "use --model gbm or auto")
        }
        var selector = ModelSelector(task: task, families: family.map { [$0] } ?? autoFamilies, seed: seed)
        selector.folds = folds
        selector.threads = threads
        // The selector gets the training rows and nothing else.
        var selection = try selector.select(train: trainFrame, labels: trainY)
        // Boosting refits with half the learning rate and twice the trees the folds settled
        // on: the usual shrinkage trade, a little more accurate for a little more time.
        if selection.chosen.family == .gbm, let lr = selection.chosen.learningRate, let t = selection.chosen.trees {
            selection.chosen.learningRate = lr / 2
            selection.chosen.trees = 2 * t
        }
        let model = try selection.chosen.fit(trainFrame, labels: trainY, task: task, seed: seed, threads: threads)

        let testFrame = data.frame.rows(test), testY = test.map { data.labels[$0] }
        let p = try model.predict(testFrame)
        var m = ModelCard.TestMetrics()
        if task == .classification {
            m.positiveRate = testY.reduce(0, +) / Double(testY.count)
            if Set(testY).count == 2 {
                m.auc = try Metrics.rocAUC(labels: testY, scores: p)
                m.averagePrecision = try Metrics.averagePrecision(labels: testY, scores: p)
            }
            m.logLoss = try Metrics.logLoss(labels: testY, probabilities: p)
            m.ece = try Metrics.expectedCalibrationError(labels: testY, probabilities: p)
        } else {
            m.rmse = try Metrics.rmse(testY, p)
            m.mae = try Metrics.mae(testY, p)
            m.r2 = try Metrics.r2(testY, p)
        }
        let card = ModelCard(
            name: nil, createdAt: WallClock.text(), source: data.source, holdoutRule: ModelCard.holdoutText,
            rows: .init(inFile: data.frame.rowCount, train: train.count, test: test.count,
                        leftOut: noTarget > 0 ? ["no target value": noTarget] : [:]),
            target: data.target, schema: data.schema, excluded: data.excluded, selection: selection, metrics: m,
            drivers: try drivers(model, testFrame.rows(spaced(testFrame.rowCount, driverRows))), seed: seed, fitSeconds: nil)
        return Result(model: model, card: card)
    }

    /// At most `k` of `0..<n`, evenly spaced, in order.
    package static func spaced(_ n: Int, _ k: Int) -> [Int] {
        n <= k ? Array(0..<n) : (0..<k).map { $0 * n / k }
    }

    /// Features ranked by mean |contribution| over `frame`, as shares of the total.
    package static func drivers(_ model: TabularModel, _ frame: FeatureFrame) throws -> [ModelCard.Driver] {
        let c = try model.contributions(frame)
        var mean = [Double](repeating: 0, count: c.columnCount)
        for r in 0..<c.rowCount {
            for j in 0..<c.columnCount { mean[j] += abs(c.values[r * c.columnCount + j]) }
        }
        let total = mean.reduce(0, +)
        return mean.indices
            .map { ModelCard.Driver(feature: frame.names[$0], share: total > 0 ? mean[$0] / total : 0) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.feature < $1.feature }
    }
}
