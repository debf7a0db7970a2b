import Core
/// Train/test partitions of row indices, and out-of-fold prediction.
public struct Fold: Sendable, Equatable {
    public var train: [Int]
    public var test: [Int]

    package init(train: [Int], test: [Int]) {
        self.train = train; self.test = test
    }
}

public enum Splits {
    /// The anchor's rule: row i is a test row when i % 5 == 0.
    public static func holdout(rowCount n: Int) -> Fold {
        Fold(train: (0..<n).filter { $0 % 5 != 0 }, test: (0..<n).filter { $0 % 5 == 0 })
    }

    /// `k` folds of a seeded shuffle; every row is a test row exactly once.
    public static func kFold(rowCount n: Int, k: Int, seed: UInt64) throws -> [Fold] {
        guard k >= 2, k <= n else { throw LearningError.invalidParameter("k must be in 2...rows") }
        var order = Array(0..<n)
        var rng = SeededRNG(seed: seed)
        rng.shuffle(&order)
        var fold = [Int](repeating: 0, count: n)
        for (i, r) in order.enumerated() { fold[r] = i % k }
        return folds(fold, k)
    }

    /// `k` folds keeping each fold's share of positives (labels 0/1) close to the whole.
    public static func stratifiedKFold(labels y: [Double], k: Int, seed: UInt64) throws -> [Fold] {
        guard k >= 2, k <= y.count else { throw LearningError.invalidParameter("k must be in 2...rows") }
        var rng = SeededRNG(seed: seed)
        var fold = [Int](repeating: 0, count: y.count)
        var offset = 0
        for cls in [0.0, 1.0] {
            var rows = y.indices.filter { (y[$0] == 1) == (cls == 1) }
            rng.shuffle(&rows)
            // Continue the round-robin across classes so fold sizes stay balanced.
            for (i, r) in rows.enumerated() { fold[r] = (i + offset) % k }
            offset += rows.count
        }
        return folds(fold, k)
    }

    private static func folds(_ fold: [Int], _ k: Int) -> [Fold] {
        (0..<k).map { f in
            Fold(train: fold.indices.filter { fold[$0] != f }, test: fold.indices.filter { fold[$0] == f })
        }
    }

    /// Out-of-fold predictions: for each fold, `fitAndPredict` gets only the training rows
    /// (features and labels) and the test rows' features, never their labels, so a row's
    /// prediction cannot come from a model that saw it. Folds must cover each row once.
    public static func outOfFold(
        frame: FeatureFrame, labels: [Double], folds: [Fold],
        fitAndPredict: (_ train: FeatureFrame, _ trainLabels: [Double], _ test: FeatureFrame) throws -> [Double]
    ) throws -> [Double] {
        let n = frame.rowCount
        guard n > 0 else { throw LearningError.noRows }
        guard labels.count == n else { throw LearningError.labelCountMismatch(expected: n, got: labels.count) }
        try checkOutOfFold(folds, rows: n)
        var out = [Double](repeating: .nan, count: n)
        for fold in folds {
            let pred = try fitAndPredict(frame.rows(fold.train), fold.train.map { labels[$0] }, frame.rows(fold.test))
            guard pred.count == fold.test.count else {
                throw LearningError.labelCountMismatch(expected: fold.test.count, got: pred.count)
            }
            for (r, p) in zip(fold.test, pred) { out[r] = p }
        }
        return out
    }

    /// Throws unless every row of `0..<n` is tested exactly once, never by a fold that also
    /// trains on it: what makes predictions out of fold (for callers that fit folds themselves,
    /// e.g. in parallel).
    public static func checkOutOfFold(_ folds: [Fold], rows n: Int) throws {
        guard n > 0 else { throw LearningError.noRows }
        var seen = [Bool](repeating: false, count: n)
        for fold in folds {
            var inTrain = [Bool](repeating: false, count: n)
            for r in fold.train {
                guard r >= 0 && r < n else { throw LearningError.invalidParameter("fold row \(r) out of range") }
                inTrain[r] = true
            }
            for r in fold.test {
                guard r >= 0 && r < n, !seen[r], !inTrain[r] else {
                    throw LearningError.invalidParameter("row \(r) is tested twice or also trained on")
                }
                seen[r] = true
            }
        }
        if let missing = seen.firstIndex(of: false) {
            throw LearningError.invalidParameter("row \(missing) is in no test fold")
        }
    }
}
