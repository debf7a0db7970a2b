import Core
/// Settings of a gradient-boosted tree ensemble. Defaults follow LightGBM's, so the same
/// numbers mean the same thing to a user who knows it.
public struct GradientBoostingConfig: Sendable, Equatable {
    public enum Growth: UInt8, Sendable {
        /// Best-gain leaf first, up to `numLeaves` (LightGBM).
        case leafWise
        /// Level by level, up to `maxDepth` (and `numLeaves`).
        case depthWise
    }

    public var trees = 100
    public var learningRate = 0.1
    public var numLeaves = 31
    /// ≤ 0: no depth limit.
    public var maxDepth = -1
    public var minDataInLeaf = 20
    public var minHessian = 1e-3
    public var lambdaL2 = 0.0
    public var minGainToSplit = 0.0
    /// Fraction of rows drawn (without replacement) for each tree.
    public var rowSubsample = 1.0
    /// Fraction of columns drawn for each tree.
    public var featureSubsample = 1.0
    public var seed: UInt64 = 0
    /// Stop when the validation loss has not improved for this many trees (0: off).
    public var earlyStoppingRounds = 0
    public var threads = 1
    public var growth = Growth.leafWise
    public var maxBins = 255
    /// Categorical columns with at most this many bins (categories plus the bin of missing
    /// and rare codes, LightGBM's `num_bin`) use one-vs-rest splits.
    public var maxCatToOneHot = 4
    public var catSmooth = 10.0
    public var catL2 = 10.0
    public var maxCatThreshold = 32
    public var minDataPerGroup = 100

    public init() {}

    public init(trees: Int, learningRate: Double, numLeaves: Int = 31, seed: UInt64 = 0) {
        self.trees = trees
        self.learningRate = learningRate
        self.numLeaves = numLeaves
        self.seed = seed
    }

    package func validate() throws {
        func need(_ ok: Bool, _ m: String) throws { if !ok { throw LearningError.invalidParameter(m) } }
        try need(trees >= 1, "trees must be at least 1")
        try need(learningRate > 0 && learningRate.isFinite, "learningRate must be positive")
        try need(numLeaves >= 2 && numLeaves <= 65_536, "numLeaves must be in 2...65536")
        try need(minDataInLeaf >= 1, "minDataInLeaf must be at least 1")
        try need(minHessian >= 0 && lambdaL2 >= 0, "minHessian and lambdaL2 must be non-negative")
        try need(rowSubsample > 0 && rowSubsample <= 1, "rowSubsample must be in (0, 1]")
        try need(featureSubsample > 0 && featureSubsample <= 1, "featureSubsample must be in (0, 1]")
        try need(earlyStoppingRounds >= 0, "earlyStoppingRounds must be non-negative")
        try need(threads >= 1, "threads must be at least 1")
        try need((2...255).contains(maxBins), "maxBins must be in 2...255")
        try need(growth == .leafWise || maxDepth > 0, "depth-wise growth needs maxDepth > 0")
    }

    package var treeParams: TreeParams {
        var p = TreeParams()
        p.numLeaves = growth == .depthWise ? min(numLeaves, 1 << min(maxDepth, 16)) : numLeaves
        p.maxDepth = maxDepth
        p.minDataInLeaf = minDataInLeaf
        p.minHessian = minHessian
        p.lambdaL2 = lambdaL2
        p.minGainToSplit = minGainToSplit
        p.depthWise = growth == .depthWise
        p.maxCatToOneHot = maxCatToOneHot
        p.catSmooth = catSmooth
        p.catL2 = catL2
        p.maxCatThreshold = maxCatThreshold
        p.minDataPerGroup = minDataPerGroup
        p.threads = threads
        return p
    }
}

public enum BoostingTask: UInt8, Sendable {
    /// Log-loss on 0/1 labels; raw scores are log-odds.
    case binaryClassification
    /// Squared error.
    case regression
}
