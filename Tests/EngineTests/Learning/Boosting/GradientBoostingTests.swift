import Testing
import Core
import Learning

@Suite struct GradientBoostingTests {
    func config(trees: Int = 50, leaves: Int = 8, lr: Double = 0.1) -> GradientBoostingConfig {
        var c = GradientBoostingConfig(trees: trees, learningRate: lr, numLeaves: leaves, seed: 5)
        c.minDataInLeaf = 5
        return c
    }

    @Test func separableToyReachesAUCOne() throws {
        let (f, y) = LearningToyData.separable(rows: 600, seed: 1)
        let split = Splits.holdout(rowCount: 600)
        let model = try GradientBoosting(task: .binaryClassification, config: config(trees: 100))
            .fit(f.rows(split.train), labels: split.train.map { y[$0] })
        let p = try model.predictProbability(f.rows(split.test))
        #expect(try Metrics.rocAUC(labels: split.test.map { y[$0] }, scores: p) == 1)
    }

    @Test func regressionRecoversAStepFunction() throws {
        let n = 400
        let x = (0..<n).map { Float($0) / Float(n) }
        let step = { (v: Float) -> Double in v < 0.3 ? 1 : (v < 0.7 ? 5 : 2) }
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("x", x)
        let model = try GradientBoosting(task: .regression, config: config(trees: 100, leaves: 4, lr: 0.3))
            .fit(f, labels: x.map(step))
        var probe = FeatureFrame(rowCount: 6)
        let at: [Float] = [0.05, 0.25, 0.35, 0.65, 0.75, 0.95]
        try probe.addNumeric("x", at)
        let pred = try model.predictRaw(probe)
        for (p, v) in zip(pred, at) { #expect(abs(p - step(v)) < 0.05) }
    }

    @Test(arguments: [10.0, 0.0])
    func missingValuesFollowTheLearnedDefault(missingTarget: Double) throws {
        // x < 0.5 → 0, x ≥ 0.5 → 10; rows without x have `missingTarget`.
        var rng = SeededRNG(seed: 2)
        var x: [Float] = [], y: [Double] = []
        for i in 0..<300 {
            if i % 5 == 0 { x.append(.nan); y.append(missingTarget); continue }
            let v = rng.uniform()
            x.append(Float(v)); y.append(v < 0.5 ? 0 : 10)
        }
        var f = FeatureFrame(rowCount: x.count)
        try f.addNumeric("x", x)
        let model = try GradientBoosting(task: .regression, config: config(trees: 30, leaves: 2, lr: 0.5)).fit(f, labels: y)
        var probe = FeatureFrame(rowCount: 3)
        try probe.addNumeric("x", [.nan, 0.1, 0.9])
        let p = try model.predictRaw(probe)
        let same = missingTarget == 10 ? p[2] : p[1]
        #expect(abs(p[0] - same) < 1e-9)
        #expect(abs(p[0] - missingTarget) < 0.5)
    }

    @Test func missingUnseenInTrainingTakesTheLargerSide() throws {
        let x = (0..<200).map { Float($0) / 200 }
        var f = FeatureFrame(rowCount: x.count)
        try f.addNumeric("x", x)
        let model = try GradientBoosting(task: .regression, config: config(trees: 20, leaves: 2, lr: 0.5))
            .fit(f, labels: x.map { $0 < 0.2 ? 0 : 10 })
        var probe = FeatureFrame(rowCount: 2)
        try probe.addNumeric("x", [.nan, 0.9])
        let p = try model.predictRaw(probe)
        #expect(p[0] == p[1])
    }

    @Test func categoricalSplitsBeatOneHotOnManyCategories() throws {
        // 60 categories, a random half of them positive-leaning.
        let n = 3000, k = 60
        var rng = SeededRNG(seed: 4)
        let good = Set(rng.sample(k, k / 2))
        var codes: [Int32] = [], y: [Double] = []
        for _ in 0..<n {
            let c = rng.int(below: k)
            codes.append(Int32(c))
            y.append(rng.bernoulli(good.contains(c) ? 0.8 : 0.2) ? 1 : 0)
        }
        var cat = FeatureFrame(rowCount: n)
        try cat.addCategorical("c", codes: codes, labels: (0..<k).map { "c\($0)" })
        var hot = FeatureFrame(rowCount: n)
        for j in 0..<k { try hot.addNumeric("is_c\(j)", codes.map { $0 == Int32(j) ? 1 : 0 }) }
        var cfg = config(trees: 10, leaves: 4, lr: 0.3)
        cfg.minDataPerGroup = 20
        let split = Splits.holdout(rowCount: n)
        func auc(_ f: FeatureFrame) throws -> Double {
            let m = try GradientBoosting(task: .binaryClassification, config: cfg)
                .fit(f.rows(split.train), labels: split.train.map { y[$0] })
            return try Metrics.rocAUC(labels: split.test.map { y[$0] }, scores: try m.predictRaw(f.rows(split.test)))
        }
        let aCat = try auc(cat), aHot = try auc(hot)
        #expect(aCat > aHot + 0.05)
        #expect(aCat > 0.75)
    }

    @Test func contributionsSumToTheRawScore() throws {
        let (f, y) = LearningToyData.mixed(rows: 800, seed: 6)
        let model = try GradientBoosting(task: .binaryClassification, config: config(trees: 40)).fit(f, labels: y)
        let probe = f.rows(Array(0..<100))
        let raw = try model.predictRaw(probe)
        let c = try model.contributions(probe)
        for r in 0..<100 {
            let sum = c.bias + c.row(r).reduce(0, +)
            #expect(abs(sum - raw[r]) < 1e-6 * max(1, abs(raw[r])))
        }
        #expect(model.gainImportance.allSatisfy { $0 >= 0 } && model.gainImportance[0] > 0)
    }

    @Test func contributionsAreTheSameAloneAndInABatchThatReusesDecisionPatterns() throws {
        let (f, y) = LearningToyData.mixed(rows: 600, seed: 16)
        let model = try GradientBoosting(task: .binaryClassification, config: config(trees: 30)).fit(f, labels: y)
        // 300 rows through trees of a few leaves: most rows repeat another's decisions.
        let batch = try model.contributions(f.rows(Array(0..<300)))
        for r in stride(from: 0, to: 300, by: 7) {
            let alone = try model.contributions(f.rows([r]))
            #expect(Array(alone.row(0)) == Array(batch.row(r)))
            #expect(alone.bias == batch.bias)
        }
    }

    @Test func sameSeedGivesIdenticalBytesAndBytesRoundTrip() throws {
        let (f, y) = LearningToyData.mixed(rows: 500, seed: 7)
        var cfg = config(trees: 20)
        cfg.rowSubsample = 0.8
        cfg.featureSubsample = 0.67
        let a = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        let b = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        #expect(a.serialized() == b.serialized())
        let back = try GradientBoostingModel(serialized: a.serialized())
        #expect(back == a)
        #expect(try back.predictRaw(f) == (try a.predictRaw(f)))
        cfg.seed = 99
        let c = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        #expect(c.serialized() != a.serialized())
        // Two threads build the very same trees.
        cfg.threads = 2
        let d = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        #expect(d.ensemble == c.ensemble)
    }

    /// A large leaf's partition and the score updates (training rows by leaf, held-out rows
    /// by walking the tree) cut into one chunk per thread: the same trees and the same
    /// held-out scores as one thread, bit for bit. `parallelRows` is lowered so that small
    /// data takes the split path at every level.
    @Test func chunkedPartitionsAndScoreUpdatesFitTheSameModel() throws {
        let (f, y) = LearningToyData.mixed(rows: 6000, seed: 21)
        let binned = try BinnedMatrix(frame: f, maxBins: 63)
        let train = Array(0..<4500), held = Array(4500..<6000)
        var results: [(bytes: [UInt8], raw: [Double])] = []
        for (threads, from) in [(1, 1 << 17), (2, 64), (3, 500)] {
            var boosting = GradientBoosting(task: .binaryClassification, config: config(trees: 12, leaves: 7, lr: 0.3))
            boosting.workers = threads
            boosting.parallelRows = from
            let (model, raw) = try boosting.fit(binned: binned.rows(train), schema: f.schema, labels: train.map { y[$0] },
                                                scoring: binned.rows(held))
            results.append((model.serialized(), raw))
        }
        for r in results.dropFirst() {
            #expect(r.bytes == results[0].bytes)
            #expect(r.raw == results[0].raw)
        }
    }

    @Test func corruptBytesThrow() throws {
        let (f, y) = LearningToyData.mixed(rows: 200, seed: 8)
        let bytes = try GradientBoosting(task: .binaryClassification, config: config(trees: 3)).fit(f, labels: y).serialized()
        #expect(throws: LearningError.self) { try GradientBoostingModel(serialized: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: LearningError.self) { try GradientBoostingModel(serialized: [0x4F, 0x44]) }
    }

    @Test func earlyStoppingAndDepthWiseGrowth() throws {
        let (f, y) = LearningToyData.mixed(rows: 1000, seed: 9)
        let split = Splits.holdout(rowCount: 1000)
        var cfg = config(trees: 400, leaves: 16, lr: 0.3)
        cfg.earlyStoppingRounds = 10
        let m = try GradientBoosting(task: .binaryClassification, config: cfg)
            .fit(f.rows(split.train), labels: split.train.map { y[$0] },
                 validation: (f.rows(split.test), split.test.map { y[$0] }))
        let kept = try #require(m.bestIteration)
        #expect(kept < 400 && m.ensemble.treeCount == kept)
        cfg.growth = .depthWise
        cfg.maxDepth = 2
        cfg.earlyStoppingRounds = 0
        cfg.trees = 5
        let d = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        // Depth 2 → at most 3 internal nodes and 4 leaves per tree.
        #expect(d.ensemble.nodeCount <= 5 * 7)
    }

    @Test func categoryLabelsAreMatchedByNameAtPredict() throws {
        let (f, y) = LearningToyData.mixed(rows: 400, seed: 10)
        let model = try GradientBoosting(task: .binaryClassification, config: config(trees: 10)).fit(f, labels: y)
        guard case .numeric(let x) = f.columns[0], case .numeric(let z) = f.columns[1],
              case .categorical(let codes, let labels) = f.columns[2] else { Issue.record("kinds"); return }
        // The same rows with the label list reversed (and codes re-pointed).
        var g = FeatureFrame(rowCount: f.rowCount)
        try g.addNumeric("x", x)
        try g.addNumeric("z", z)
        let last = Int32(labels.count - 1)
        try g.addCategorical("c", codes: codes.map { $0 < 0 ? -1 : last - $0 }, labels: labels.reversed())
        #expect(try model.predictRaw(g) == (try model.predictRaw(f)))
    }

    @Test func badInputGivesTypedErrors() throws {
        let gb = GradientBoosting(task: .binaryClassification, config: config(trees: 3))
        #expect(throws: LearningError.noRows) { try gb.fit(FeatureFrame(rowCount: 0), labels: []) }
        let (f, y) = LearningToyData.separable(rows: 50, seed: 3)
        #expect(throws: LearningError.oneClassOnly(label: 0)) { try gb.fit(f, labels: Array(repeating: 0, count: 50)) }
        var nanY = y
        nanY[7] = .nan
        #expect(throws: LearningError.nonFiniteTarget(row: 7)) {
            try GradientBoosting(task: .regression, config: config(trees: 3)).fit(f, labels: nanY)
        }
        #expect(throws: LearningError.labelCountMismatch(expected: 50, got: 49)) { try gb.fit(f, labels: Array(y.dropLast())) }
        let model = try gb.fit(f, labels: y)
        var narrow = FeatureFrame(rowCount: 2)
        try narrow.addNumeric("x0", [0.1, 0.2])
        #expect(throws: LearningError.columnCountMismatch(expected: 2, got: 1)) { try model.predictRaw(narrow) }
        var bad = config()
        bad.learningRate = 0
        #expect(throws: LearningError.self) { try GradientBoosting(task: .regression, config: bad).fit(f, labels: y) }
        var frame = FeatureFrame(rowCount: 2)
        #expect(throws: LearningError.columnLengthMismatch(column: "a", expected: 2, got: 3)) {
            try frame.addNumeric("a", [1, 2, 3])
        }
    }

    @Test func fitOnPreBinnedRowsIsTheSameModel() throws {
        let (frame, y) = LearningToyData.mixed(rows: 600, seed: 9)
        let gb = GradientBoosting(task: .binaryClassification, config: config(trees: 20))
        let binned = try BinnedMatrix(frame: frame, maxBins: gb.config.maxBins, seed: gb.config.seed)
        let a = try gb.fit(frame, labels: y)
        let b = try gb.fit(binned: binned, schema: frame.schema, labels: y)
        #expect(a.serialized() == b.serialized())
        // A fold's rows of one shared binning learn what generalises to the rows held out.
        let fold = Array(stride(from: 0, to: 600, by: 3)), held = (0..<600).filter { $0 % 3 != 0 }
        let c = try gb.fit(binned: binned.rows(fold), schema: frame.schema, labels: fold.map { y[$0] })
        let p = try c.predictProbability(frame.rows(held))
        #expect(try Metrics.rocAUC(labels: held.map { y[$0] }, scores: p) > 0.7)
        var wrong = frame.schema
        wrong.categoryLabels[0] = ["x"]
        #expect(throws: LearningError.self) { try gb.fit(binned: binned, schema: wrong, labels: y) }
        #expect(throws: LearningError.self) { try gb.fit(binned: binned, schema: frame.schema, labels: Array(y.dropLast())) }
    }

    @Test func heldOutRowsScoredWhileGrowingMatchPredictRawBitForBit() throws {
        let (frame, y) = LearningToyData.mixed(rows: 900, seed: 21)
        let fold = Array(stride(from: 0, to: 900, by: 3)), held = (0..<900).filter { $0 % 3 != 0 }
        for task in [BoostingTask.binaryClassification, .regression] {
            let gb = GradientBoosting(task: task, config: config(trees: 25))
            let binned = try BinnedMatrix(frame: frame, maxBins: gb.config.maxBins, seed: gb.config.seed)
            let (model, raw) = try gb.fit(binned: binned.rows(fold), schema: frame.schema, labels: fold.map { y[$0] },
                                          scoring: binned.rows(held))
            #expect(model.ensemble.treeCount > 1)
            #expect(raw == (try model.predictRaw(frame.rows(held))))
            #expect(model == (try gb.fit(binned: binned.rows(fold), schema: frame.schema, labels: fold.map { y[$0] })))
        }
        // Rows binned some other way are refused, not scored wrongly.
        let gb = GradientBoosting(task: .regression, config: config(trees: 3))
        let binned = try BinnedMatrix(frame: frame, maxBins: 63, seed: 1)
        let other = try BinnedMatrix(frame: frame, maxBins: 15, seed: 1)
        #expect(throws: LearningError.self) { try gb.fit(binned: binned, schema: frame.schema, labels: y, scoring: other) }
    }
}
