import Testing
import Learning

@Suite struct ForestAndLinearTests {
    @Test func randomForestLearnsAndExplains() throws {
        let (f, y) = LearningToyData.mixed(rows: 1200, seed: 12)
        let split = Splits.holdout(rowCount: 1200)
        let rf = RandomForest(trees: 30, maxLeaves: 64, minSamplesLeaf: 5, balancedClassWeights: true, seed: 2, threads: 2)
        let model = try rf.fit(f.rows(split.train), labels: split.train.map { y[$0] })
        let test = f.rows(split.test)
        let p = try model.predictProbability(test)
        #expect(p.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try Metrics.rocAUC(labels: split.test.map { y[$0] }, scores: p) > 0.7)
        let c = try model.contributions(test)
        for r in 0..<20 { #expect(abs(c.bias + c.row(r).reduce(0, +) - p[r]) < 1e-9) }
        let again = try RandomForest(trees: 30, maxLeaves: 64, minSamplesLeaf: 5, balancedClassWeights: true, seed: 2,
                                     threads: 1).fit(f.rows(split.train), labels: split.train.map { y[$0] })
        #expect(again == model)
        let back = try RandomForestModel(serialized: model.serialized())
        #expect(back == model && back.serialized() == model.serialized())
    }

    @Test func logisticRegressionMatchesTheGeneratingSigns() throws {
        let (f, y) = LearningToyData.mixed(rows: 2000, seed: 13)
        let model = try LogisticRegression(l2: 1).fit(f, labels: y)
        // x has a positive effect; even categories (a, c, e) are positive.
        #expect(model.weights[0] > 0.8)
        #expect(model.weights[2] > model.weights[3])
        let p = try model.predictProbability(f)
        #expect(try Metrics.rocAUC(labels: y, scores: p) > 0.75)
        let back = try LogisticRegressionModel(serialized: model.serialized())
        #expect(try back.predictProbability(f) == p)
        #expect(throws: LearningError.self) { try LogisticRegressionModel(serialized: Array(model.serialized().dropLast(3))) }
        #expect(throws: LearningError.oneClassOnly(label: 1)) {
            try LogisticRegression().fit(f, labels: Array(repeating: 1, count: 2000))
        }
    }

    @Test func permutationImportanceFindsTheSignal() throws {
        let (f, y) = LearningToyData.mixed(rows: 1000, seed: 14)
        var noisy = f
        try noisy.addNumeric("noise", (0..<1000).map { Float(($0 * 7919) % 101) })
        let model = try GradientBoosting(task: .binaryClassification, config: .init(trees: 30, learningRate: 0.1))
            .fit(noisy, labels: y)
        let imp = try PermutationImportance.compute(frame: noisy, labels: y, repeats: 3, seed: 1,
                                                    predict: { try model.predictRaw($0) },
                                                    score: { try Metrics.rocAUC(labels: $0, scores: $1) })
        #expect(imp[0] > imp[3])
        #expect(imp[0] > 0.05)
    }
}
