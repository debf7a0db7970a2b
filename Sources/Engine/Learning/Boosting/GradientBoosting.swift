import Dispatch
import Core

/// Histogram gradient boosting (log-loss classifier or squared-error regressor).
///
///     let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(frame, labels: y)
///     let p = try model.predictProbability(testFrame)
public struct GradientBoosting: Sendable {
    public var task: BoostingTask
    public var config: GradientBoostingConfig
    /// Threads to fit with instead of `config.threads`, not recorded in the model: the trees
    /// are the same whatever the count (histograms, gradients and split searches never depend
    /// on it), so a caller with cores to spare uses them without changing the model's bytes.
    public var workers: Int?

    public init(task: BoostingTask, config: GradientBoostingConfig = .init()) {
        self.task = task
        self.config = config
    }

    /// Fits on all rows of `frame`. With `validation` and `earlyStoppingRounds > 0`, keeps
    /// the trees up to the best validation loss.
    public func fit(
        _ frame: FeatureFrame, labels y: [Double], validation: (frame: FeatureFrame, labels: [Double])? = nil
    ) throws -> GradientBoostingModel {
        try config.validate()
        try task.objective.validate(y, rows: frame.rowCount)
        try HistogramTreeLearner.checkMemory(leaves: config.numLeaves, columns: frame.columnCount, maxBins: config.maxBins)
        let binned = try BinnedMatrix(frame: frame, maxBins: config.maxBins, seed: config.seed)
        var valid: ValidationState?
        if let v = validation {
            try task.objective.validate(v.labels, rows: v.frame.rowCount)
            _ = try frame.schema.aligned(v.frame)
            let vb = try BinnedMatrix(frame: v.frame, binnings: binned.binnings)
            valid = ValidationState(bins: vb.rowMajor(), labels: v.labels, scores: [])
        }
        var none: [Double] = []
        return try grow(binned, schema: frame.schema, labels: y, validation: valid, heldOut: [], heldOutScores: &none)
    }

    /// Fits on rows binned beforehand, e.g. `BinnedMatrix.rows(_:)` of one binning shared by
    /// every fold of a cross-validation. `schema` names the binned columns, in order.
    public func fit(binned: BinnedMatrix, schema: FrameSchema, labels y: [Double]) throws -> GradientBoostingModel {
        try check(binned: binned, schema: schema, labels: y)
        var none: [Double] = []
        return try grow(binned, schema: schema, labels: y, validation: nil, heldOut: [], heldOutScores: &none)
    }

    /// `fit(binned:schema:labels:)` that also scores `heldOut`, other rows of the same binning
    /// (a cross-validation's test fold), while the trees grow: each row walks each new tree in
    /// bin space. The raw scores equal `predictRaw` of those rows bit for bit (same leaves,
    /// same sums in the same order) without a pass over the finished model.
    public func fit(binned: BinnedMatrix, schema: FrameSchema, labels y: [Double], scoring heldOut: BinnedMatrix) throws
        -> (model: GradientBoostingModel, raw: [Double]) {
        try check(binned: binned, schema: schema, labels: y)
        guard heldOut.binnings == binned.binnings else {
            throw LearningError.invalidParameter("held-out rows must be binned as the training rows are")
        }
        var sums = [Double](repeating: 0, count: heldOut.rowCount)
        let model = try grow(binned, schema: schema, labels: y, validation: nil, heldOut: heldOut.rowMajor(), heldOutScores: &sums)
        return (model, sums.map { $0 + model.initScore })
    }

    private func check(binned: BinnedMatrix, schema: FrameSchema, labels y: [Double]) throws {
        try config.validate()
        guard schema.count == binned.columnCount else {
            throw LearningError.columnCountMismatch(expected: binned.columnCount, got: schema.count)
        }
        try task.objective.validate(y, rows: binned.rowCount)
        for (j, b) in binned.binnings.enumerated() where (schema.categoryLabels[j] != nil) != b.isCategorical {
            throw LearningError.columnKindMismatch(column: schema.names[j])
        }
        let bins = binned.binnings.map(\.binCount).max() ?? 2
        try HistogramTreeLearner.checkMemory(leaves: config.numLeaves, columns: binned.columnCount, maxBins: bins - 1)
    }

    /// `heldOut` (row-major bins, may be empty) gets each kept tree's scaled leaf value added
    /// to `heldOutScores`, from zero, as `TreeEnsemble.predict` sums them.
    private func grow(_ binned: BinnedMatrix, schema: FrameSchema, labels y: [Double], validation: ValidationState?,
                      heldOut: [UInt8], heldOutScores: inout [Double]) throws -> GradientBoostingModel {
        let n = binned.rowCount
        let objective = task.objective
        let initScore = objective.initialScore(labels: y)
        var valid = validation
        if var v = valid {
            v.scores = [Double](repeating: initScore, count: v.labels.count)
            valid = v
        }

        let threads = max(1, workers ?? config.threads)
        var params = config.treeParams
        params.threads = threads
        // Bagged trees score every row by walking them, which needs the bins row by row.
        let learner = HistogramTreeLearner(binned: binned, params: params, rowMajor: config.rowSubsample < 1)
        let missingBins = learner.missingBins
        let f = binned.columnCount
        var ensemble = TreeEnsemble()
        var scores = [Double](repeating: initScore, count: n)
        var gh = [SIMD2<Float>](repeating: .zero, count: n)
        let rng = SeededRNG(seed: config.seed)
        var bestLoss = Double.infinity, bestTrees = 0
        for it in 0..<config.trees {
            BoostingGradients.compute(objective, scores: scores, labels: y, threads: threads, into: &gh)
            var treeRng = rng.derived(UInt64(it))
            var bag: [Int32]?
            if config.rowSubsample < 1 {
                let k = max(1, Int((Double(n) * config.rowSubsample).rounded()))
                bag = treeRng.sample(n, k).sorted().map { Int32($0) }
            }
            var features = Array(0..<f)
            if config.featureSubsample < 1 {
                let k = max(1, Int((Double(f) * config.featureSubsample).rounded()))
                features = treeRng.sample(f, k).sorted()
            }
            let tree = learner.grow(gh: gh, bag: bag, features: features, rng: &treeRng)
            if tree.leafCount == 1 && it > 0 { break }
            ensemble.append(tree, binnings: binned.binnings, scale: config.learningRate)
            let lr = config.learningRate
            if bag == nil {
                learner.indices.withUnsafeBufferPointer { idx in
                    for l in 0..<tree.leafCount {
                        let v = tree.leafValue[l] * lr
                        for i in tree.leafBegin[l]..<(tree.leafBegin[l] + tree.leafRows[l]) { scores[Int(idx[i])] += v }
                    }
                }
            } else {
                addTree(tree, lr: lr, bins: learner.rowBins, columns: f, missingBins: missingBins, to: &scores)
            }
            if !heldOutScores.isEmpty {
                addTree(tree, lr: lr, bins: heldOut, columns: f, missingBins: missingBins, to: &heldOutScores)
            }
            if var v = valid {
                addTree(tree, lr: lr, bins: v.bins, columns: f, missingBins: missingBins, to: &v.scores)
                let loss = objective.loss(scores: v.scores, labels: v.labels)
                valid = v
                if loss < bestLoss - 1e-12 { bestLoss = loss; bestTrees = ensemble.treeCount }
                if config.earlyStoppingRounds > 0 && ensemble.treeCount - bestTrees >= config.earlyStoppingRounds { break }
            }
        }
        var best: Int?
        if valid != nil && config.earlyStoppingRounds > 0 && bestTrees > 0 {
            best = bestTrees
            ensemble = ensemble.truncated(to: bestTrees)
        }
        return GradientBoostingModel(task: task, config: config, schema: schema, initScore: initScore,
                                     ensemble: ensemble, bestIteration: best)
    }

    private struct ValidationState {
        var bins: [UInt8]
        var labels: [Double]
        var scores: [Double]
    }

    /// Adds the tree's scaled leaf value to each binned row's score: a walk of one table
    /// lookup per level (`GrownTree.leftTable`), no bin tests.
    private func addTree(_ t: GrownTree, lr: Double, bins: [UInt8], columns f: Int, missingBins: [Int],
                         to scores: inout [Double]) {
        let rows = scores.count
        let value = t.leafValue.map { $0 * lr }
        guard !t.feature.isEmpty else {
            for r in 0..<rows { scores[r] += value[0] }
            return
        }
        let table = t.leftTable(missingBins: missingBins)
        bins.withUnsafeBufferPointer { b in
            table.withUnsafeBufferPointer { go in
                t.feature.withUnsafeBufferPointer { feat in
                    t.left.withUnsafeBufferPointer { lt in
                        t.right.withUnsafeBufferPointer { rt in
                            scores.withUnsafeMutableBufferPointer { s in
                                for r in 0..<rows {
                                    let row = r &* f
                                    var node: Int32 = 0
                                    while node >= 0 {
                                        let i = Int(node)
                                        node = go[i &<< 8 | Int(b[row &+ Int(feat[i])])] != 0 ? lt[i] : rt[i]
                                    }
                                    s[r] += value[Int(~node)]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
