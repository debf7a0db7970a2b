import Testing
@testable import Engine

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
}
