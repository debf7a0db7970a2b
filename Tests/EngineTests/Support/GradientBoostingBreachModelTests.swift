import Testing
@testable import Engine

@Suite struct GradientBoostingBreachModelTests {
    @Test func boostingBehindTheBreachProtocolLearnsAndExplains() throws {
        let tickets = TicketGenerator(seed: 5, days: 60).generate(count: 2000)
        var config = GradientBoostingConfig(trees: 25, learningRate: 0.15, numLeaves: 15, seed: 1)
        config.minDataInLeaf = 30
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 2),
                                          trainer: GradientBoostingBreachTrainer(config: config))
        #expect(a.modelName.hasPrefix("gradient boosting"))
        #expect(a.metrics.auc > 0.6)
        #expect(a.outOfFold.probabilities.allSatisfy { $0 > 0 && $0 < 1 })
        let top = try #require(a.queue.entries.first)
        #expect(!top.reasons.isEmpty)
        // TreeSHAP: contributions add up to the log-odds the model predicts.
        let scorer = try GradientBoostingBreachTrainer(config: config)
            .fit(a.features, labels: a.labels.map { $0 ?? 0 }, rows: a.resolvedRows)
        let row = a.resolvedRows[0]
        let p = try scorer.probabilities(a.features, rows: [row])[0]
        let c = try scorer.contributions(a.features, rows: [row])[0]
        #expect(c.count == SupportFeatures.names.count)
        let model = try #require(scorer as? GradientBoostingBreachScorer)
        let bias = try model.model.contributions(a.features.frame(rows: [row])).bias
        #expect(abs(sigmoid(bias + c.reduce(0, +)) - p) < 1e-6)
    }
}
