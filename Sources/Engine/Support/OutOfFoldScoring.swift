import Dispatch
import Core
import Learning

/// Out-of-fold breach probabilities for every resolved ticket: rows are dealt into k folds
/// at random, and each fold is scored by a model fitted on the other folds only.
///
/// By construction the model that scores a row never receives it: each fold's trainer gets
/// a label array in which that fold's labels are blanked, and a row list without them.
public struct OutOfFoldScores: Sendable {
    /// Per row of `rows` (same order): probability from the model that did not see it.
    public let probabilities: [Double]
    /// Per row of `rows`: the fold it was held out in.
    public let fold: [Int]
    public let folds: Int
    /// The fold models, in fold order (model f never saw fold f's labels).
    public let scorers: [any BreachScorer]
}

public enum OutOfFoldScoring {
    /// Above this many rows the folds are fitted in turn rather than side by side
    /// (`sequentialAbove`, which tests lower to check both ways give the same scores).
    public static let sequentialFoldRows = 2_000_000

    /// Scores `rows` out of fold. Folds are fitted in parallel up to `sequentialAbove` rows,
    /// in turn beyond; the result depends only on the inputs and the seed.
    public static func score(_ features: SupportFeatures, labels: [UInt8], rows: [Int], folds k: Int,
                             trainer: any BreachModelTrainer, seed: UInt64, threads: Int = 1,
                             sequentialAbove: Int = sequentialFoldRows) throws -> OutOfFoldScores {
        let n = rows.count
        let k = max(2, min(k, n))
        var fold = [Int](repeating: 0, count: n)
        do {  // the shuffled order ends here, before the folds' buffers (80 MB at 10 M rows)
            var order = Array(0..<n)
            var rng = SeededRNG(seed: seed).derived(0x00F0_1D)
            rng.shuffle(&order)
            for (rank, i) in order.enumerated() { fold[i] = rank % k }
        }

        var heldOut: [[Int]] = Array(repeating: [], count: k)  // positions in `rows`
        for i in 0..<n { heldOut[fold[i]].append(i) }
        let held = heldOut, foldOf = fold

        let results = ParallelSlots<Result<(scorer: any BreachScorer, held: [Double]), any Error>>(count: k)
        // Folds fitted in turn spread each fit over `threads` instead (same models).
        let sequential = n > sequentialAbove
        let fitter = sequential && threads > 1 ? trainer.fitting(threads: threads) : trainer
        @Sendable func fitFold(_ f: Int) {
            var train: [Int] = []
            train.reserveCapacity(n - held[f].count)
            var blanked = labels
            for i in 0..<n {
                if foldOf[i] == f { blanked[rows[i]] = 0 } else { train.append(rows[i]) }
            }
            do {
                results[f] = .success(try fitter.fit(features, labels: blanked, rows: train, scoring: held[f].map { rows[$0] }))
            } catch {
                results[f] = .failure(error)
            }
        }
        // A large desk's folds one after the other, each fit on `threads` cores: two at once
        // hold two sets of fold buffers (≈ 0.6 GB each at 10 M tickets, issue 21). Same models
        // either way.
        if sequential {
            for f in 0..<k { fitFold(f) }
        } else {
            DispatchQueue.concurrentPerform(iterations: k, execute: fitFold)
        }
        var p = [Double](repeating: 0, count: n)
        var scorers: [any BreachScorer] = []
        for f in 0..<k {
            guard let result = results[f] else { throw LearningFailure(message: "fold \(f + 1) of \(k) did not finish") }
            let (scorer, scored) = try result.get()
            for (j, i) in held[f].enumerated() { p[i] = scored[j] }
            scorers.append(scorer)
        }
        return OutOfFoldScores(probabilities: p, fold: fold, folds: k, scorers: scorers)
    }
}
