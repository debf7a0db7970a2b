import Core
/// Model quality measures. Labels are 0/1 for the classification ones. Every function
/// checks its input and throws `LearningError` rather than returning NaN silently.
public enum Metrics {
    package static func check(_ y: [Double], _ s: [Double]) throws {
        guard !y.isEmpty else { throw LearningError.noRows }
        guard y.count == s.count else { throw LearningError.labelCountMismatch(expected: y.count, got: s.count) }
        for (i, v) in y.enumerated() where !v.isFinite { throw LearningError.nonFiniteTarget(row: i) }
    }

    /// Indices by descending score (ties by index, so the order is deterministic).
    package static func descending(_ s: [Double]) -> [Int] { ScoreOrder.descending(s) }

    /// Area under the ROC curve; tied scores count one half (Mann–Whitney with mid-ranks).
    public static func rocAUC(labels y: [Double], scores s: [Double]) throws -> Double {
        try check(y, s)
        // Ties in any order: a tie group's positives all take its mid-rank.
        let order = ScoreOrder.ascending(s)
        var rankSumPos = 0.0
        var pos = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && s[order[j + 1]] == s[order[i]] { j += 1 }
            let midRank = Double(i + j) / 2 + 1
            for k in i...j where y[order[k]] == 1 { rankSumPos += midRank; pos += 1 }
            i = j + 1
        }
        let neg = Double(y.count) - pos
        guard pos > 0 && neg > 0 else { throw LearningError.oneClassOnly(label: pos > 0 ? 1 : 0) }
        return (rankSumPos - pos * (pos + 1) / 2) / (pos * neg)
    }

    /// Σ (R_k − R_{k−1}) P_k over distinct score thresholds, as scikit-learn defines it.
    public static func averagePrecision(labels y: [Double], scores s: [Double]) throws -> Double {
        try check(y, s)
        let totalPos = y.reduce(0.0) { $0 + ($1 == 1 ? 1 : 0) }
        guard totalPos > 0 else { throw LearningError.oneClassOnly(label: 0) }
        let order = descending(s)
        var tp = 0.0, fp = 0.0, prevRecall = 0.0, ap = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && s[order[j + 1]] == s[order[i]] { j += 1 }
            for k in i...j { if y[order[k]] == 1 { tp += 1 } else { fp += 1 } }
            let recall = tp / totalPos
            ap += (recall - prevRecall) * tp / (tp + fp)
            prevRecall = recall
            i = j + 1
        }
        return ap
    }

    /// Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15].
    public static func logLoss(labels y: [Double], probabilities p: [Double]) throws -> Double {
        try check(y, p)
        var s = 0.0
        for (t, q) in zip(y, p) {
            let c = min(max(q, 1e-15), 1 - 1e-15)
            s -= t * _log(c) + (1 - t) * _log(1 - c)
        }
        return s / Double(y.count)
    }

    public static func brier(labels y: [Double], probabilities p: [Double]) throws -> Double {
        try check(y, p)
        return zip(y, p).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) } / Double(y.count)
    }

    public static func rmse(_ y: [Double], _ p: [Double]) throws -> Double {
        try check(y, p)
        return (zip(y, p).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) } / Double(y.count)).squareRoot()
    }

    public static func mae(_ y: [Double], _ p: [Double]) throws -> Double {
        try check(y, p)
        return zip(y, p).reduce(0) { $0 + abs($1.1 - $1.0) } / Double(y.count)
    }

    /// Coefficient of determination; 0 when the labels are constant and predicted exactly.
    public static func r2(_ y: [Double], _ p: [Double]) throws -> Double {
        try check(y, p)
        let mean = y.reduce(0, +) / Double(y.count)
        let ssTot = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let ssRes = zip(y, p).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
        if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
        return 1 - ssRes / ssTot
    }
}
