import Testing
import Core
import Learning
import Synthetic
import Support

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

    @Test func preparedTrainerBinsOnceAndFitsTheSameRowsAsUnprepared() throws {
        let tickets = TicketGenerator(seed: 6, days: 40).generate(count: 1200)
        var config = GradientBoostingConfig(trees: 10, learningRate: 0.2, numLeaves: 7, seed: 3)
        config.minDataInLeaf = 20
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 2),
                                          trainer: GradientBoostingBreachTrainer(config: config))
        let labels = a.labels.map { $0 ?? 0 }
        let base = GradientBoostingBreachTrainer(config: config)
        let prepared = try base.prepared(for: a.features, rows: a.resolvedRows)
        #expect(prepared.name == base.name)
        // Binned over every resolved ticket, the same binning as a fit on all of them.
        let all = a.resolvedRows
        let p1 = try prepared.fit(a.features, labels: labels, rows: all).probabilities(a.features, rows: all)
        let p2 = try base.fit(a.features, labels: labels, rows: all).probabilities(a.features, rows: all)
        #expect(p1 == p2)
        // A row that was not binned falls back to a fit of its own instead of failing.
        let open = try #require(tickets.indices.first { a.labels[$0] == nil })
        let mixed = Array(all.prefix(300)) + [open]
        #expect(try prepared.fit(a.features, labels: labels, rows: mixed).probabilities(a.features, rows: [open]).count == 1)
    }

    /// A large desk fits its folds in turn (issue 21): the same scores as side by side.
    @Test func foldsInTurnScoreAsFoldsSideBySide() throws {
        let tickets = TicketGenerator(seed: 9, days: 40).generate(count: 1500)
        var config = GradientBoostingConfig(trees: 8, learningRate: 0.2, numLeaves: 7, seed: 5)
        config.minDataInLeaf = 20
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 4),
                                          trainer: GradientBoostingBreachTrainer(config: config))
        let labels = a.labels.map { $0 ?? 0 }
        let trainer = try GradientBoostingBreachTrainer(config: config).prepared(for: a.features, rows: a.resolvedRows)
        let side = try OutOfFoldScoring.score(a.features, labels: labels, rows: a.resolvedRows, folds: 3, trainer: trainer, seed: 4)
        let turn = try OutOfFoldScoring.score(a.features, labels: labels, rows: a.resolvedRows, folds: 3, trainer: trainer, seed: 4,
                                              sequentialAbove: 0)
        #expect(side.probabilities == turn.probabilities)
        #expect(side.fold == turn.fold)
        #expect(side.probabilities == a.outOfFold.probabilities)
    }

    /// Folds in turn fit on two threads: the models are byte for byte those of one thread
    /// (enough rows that the histograms, gradients and split searches do go parallel).
    @Test func foldsInTurnOnTwoThreadsFitTheSameModels() throws {
        let tickets = TicketGenerator(seed: 12, days: 60).generate(count: 40_000)
        var config = GradientBoostingConfig(trees: 6, learningRate: 0.3, numLeaves: 7, seed: 5)
        config.minDataInLeaf = 20
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 4),
                                          trainer: NaiveBayesBreachTrainer())
        let labels = a.labels.map { $0 ?? 0 }
        let trainer = try GradientBoostingBreachTrainer(config: config).prepared(for: a.features, rows: a.resolvedRows)
        let one = try OutOfFoldScoring.score(a.features, labels: labels, rows: a.resolvedRows, folds: 3, trainer: trainer, seed: 4)
        let two = try OutOfFoldScoring.score(a.features, labels: labels, rows: a.resolvedRows, folds: 3, trainer: trainer, seed: 4,
                                             threads: 2, sequentialAbove: 0)
        #expect(one.probabilities == two.probabilities)
        let bytes = { (s: OutOfFoldScores) in s.scorers.compactMap { ($0 as? GradientBoostingBreachScorer)?.model.serialized() } }
        #expect(bytes(one).count == 3 && bytes(one) == bytes(two))
    }

    /// Open tickets are scored by the fold models' average: mean log-odds, mean TreeSHAP
    /// contributions, which still add up to the averaged log-odds.
    @Test func openTicketsAreScoredByTheFoldModelsAverage() throws {
        let tickets = TicketGenerator(seed: 8, days: 40).generate(count: 1500)
        var config = GradientBoostingConfig(trees: 12, learningRate: 0.2, numLeaves: 7, seed: 5)
        config.minDataInLeaf = 20
        let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 3, seed: 4),
                                          trainer: GradientBoostingBreachTrainer(config: config))
        #expect(a.outOfFold.scorers.count == 3)
        let average = FoldAverageScorer(a.outOfFold.scorers)
        let entry = try #require(a.queue.entries.first)
        let row = entry.index
        let p = try average.probabilities(a.features, rows: [row])[0]
        #expect(abs(p - entry.probabilityAtArrival) < 1e-12)
        var logit = 0.0, bias = 0.0
        for part in a.outOfFold.scorers {
            let q = try part.probabilities(a.features, rows: [row])[0]
            logit += _log(q / (1 - q)) / 3
            let model = try #require(part as? GradientBoostingBreachScorer)
            bias += try model.model.contributions(a.features.frame(rows: [row])).bias / 3
        }
        #expect(abs(_log(p / (1 - p)) - logit) < 1e-9)
        let c = try average.contributions(a.features, rows: [row])[0]
        #expect(abs(bias + c.reduce(0, +) - logit) < 1e-9)
    }
}
