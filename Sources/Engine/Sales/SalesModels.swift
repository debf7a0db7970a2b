import Dispatch
import Core
import Learning

/// The models stage: churn classifier and future-value regressor (histogram gradient
/// boosting), scored out of fold so that no account's score comes from a model that saw its
/// label. Each fold trains on at most `trainRowsPerFold` rows of the other folds (a seeded
/// sample), which keeps a million accounts affordable; accounts without labels are scored by
/// one more model fitted on a sample of all labelled rows.
public struct ModelScores: Sendable, Equatable {
    /// Churn probability per account.
    public var churn: [Double]
    /// Predicted spend over the next six months, EUR.
    public var potential: [Double]
    public var labelled: Int
    public var auc: Double
    public var ece: Double
    /// RMSE of ln(1 + spend) and R² on the same scale.
    public var rmseLog: Double
    public var r2Log: Double
    public var calibration: [CalibrationBin]
    /// Feature names and the churn model's gain importance (last fold), strongest first.
    public var importance: [(String, Double)]
    /// The churn and value models' cards (data, features with extras and what was left
    /// out, settings, out-of-fold metrics, drivers), dated by the run's as-of day.
    public var cards: [ModelCard] = []
    /// Which labels the file had: without churn labels churn is unknown (0) and the NBA
    /// leaves it out; without future-spend labels the potential is the file's own figure
    /// (`PotentialSource`), or unknown.
    public var churnModelled = true
    public var valueModelled = true
    public var potentialKnown = true
    /// How the models were fitted where that differs from the usual run.
    public var notes: [String] = []

    public init(churn: [Double], potential: [Double], labelled: Int, auc: Double, ece: Double, rmseLog: Double, r2Log: Double,
                calibration: [CalibrationBin], importance: [(String, Double)], churnModelled: Bool = true,
                valueModelled: Bool = true, potentialKnown: Bool = true, notes: [String] = []) {
        self.churn = churn; self.potential = potential; self.labelled = labelled; self.auc = auc; self.ece = ece
        self.rmseLog = rmseLog; self.r2Log = r2Log; self.calibration = calibration; self.importance = importance
        self.churnModelled = churnModelled; self.valueModelled = valueModelled; self.potentialKnown = potentialKnown
        self.notes = notes
    }

    public static func == (a: ModelScores, b: ModelScores) -> Bool {
        a.churn == b.churn && a.potential == b.potential && a.auc == b.auc && a.rmseLog == b.rmseLog
    }
}

public enum SalesModels {
    public static let minimumLabelled = 50

    /// `extras`: an imported file's extra columns, one row per customer in `customers`;
    /// they join the features as `opsdeck model fit` would use them (see `ExtraFeatures`).
    public static func fit(_ customers: [Customer], extras: CustomerExtras? = nil, asOfDay: Int, config: SalesConfig, seed: UInt64,
                           threads: Int = 2) throws(SalesError) -> ModelScores {
        do {
            let need = max(minimumLabelled, config.folds)
            let joint = customers.lazy.filter { $0.churned != nil && ($0.futureSpend.map { $0.isFinite && $0 >= 0 } ?? false) }.count
            if joint >= need { return try run(customers, extras: extras, asOfDay: asOfDay, config: config, seed: seed, threads: threads) }
            return try fitOnAvailableLabels(customers, extras: extras, asOfDay: asOfDay, config: config, seed: seed, threads: threads)
        } catch let e as SalesError {
            throw e
        } catch {
            throw SalesError.input("models: \(error)")
        }
    }

    package static func run(_ customers: [Customer], extras: CustomerExtras?, asOfDay: Int, config: SalesConfig, seed: UInt64,
                    threads: Int) throws -> ModelScores {
        let labelledRows = customers.indices.filter { customers[$0].churned != nil && (customers[$0].futureSpend.map { $0.isFinite && $0 >= 0 } ?? false) }
        guard labelledRows.count >= minimumLabelled, labelledRows.count >= config.folds else {
            throw SalesError.input("models need churn and future_spend labels on at least \(max(minimumLabelled, config.folds)) customers; \(labelledRows.count) have them")
        }
        let yChurn = labelledRows.map { customers[$0].churned == true ? 1.0 : 0.0 }
        let ySpend = labelledRows.map { _log(1 + (customers[$0].futureSpend ?? 0)) }
        var frame = try CustomerFeatures.frame(customers, asOfDay: asOfDay)
        let extra = try CustomerFeatures.addExtras(extras, to: &frame, customers: customers.count, asOfDay: asOfDay,
                                                   labelledRows: labelledRows, churn: yChurn, value: ySpend)
        let labelledFrame = labelledRows.count == customers.count ? frame : frame.rows(labelledRows)
        var gb = GradientBoostingConfig(trees: config.trees, learningRate: 0.1, numLeaves: config.numLeaves, seed: seed)
        gb.threads = threads
        gb.minDataInLeaf = max(5, min(20, labelledRows.count / 100))
        gb.maxBins = 63  // a quarter of the split search; no loss on these features (see BENCHMARKS.md, sales pipeline)
        let folds = try cappedFolds(count: labelledRows.count, k: config.folds, cap: config.trainRowsPerFold, seed: seed)
        // Every (model, fold) fit is its own task, one thread each: on small data this beats
        // splitting each tree's histograms across threads, six tasks pack the cores better than
        // two while the SLA stage and the dataset inserts run beside them, and each fit is the
        // same whichever thread runs it.
        var one = gb
        one.threads = 1
        let cfg = threads > 1 ? one : gb
        let k = folds.count
        try Splits.checkOutOfFold(folds, rows: labelledRows.count)
        // Accounts without labels are scored by a model fitted on a sample of the labelled.
        let unlabelled = labelledRows.count < customers.count
        var restRng = SeededRNG(seed: seed ^ 0x5EED)
        let restSample = unlabelled
            ? restRng.sample(labelledRows.count, min(labelledRows.count, config.trainRowsPerFold)).sorted() : []
        // One binning of the rows any model trains on serves every fold and both models.
        var trains = [Bool](repeating: false, count: labelledRows.count)
        for r in folds.flatMap(\.train) + restSample { trains[r] = true }
        let trained = trains.allSatisfy { $0 } ? nil : trains.indices.filter { trains[$0] }
        let binned = try SharedBinning(frame: labelledFrame, rows: trained, maxBins: gb.maxBins, seed: seed)
        let slots = ParallelSlots<Result<([Double], GradientBoostingModel), LearningFailure>>(count: 2 * k)
        DispatchQueue.concurrentPerform(iterations: threads > 1 ? 2 * k : 1) { w in
            for t in (threads > 1 ? [w] : Array(0..<(2 * k))) {
                let task = t / k, fold = folds[t % k]
                let y = task == 0 ? yChurn : ySpend
                do {
                    let boosting = GradientBoosting(task: task == 0 ? .binaryClassification : .regression, config: cfg)
                    let train = try binned.rows(fold.train), labels = fold.train.map { y[$0] }
                    // The test fold is scored as the trees grow when the shared binning holds it
                    // (every fold's rows train another fold unless the cap left some out).
                    if binned.covers(fold.test) {
                        let (m, raw) = try boosting.fit(binned: train, schema: binned.schema, labels: labels, scoring: try binned.rows(fold.test))
                        slots[t] = .success((task == 0 ? raw.map(sigmoid) : raw, m))
                    } else {
                        let m = try boosting.fit(binned: train, schema: binned.schema, labels: labels)
                        let test = labelledFrame.rows(fold.test)
                        slots[t] = .success((task == 0 ? try m.predictProbability(test) : try m.predict(test), m))
                    }
                } catch {
                    slots[t] = .failure(LearningFailure(message: "\(error)"))
                }
            }
        }
        var churnOOF = [Double](repeating: .nan, count: labelledRows.count), spendOOF = churnOOF
        var lastChurn: GradientBoostingModel?, lastSpend: GradientBoostingModel?
        for t in 0..<(2 * k) {
            guard let result = slots[t] else { throw SalesError.input("models did not finish") }
            let (pred, model) = try result.get()
            for (r, p) in zip(folds[t % k].test, pred) {
                if t < k { churnOOF[r] = p } else { spendOOF[r] = p }
            }
            // The last fold's models give the importance and the cards' drivers.
            if t == k - 1 { lastChurn = model }
            if t == 2 * k - 1 { lastSpend = model }
        }
        var churn = [Double](repeating: 0, count: customers.count)
        var logSpend = [Double](repeating: 0, count: customers.count)
        for (j, i) in labelledRows.enumerated() { churn[i] = churnOOF[j]; logSpend[i] = spendOOF[j] }
        if unlabelled {
            var isLabelled = [Bool](repeating: false, count: customers.count)
            for i in labelledRows { isLabelled[i] = true }
            let rest = customers.indices.filter { !isLabelled[$0] }
            let train = try binned.rows(restSample), restFrame = frame.rows(rest)
            let pc = try GradientBoosting(task: .binaryClassification, config: gb)
                .fit(binned: train, schema: binned.schema, labels: restSample.map { yChurn[$0] }).predictProbability(restFrame)
            let ps = try GradientBoosting(task: .regression, config: gb)
                .fit(binned: train, schema: binned.schema, labels: restSample.map { ySpend[$0] }).predict(restFrame)
            for (j, i) in rest.enumerated() { churn[i] = pc[j]; logSpend[i] = ps[j] }
        }
        let importance: [(String, Double)] = lastChurn.map { m in
            zip(m.schema.names, m.gainImportance).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        } ?? []
        var scores = ModelScores(
            churn: churn, potential: logSpend.map { max(0, _exp($0) - 1) }, labelled: labelledRows.count,
            auc: try Metrics.rocAUC(labels: yChurn, scores: churnOOF),
            ece: try Metrics.expectedCalibrationError(labels: yChurn, probabilities: churnOOF),
            rmseLog: try Metrics.rmse(ySpend, spendOOF), r2Log: try Metrics.r2(ySpend, spendOOF),
            calibration: try Metrics.calibration(labels: yChurn, probabilities: churnOOF), importance: importance)
        scores.cards = try SalesModelCards(frame: frame, extra: extra, accounts: customers.count, asOfDay: asOfDay, config: config,
                                           boosting: gb, seed: seed)
            .cards(churn: (yChurn, churnOOF, lastChurn), value: (ySpend, spendOOF, lastSpend))
        return scores
    }

    /// k seeded folds; each trains on at most `cap` rows of the other folds.
    package static func cappedFolds(count n: Int, k: Int, cap: Int, seed: UInt64) throws -> [Fold] {
        let folds = try Splits.kFold(rowCount: n, k: k, seed: seed)
        return folds.enumerated().map { f, fold in
            guard fold.train.count > cap else { return fold }
            var rng = SeededRNG(seed: seed).derived(UInt64(f + 1))
            let pick = rng.sample(fold.train.count, cap).sorted()
            return Fold(train: pick.map { fold.train[$0] }, test: fold.test)
        }
    }
}
