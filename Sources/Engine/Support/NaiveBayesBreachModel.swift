import Core
/// Baseline breach model: smoothed breach rates per feature level, added up as naive-Bayes
/// log-likelihood ratios, then one Platt rescaling (σ(a·score + b)) fitted on the same
/// training rows to undo naive Bayes' overconfidence when features are correlated.
///
/// It is deliberately simple: the per-level log-odds terms are readable "reasons", fitting
/// is one counting pass, and it stands in until a stronger learner is plugged in behind
/// `BreachModelTrainer`.
public struct NaiveBayesBreachTrainer: BreachModelTrainer {
    public var name: String { "naive-Bayes baseline (smoothed level rates + Platt scaling)" }
    /// Additive (Laplace) smoothing per level count.
    public var smoothing: Double

    public init(smoothing: Double = 1) { self.smoothing = smoothing }

    public func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int]) -> any BreachScorer {
        let m = features.featureCount
        var pos = 0.0, neg = 0.0
        for r in rows { if labels[r] == 1 { pos += 1 } else { neg += 1 } }
        var weights: [[Double]] = []
        for f in 0..<m {
            let levels = max(features.levels[f].count, 1)
            var n1 = [Double](repeating: 0, count: levels), n0 = n1
            features.codes[f].withUnsafeBufferPointer { col in
                for r in rows {
                    let c = Int(col[r])
                    if labels[r] == 1 { n1[c] += 1 } else { n0[c] += 1 }
                }
            }
            let a = smoothing, l = Double(levels)
            weights.append((0..<levels).map { v in
                _log((n1[v] + a) / (pos + a * l)) - _log((n0[v] + a) / (neg + a * l))
            })
        }
        let prior = _log((pos + 1) / (neg + 1))
        var model = NaiveBayesBreachScorer(weights: weights, prior: prior, scale: 1, offset: 0)
        let raw = model.rawScores(features, rows: rows)
        let y = rows.map { labels[$0] }
        (model.scale, model.offset) = plattScaling(raw, y)
        return model
    }
}

package struct NaiveBayesBreachScorer: BreachScorer {
    /// Per feature, per level: log-likelihood ratio of breach.
    package let weights: [[Double]]
    package let prior: Double
    package var scale: Double
    package var offset: Double

    package func rawScores(_ features: SupportFeatures, rows: [Int]) -> [Double] {
        var s = [Double](repeating: prior, count: rows.count)
        for f in 0..<weights.count {
            let w = weights[f]
            features.codes[f].withUnsafeBufferPointer { col in
                for k in rows.indices { s[k] += w[Int(col[rows[k]])] }
            }
        }
        return s
    }

    package func probabilities(_ features: SupportFeatures, rows: [Int]) -> [Double] {
        rawScores(features, rows: rows).map { sigmoid(scale * $0 + offset) }
    }

    package func contributions(_ features: SupportFeatures, rows: [Int]) -> [[Double]] {
        rows.map { row in (0..<weights.count).map { f in scale * weights[f][Int(features.codes[f][row])] } }
    }
}

/// Fits p = σ(a·s + b) by Newton's method on the log-loss (two parameters, a few passes),
/// with Platt's target smoothing so a separable training set cannot send a to infinity.
package func plattScaling(_ s: [Double], _ y: [UInt8]) -> (Double, Double) {
    let n1 = Double(y.reduce(0) { $0 + Int($1) }), n0 = Double(y.count) - n1
    guard n1 > 0, n0 > 0 else { return (1, 0) }
    let hi = (n1 + 1) / (n1 + 2), lo = 1 / (n0 + 2)
    var a = 1.0, b = 0.0
    for _ in 0..<30 {
        var g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0
        for k in s.indices {
            let p = sigmoid(a * s[k] + b)
            let d = p - (y[k] == 1 ? hi : lo)
            let w = max(p * (1 - p), 1e-12)
            g0 += d * s[k]; g1 += d
            h00 += w * s[k] * s[k]; h01 += w * s[k]; h11 += w
        }
        let det = h00 * h11 - h01 * h01
        guard det > 1e-12 else { break }
        let da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det
        a -= da; b -= db
        if abs(da) < 1e-9 && abs(db) < 1e-9 { break }
    }
    return (a, b)
}
