import Core
import Learning
/// The model cards of the pipeline's churn and value models, in the layout `opsdeck model
/// fit` prints: the accounts and labels, every feature with its type (extra columns of an
/// imported file marked, and what was left out and why), the boosting settings, out-of-fold
/// metrics and the main drivers. Dated by the run's as-of day, never the wall clock, so a
/// run's card is the same bytes every time.
package struct SalesModelCards {
    package let frame: FeatureFrame
    package let extra: ExtraFeatures?
    package let accounts: Int
    package let asOfDay: Int
    package let config: SalesConfig
    package let boosting: GradientBoostingConfig
    package let seed: UInt64

    /// Fields of the customer record that never become features, and why.
    package static let builtInLeftOut = [
        ExcludedColumn(name: "customer_id", reason: "names the account"),
        ExcludedColumn(name: "churned", reason: "the churn label"),
        ExcludedColumn(name: "future_spend_6m", reason: "the value label"),
        ExcludedColumn(name: "churn_logit", reason: "the synthetic generator's hidden truth"),
        ExcludedColumn(name: "last_purchase_date", reason: "used as recency_days (days before the as-of date)"),
    ]

    package typealias Outcome = (labels: [Double], outOfFold: [Double], lastModel: GradientBoostingModel?)

    package func cards(churn: Outcome, value: Outcome) throws -> [ModelCard] {
        let churnMetrics = try metrics(classification: true, churn)
        let valueMetrics = try metrics(classification: false, value)
        let churnTarget = TabularTarget(column: "churned", task: .classification, positive: "1", negative: "0",
                                        positiveReason: "1 marks an account that left")
        let valueTarget = TabularTarget(column: "future_spend_6m", task: .regression)
        return [
            card("churn", churnTarget, churnMetrics, churn, notes: []),
            card("value", valueTarget, valueMetrics, value,
                 notes: ["predicts ln(1 + spend over the next six months); RMSE, MAE and R² are on that scale"]),
        ]
    }

    private func card(_ name: String, _ target: TabularTarget, _ m: ModelCard.TestMetrics, _ o: Outcome, notes: [String]) -> ModelCard {
        let labelled = o.labels.count
        let settings = TabularSettings(family: .gbm, trees: boosting.trees, learningRate: boosting.learningRate,
                                       numLeaves: boosting.numLeaves, minDataInLeaf: boosting.minDataInLeaf)
        let evaluation = "\(config.folds) seeded folds; each account is scored by a model that did not see it, "
            + "each fold training on at most \(config.trainRowsPerFold) accounts of the others"
        var card = ModelCard(
            name: name, createdAt: "as of " + CivilDate.format(days: asOfDay), source: "the run's customers",
            holdoutRule: evaluation,
            rows: .init(inFile: accounts, train: labelled, test: labelled,
                        leftOut: accounts > labelled ? ["no churn or future-spend label; scored, not evaluated": accounts - labelled] : [:]),
            target: target, schema: schema(), excluded: Self.builtInLeftOut + (extra?.excluded ?? []),
            selection: Selection(chosen: settings, metric: target.task == .classification ? "AUC" : "RMSE", folds: config.folds,
                                 candidates: []),
            metrics: m, drivers: drivers(o.lastModel), seed: seed, fitSeconds: nil)
        card.outOfFold = true
        card.driversBasis = "share of split gain, last fold's model"
        card.notes = notes + ["histograms of \(boosting.maxBins) bins per feature"]
        return card
    }

    /// Built-in features by their column type, then the extras with their inferred type.
    package func schema() -> TabularSchema {
        let extras = extra?.features ?? []
        let base = frame.columnCount - extras.count
        var features: [TabularFeature] = []
        for k in 0..<base {
            switch frame.columns[k] {
            case .numeric:
                let note = frame.names[k] == "recency_days" ? "days since the last purchase" : nil
                features.append(TabularFeature(name: frame.names[k], kind: .numeric, note: note))
            case .categorical(_, let labels):
                features.append(TabularFeature(name: frame.names[k], kind: .categorical, labels: labels))
            }
        }
        return TabularSchema(features: features + extras, asOfDay: asOfDay, idColumn: "customer_id")
    }

    private func metrics(classification: Bool, _ o: Outcome) throws -> ModelCard.TestMetrics {
        var m = ModelCard.TestMetrics()
        if classification {
            m.positiveRate = o.labels.reduce(0, +) / Double(max(1, o.labels.count))
            m.auc = try Metrics.rocAUC(labels: o.labels, scores: o.outOfFold)
            m.averagePrecision = try Metrics.averagePrecision(labels: o.labels, scores: o.outOfFold)
            m.logLoss = try Metrics.logLoss(labels: o.labels, probabilities: o.outOfFold)
            m.ece = try Metrics.expectedCalibrationError(labels: o.labels, probabilities: o.outOfFold)
        } else {
            m.rmse = try Metrics.rmse(o.labels, o.outOfFold)
            m.mae = try Metrics.mae(o.labels, o.outOfFold)
            m.r2 = try Metrics.r2(o.labels, o.outOfFold)
        }
        return m
    }

    private func drivers(_ model: GradientBoostingModel?) -> [ModelCard.Driver] {
        guard let model else { return [] }
        let gain = model.gainImportance
        let total = gain.reduce(0, +)
        return zip(model.schema.names, gain)
            .map { ModelCard.Driver(feature: $0.0, share: total > 0 ? $0.1 / total : 0) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.feature < $1.feature }
    }
}
