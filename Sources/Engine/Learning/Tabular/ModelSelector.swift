import Dispatch
import Core

/// One candidate's cross-validated score.
public struct CandidateScore: Codable, Sendable, Equatable {
    /// Boosting candidates carry the refit tree count their folds' early stopping gave.
    public var settings: TabularSettings
    /// Out-of-fold AUC (classification, higher is better) or RMSE (regression, lower is better).
    public var score: Double
}

public struct Selection: Codable, Sendable, Equatable {
    /// The settings refitted on all training rows (boosting: half the cross-validated
    /// learning rate and twice its trees).
    public var chosen: TabularSettings
    /// "AUC" or "RMSE", out of fold over the training rows.
    public var metric: String
    public var folds: Int
    public var candidates: [CandidateScore]

    package init(chosen: TabularSettings, metric: String, folds: Int, candidates: [CandidateScore]) {
        self.chosen = chosen; self.metric = metric; self.folds = folds; self.candidates = candidates
    }
}

/// Chooses a model family and its main settings by k-fold cross-validation.
///
/// It is handed the training rows only (the caller cuts the holdout away first), so no
/// choice here can depend on a test row: that is the whole guarantee, by construction.
public struct ModelSelector: Sendable {
    public var task: TabularTask
    /// Families to try; one family means "tune only that family".
    public var families: [TabularFamily]
    public var folds = 4
    public var seed: UInt64 = 0
    /// Folds are fitted side by side on this many threads (each fold's result is fixed by
    /// its own seed, so the choice does not depend on the thread count).
    public var threads = 2

    public init(task: TabularTask, families: [TabularFamily], seed: UInt64 = 0) {
        self.task = task
        self.families = families
        self.seed = seed
    }

    /// The candidates tried, in order; ties keep the earlier (simpler) one.
    public var candidates: [TabularSettings] {
        var out: [TabularSettings] = []
        if families.contains(.logistic) && task == .classification { out += [1.0, 10].map(TabularSettings.logistic) }
        if families.contains(.gbm) { out += [7, 31].map { TabularSettings.gbm(leaves: $0) } }
        if families.contains(.forest) && task == .classification { out.append(.forest()) }
        return out
    }

    public func select(train: FeatureFrame, labels: [Double]) throws -> Selection {
        let list = candidates
        guard !list.isEmpty else { throw TabularError.unsupported("no model family applies to a \(task.rawValue) target") }
        let k = min(folds, max(2, train.rowCount / 10))
        let parts = task == .classification
            ? try Splits.stratifiedKFold(labels: labels, k: k, seed: seed)
            : try Splits.kFold(rowCount: train.rowCount, k: k, seed: seed)
        var scored: [CandidateScore] = []
        var best: (index: Int, score: Double, trees: Int?)?
        for (i, s) in list.enumerated() {
            let (score, trees) = try crossValidate(s, train, labels, parts)
            var tried = s
            if let trees { tried.trees = trees }
            scored.append(CandidateScore(settings: tried, score: score))
            let better = best.map { task == .classification ? score > $0.score : score < $0.score } ?? true
            if better { best = (i, score, trees) }
        }
        guard let b = best else { throw LearningError.noRows }
        var chosen = list[b.index]
        if let t = b.trees { chosen.trees = t }
        return Selection(chosen: chosen, metric: task == .classification ? "AUC" : "RMSE", folds: k, candidates: scored)
    }

    /// Out-of-fold score of one candidate, and for boosting the tree count to refit with:
    /// the folds' mean early-stopping point, scaled up a little for the larger refit data.
    private func crossValidate(_ s: TabularSettings, _ frame: FeatureFrame, _ y: [Double], _ parts: [Fold])
        throws -> (Double, Int?) {
        let slots = ParallelSlots<FoldOutcome>(count: parts.count)
        let task = self.task, seed = self.seed
        let workers = max(1, min(threads, parts.count))
        let work: @Sendable (Int) -> Void = { w in
            for f in stride(from: w, to: parts.count, by: workers) {
                let fold = parts[f]
                do {
                    let tr = frame.rows(fold.train), te = frame.rows(fold.test)
                    let trY = fold.train.map { y[$0] }, teY = fold.test.map { y[$0] }
                    let model = try s.fit(tr, labels: trY, task: task, seed: seed &+ UInt64(f),
                                          validation: s.family == .gbm ? (te, teY) : nil)
                    var trees: Int?
                    if case .gbm(let m) = model { trees = m.ensemble.treeCount }
                    slots[f] = .done(predictions: try model.predict(te), trees: trees)
                } catch {
                    slots[f] = .failed(String(describing: error))
                }
            }
        }
        if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) } else { work(0) }
        var oof = [Double](repeating: .nan, count: frame.rowCount)
        var trees: [Int] = []
        for (f, outcome) in slots.values.enumerated() {
            switch outcome {
            case .done(let p, let t)?:
                for (r, v) in zip(parts[f].test, p) { oof[r] = v }
                if let t { trees.append(t) }
            case .failed(let m)?: throw TabularError.unsupported("cross-validation fold \(f + 1) failed: \(m)")
            case nil: throw TabularError.unsupported("cross-validation fold \(f + 1) did not run")
            }
        }
        let score = task == .classification ? try Metrics.rocAUC(labels: y, scores: oof) : try Metrics.rmse(y, oof)
        let refitTrees = trees.isEmpty ? nil : max(1, Int((Double(trees.reduce(0, +)) / Double(trees.count) * 1.1).rounded()))
        return (score, refitTrees)
    }

    private enum FoldOutcome: Sendable {
        case done(predictions: [Double], trees: Int?)
        case failed(String)
    }
}
