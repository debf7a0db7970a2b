import Testing
import Core
import Learning

@Suite struct TreeEnsembleLeafMasksTests {
    /// Missing values, categories (seen, unseen and missing) and numeric ties all reach the
    /// same leaf as the walk, and the sums are the same bit for bit.
    @Test(arguments: [2, 7, 31])
    func leafMasksScoreExactlyLikeTheWalk(leaves: Int) throws {
        let (frame, y) = LearningToyData.mixed(rows: 3000, seed: 11)
        var cfg = GradientBoostingConfig(trees: 15, learningRate: 0.2, numLeaves: leaves, seed: 4)
        cfg.minDataInLeaf = 5
        cfg.maxCatToOneHot = 2
        let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(frame, labels: y)
        let rows = try DenseRows(frame: frame, schema: model.schema)
        let quick = try #require(LeafMaskScorer(model.ensemble, trees: model.ensemble.treeCount))
        #expect(quick.predict(rows, ensemble: model.ensemble) == model.ensemble.walk(rows, trees: model.ensemble.treeCount))
        #expect(model.ensemble.predict(rows, trees: 5) == model.ensemble.walk(rows, trees: 5))
    }

    @Test func treesOfMoreThan64LeavesAreWalked() throws {
        let (frame, y) = LearningToyData.mixed(rows: 4000, seed: 12)
        var cfg = GradientBoostingConfig(trees: 2, learningRate: 0.2, numLeaves: 100, seed: 4)
        cfg.minDataInLeaf = 2
        let model = try GradientBoosting(task: .regression, config: cfg).fit(frame, labels: y.indices.map { Double($0 % 97) })
        #expect(model.ensemble.nodeCount > 2 * 64)
        #expect(LeafMaskScorer(model.ensemble, trees: 2) == nil)
        let rows = try DenseRows(frame: frame, schema: model.schema)
        #expect(model.ensemble.predict(rows) == model.ensemble.walk(rows, trees: 2))
    }

    /// Categories past code 62 (and unknown codes at scoring) take the ensemble's own test.
    @Test func manyCategoriesScoreLikeTheWalk() throws {
        var rng = SeededRNG(seed: 13)
        let n = 4000
        let codes = (0..<n).map { _ in rng.bernoulli(0.05) ? Int32(-1) : Int32(rng.int(below: 100)) }
        let x = (0..<n).map { _ in Float(rng.normal()) }
        let y = (0..<n).map { i in codes[i] >= 0 && (codes[i] % 3 == 0 || codes[i] > 70) != (x[i] > 0.5) ? 1.0 : 0.0 }
        var frame = FeatureFrame(rowCount: n)
        try frame.addCategorical("c", codes: codes, labels: (0..<100).map { "L\($0)" })
        try frame.addNumeric("x", x)
        var cfg = GradientBoostingConfig(trees: 10, learningRate: 0.3, numLeaves: 7, seed: 2)
        cfg.minDataInLeaf = 10
        cfg.minDataPerGroup = 10
        let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(frame, labels: y)
        let rows = try DenseRows(frame: frame, schema: model.schema)
        let quick = try #require(LeafMaskScorer(model.ensemble, trees: model.ensemble.treeCount))
        #expect(quick.nodes.contains { $0.wide } && quick.nodes.contains { $0.codesLeft != 0 })
        #expect(quick.predict(rows, ensemble: model.ensemble) == model.ensemble.walk(rows, trees: model.ensemble.treeCount))
    }
}
