import Testing
import OpsDeckTestSupport
import Core
import Learning
import Synthetic
import Sales

/// The models stage with an imported file's extra columns: inferred as `model fit` does,
/// leaks left out with a note, and a card per model that says all of it.
@Suite struct SalesModelsExtrasTests {
    static let asOf = CustomerGenerator.defaultAsOfDay
    static let customers = CustomerGenerator(seed: 3).generate(count: 400)

    /// A strongly predictive but noisy score, a date, a yes/no, an id-like code, a copy of
    /// the label under an innocent name, and a column named like the target.
    static func extras(_ customers: [Customer]) -> CustomerExtras { CustomerExtrasFixture.extras(customers, asOf: asOf) }

    var config: SalesConfig { var c = SalesConfig.fastForTests; c.trees = 30; return c }

    @Test func aPredictiveExtraColumnRaisesTheChurnAUC() throws {
        let without = try SalesModels.fit(Self.customers, asOfDay: Self.asOf, config: config, seed: 1, threads: 1)
        let with = try SalesModels.fit(Self.customers, extras: Self.extras(Self.customers), asOfDay: Self.asOf, config: config,
                                       seed: 1, threads: 1)
        #expect(with.auc > without.auc + 0.03, "AUC \(with.auc) with extras vs \(without.auc) without")
        let card = try #require(with.cards.first)
        let used = Dictionary(uniqueKeysWithValues: card.schema.features.map { ($0.name, $0.kind) })
        #expect(used["health_score"] == .numeric && used["renewal_date"] == .date && used["has_contract"] == .boolean)
        #expect(card.drivers.first?.feature == "health_score")
    }

    @Test func leakyAndIdLikeColumnsAreLeftOutWithANote() throws {
        let scores = try SalesModels.fit(Self.customers, extras: Self.extras(Self.customers), asOfDay: Self.asOf, config: config,
                                         seed: 1, threads: 1)
        let card = try #require(scores.cards.first)
        let reasons = Dictionary(uniqueKeysWithValues: card.excluded.map { ($0.name, $0.reason) })
        #expect(reasons["account_status"]?.hasPrefix("leakage guard: its 2 categories each hold one churn class") == true)
        #expect(reasons["churn_flag_copy"]?.hasPrefix("leakage guard: named like a target") == true)
        #expect(reasons["crm_code"]?.contains("id-like") == true)
        #expect(!card.schema.features.contains { ["account_status", "churn_flag_copy", "crm_code"].contains($0.name) })
        #expect(scores.importance.allSatisfy { $0.0 != "account_status" })
    }

    @Test func aNumericCopyOfTheLabelIsCaughtByItsAUC() {
        var frame = FeatureFrame(rowCount: 6)
        try? frame.addNumeric("x", [0.1, 0.2, 0.3, 0.9, 0.8, 0.7])
        let churn: [Double] = [0, 0, 0, 1, 1, 1]
        let why = ExtraFeatures.leak(frame.columns[0], rows: Array(0..<6), churn: churn, value: [1, 2, 1, 2, 1, 2])
        #expect(why?.hasPrefix("predicts churn perfectly") == true)
        let filled = ExtraFeatures.leak(.numeric([.nan, .nan, .nan, 5, 6, 7]), rows: Array(0..<6), churn: churn, value: [1, 2, 1, 2, 1, 2])
        #expect(filled?.hasPrefix("whether it is filled") == true)
    }

    @Test func theCardRendersEverySection() throws {
        let scores = try SalesModels.fit(Self.customers, extras: Self.extras(Self.customers), asOfDay: Self.asOf, config: config,
                                         seed: 1, threads: 1)
        #expect(scores.cards.map(\.name) == ["churn", "value"])
        let churn = ModelCardText.lines(scores.cards[0]).joined(separator: "\n")
        for part in ["model card \"churn\" · the run's customers · as of 2026-11-01", "rows: 400 accounts → 400 with the target",
                     "evaluation: 3 seeded folds", "target: churned, classification; positive class \"1\"",
                     "features used (", "health_score", "extra column", "dates as age in days before 2026-11-01",
                     "columns left out:", "leakage guard", "model: gradient boosting: 30 trees",
                     "settings fixed by the run's configuration", "out of fold (400 rows, positive rate", "AUC ",
                     "top drivers (share of split gain, last fold's model):"] {
            #expect(churn.contains(part), "missing \(part)")
        }
        let value = ModelCardText.lines(scores.cards[1]).joined(separator: "\n")
        #expect(value.contains("target: future_spend_6m, regression") && value.contains("RMSE ") && value.contains("ln(1 + spend"))
        // The card's date is the run's as-of day, so the same run gives the same bytes.
        let again = try SalesModels.fit(Self.customers, extras: Self.extras(Self.customers), asOfDay: Self.asOf, config: config,
                                        seed: 1, threads: 1)
        #expect(again.cards.map { $0.json() } == scores.cards.map { $0.json() })
    }

    @Test func syntheticDataHasNoExtraFeatures() throws {
        let scores = try SalesModels.fit(Self.customers, asOfDay: Self.asOf, config: config, seed: 1, threads: 1)
        let card = try #require(scores.cards.first)
        #expect(!card.schema.features.contains { $0.note?.contains("extra column") == true })
        #expect(card.schema.features.count == (try CustomerFeatures.frame(Self.customers, asOfDay: Self.asOf)).columnCount)
    }
}
