import Core
/// One candidate's settings: a model family and its main knobs.
public struct TabularSettings: Codable, Sendable, Equatable {
    public var family: TabularFamily
    public var trees: Int?
    public var learningRate: Double?
    public var numLeaves: Int?
    public var minDataInLeaf: Int?
    /// Logistic regression's L2 penalty (scikit-learn's C = 1 / l2).
    public var l2: Double?

    package init(family: TabularFamily, trees: Int? = nil, learningRate: Double? = nil, numLeaves: Int? = nil, minDataInLeaf: Int? = nil, l2: Double? = nil) {
        self.family = family; self.trees = trees; self.learningRate = learningRate; self.numLeaves = numLeaves; self.minDataInLeaf = minDataInLeaf; self.l2 = l2
    }

    public static func gbm(leaves: Int, learningRate: Double = 0.1, trees: Int = 1000, minDataInLeaf: Int = 20) -> Self {
        TabularSettings(family: .gbm, trees: trees, learningRate: learningRate, numLeaves: leaves, minDataInLeaf: minDataInLeaf)
    }

    public static func forest(trees: Int = 150, minDataInLeaf: Int = 2) -> Self {
        TabularSettings(family: .forest, trees: trees, minDataInLeaf: minDataInLeaf)
    }

    public static func logistic(l2: Double) -> Self { TabularSettings(family: .logistic, l2: l2) }

    public var summary: String {
        switch family {
        case .gbm:
            return "gradient boosting: \(trees ?? 0) trees, learning rate \(learningRate ?? 0), \(numLeaves ?? 0) leaves, "
                + "min \(minDataInLeaf ?? 0) rows per leaf"
        case .forest: return "random forest: \(trees ?? 0) trees, min \(minDataInLeaf ?? 0) rows per leaf"
        case .logistic: return "logistic regression (one-hot, standardised): L2 \(l2 ?? 0) (C = \(1 / (l2 ?? 1)))"
        }
    }

    /// Fits these settings. For boosting with `validation`, trees stop early on it. Trees
    /// come out the same at any thread count.
    package func fit(_ frame: FeatureFrame, labels: [Double], task: TabularTask, seed: UInt64, threads: Int = 1,
             validation: (frame: FeatureFrame, labels: [Double])? = nil) throws -> TabularModel {
        switch family {
        case .gbm:
            var c = GradientBoostingConfig()
            c.trees = trees ?? 100
            c.learningRate = learningRate ?? 0.1
            c.numLeaves = numLeaves ?? 31
            c.minDataInLeaf = minDataInLeaf ?? 20
            c.seed = seed
            c.threads = threads
            if validation != nil { c.earlyStoppingRounds = 20 }
            let boost = GradientBoosting(task: task == .classification ? .binaryClassification : .regression, config: c)
            return .gbm(try boost.fit(frame, labels: labels, validation: validation))
        case .forest:
            guard task == .classification else { throw TabularError.unsupported("the random forest is a classifier; use --model gbm for regression") }
            let f = RandomForest(trees: trees ?? 150, minSamplesLeaf: minDataInLeaf ?? 2, seed: seed, threads: threads)
            return .forest(try f.fit(frame, labels: labels))
        case .logistic:
            guard task == .classification else {
                throw TabularError.unsupported("logistic regression is a classifier; use --model gbm for regression")
            }
            return .logistic(try LogisticRegression(l2: l2 ?? 1).fit(frame, labels: labels))
        }
    }
}
