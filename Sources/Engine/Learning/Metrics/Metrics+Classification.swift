import Core
/// Counts at one decision threshold (score ≥ threshold is predicted positive).
public struct Confusion: Sendable, Equatable {
    public var truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0

    package init(truePositives: Int = 0, falsePositives: Int = 0, trueNegatives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives; self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives; self.falseNegatives = falseNegatives
    }

    public var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    public var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
}

/// One reliability bin: predictions in [lower, upper).
public struct CalibrationBin: Sendable, Equatable {
    public var lower: Double, upper: Double
    public var count: Int
    public var meanPredicted: Double
    public var observedRate: Double

    package init(lower: Double, upper: Double, count: Int, meanPredicted: Double, observedRate: Double) {
        self.lower = lower; self.upper = upper; self.count = count; self.meanPredicted = meanPredicted; self.observedRate = observedRate
    }
}

extension Metrics {
    public static func confusion(labels y: [Double], scores s: [Double], threshold: Double) throws -> Confusion {
        try check(y, s)
        var c = Confusion()
        for (t, v) in zip(y, s) {
            switch (v >= threshold, t == 1) {
            case (true, true): c.truePositives += 1
            case (true, false): c.falsePositives += 1
            case (false, false): c.trueNegatives += 1
            case (false, true): c.falseNegatives += 1
            }
        }
        return c
    }

    /// `bins` equal-width bins over [0, 1] (empty bins are kept, with count 0).
    public static func calibration(labels y: [Double], probabilities p: [Double], bins: Int = 10) throws -> [CalibrationBin] {
        try check(y, p)
        guard bins >= 1 else { throw LearningError.invalidParameter("bins must be at least 1") }
        var count = [Int](repeating: 0, count: bins)
        var sumP = [Double](repeating: 0, count: bins)
        var sumY = [Double](repeating: 0, count: bins)
        for (i, (t, q)) in zip(y, p).enumerated() {
            // Checked before Int(): a NaN or infinite probability would trap the conversion.
            guard q.isFinite else { throw LearningError.invalidParameter("probability at row \(i) is \(q); expected a number in [0, 1]") }
            let b = q <= 0 ? 0 : q >= 1 ? bins - 1 : min(bins - 1, Int(q * Double(bins)))
            count[b] += 1; sumP[b] += q; sumY[b] += t
        }
        let width = 1 / Double(bins)
        return (0..<bins).map { (b: Int) -> CalibrationBin in
            let n = Double(max(1, count[b]))
            return CalibrationBin(lower: Double(b) * width, upper: Double(b + 1) * width, count: count[b],
                                  meanPredicted: sumP[b] / n, observedRate: sumY[b] / n)
        }
    }

    /// Expected calibration error: count-weighted |observed − predicted| over the bins.
    public static func expectedCalibrationError(labels y: [Double], probabilities p: [Double], bins: Int = 10) throws -> Double {
        let table = try calibration(labels: y, probabilities: p, bins: bins)
        var total = 0.0
        for b in table { total += Double(b.count) * abs(b.observedRate - b.meanPredicted) }
        return total / Double(y.count)
    }

    /// The threshold minimising `fpCost·FP + fnCost·FN` (score ≥ threshold flags a row);
    /// +infinity means "flag nothing".
    public static func costOptimalThreshold(
        labels y: [Double], scores s: [Double], falsePositiveCost: Double, falseNegativeCost: Double
    ) throws -> (threshold: Double, cost: Double) {
        try check(y, s)
        let order = descending(s)
        var fn = y.reduce(0.0) { $0 + ($1 == 1 ? 1 : 0) }
        var fp = 0.0
        var best = (threshold: Double.infinity, cost: fn * falseNegativeCost)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && s[order[j + 1]] == s[order[i]] { j += 1 }
            for k in i...j { if y[order[k]] == 1 { fn -= 1 } else { fp += 1 } }
            let cost = fp * falsePositiveCost + fn * falseNegativeCost
            if cost < best.cost { best = (s[order[i]], cost) }
            i = j + 1
        }
        return best
    }
}
