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
    /// Rows from which a leaf's partition and a score update are split across the threads
    /// (same results either way; tests lower it to cover the split on small data).
    package var parallelRows = 1 << 17

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
        params.parallelRows = parallelRows
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
                addLeaves(tree, lr: lr, indices: learner.indices, threads: threads, to: &scores)
            } else {
                addTree(tree, lr: lr, bins: learner.rowBins, columns: f, missingBins: missingBins, to: &scores)
            }
            if !heldOutScores.isEmpty {
                addTree(tree, lr: lr, bins: heldOut, columns: f, missingBins: missingBins, threads: threads, to: &heldOutScores)
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

    /// Adds each leaf's scaled value to the scores of the rows it holds (`indices`, grouped by
    /// leaf). Split into contiguous position chunks across `threads`: every position is a
    /// different row, and each score gets the same one addition, so the result is the same.
    private func addLeaves(_ tree: GrownTree, lr: Double, indices: [Int32], threads: Int, to scores: inout [Double]) {
        let n = indices.count
        let chunks = threads > 1 && n >= parallelRows ? threads : 1
        let per = (n + chunks - 1) / chunks
        let value = tree.leafValue.map { $0 * lr }
        let begin = tree.leafBegin, rows = tree.leafRows
        indices.withUnsafeBufferPointer { ib in
            scores.withUnsafeMutableBufferPointer { sb in
                let idx = UnsafeSendableBuffer(p: ib), s = SendablePointer(p: sb.baseAddress.unsafelyUnwrapped)
                let run: @Sendable (Int) -> Void = { c in
                    let lo = c * per, hi = min(n, lo + per)
                    for l in 0..<value.count {
                        let from = max(lo, begin[l]), to = min(hi, begin[l] + rows[l])
                        guard from < to else { continue }
                        let v = value[l]
                        for i in from..<to { s.p[Int(idx.p[i])] += v }
                    }
                }
                if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
            }
        }
    }

    /// Adds the tree's scaled leaf value to each binned row's score: a walk of one table
    /// lookup per level (`GrownTree.leftTable`), no bin tests; rows in contiguous chunks
    /// across `threads` (each row's score is its own).
    private func addTree(_ t: GrownTree, lr: Double, bins: [UInt8], columns f: Int, missingBins: [Int], threads: Int = 1,
                         to scores: inout [Double]) {
        let rows = scores.count
        let value = t.leafValue.map { $0 * lr }
        guard !t.feature.isEmpty else {
            for r in 0..<rows { scores[r] += value[0] }
            return
        }
        let table = t.leftTable(missingBins: missingBins)
        let chunks = threads > 1 && rows >= parallelRows ? threads : 1
        let per = (rows + chunks - 1) / chunks
        bins.withUnsafeBufferPointer { b in
            table.withUnsafeBufferPointer { go in
                t.feature.withUnsafeBufferPointer { feat in
                    t.left.withUnsafeBufferPointer { lt in
                        t.right.withUnsafeBufferPointer { rt in
                            scores.withUnsafeMutableBufferPointer { sb in
                                let (b, go, feat) = (UnsafeSendableBuffer(p: b), UnsafeSendableBuffer(p: go), UnsafeSendableBuffer(p: feat))
                                let (lt, rt) = (UnsafeSendableBuffer(p: lt), UnsafeSendableBuffer(p: rt))
                                let s = SendablePointer(p: sb.baseAddress.unsafelyUnwrapped)
                                let run: @Sendable (Int) -> Void = { c in
                                    for r in (c * per)..<min(rows, (c + 1) * per) {
                                        let row = r &* f
                                        var node: Int32 = 0
                                        while node >= 0 {
                                            let i = Int(node)
                                            node = go.p[i &<< 8 | Int(b.p[row &+ Int(feat.p[i])])] != 0 ? lt.p[i] : rt.p[i]
                                        }
                                        s.p[r] += value[Int(~node)]
                                    }
                                }
                                if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
                            }
                        }
                    }
                }
            }
        }
    }
}
