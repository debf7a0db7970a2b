import Core
/// The seam between the SLA engine and whatever learns breaches: fit on the training rows
/// named by index, get back a scorer. Out-of-fold scoring, the fold models on open tickets
/// and the reasons on screen all go through it, so a stronger learner slots in unchanged.
public protocol BreachModelTrainer: Sendable {
    /// Shown in reports ("naive-Bayes baseline", "gradient boosting").
    var name: String { get }
    /// Learns from `rows` only; `labels` is indexed by row (entries outside `rows` must not
    /// be read, and an out-of-fold caller may have blanked them).
    func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int]) throws -> any BreachScorer
    /// This trainer readied for several fits on subsets of `rows` (the out-of-fold folds),
    /// e.g. with the features binned once; reads features only, never labels.
    func prepared(for features: SupportFeatures, rows: [Int]) throws -> any BreachModelTrainer
    /// `fit`, then the fitted scorer's probabilities for `scoring` (rows it never saw): one
    /// call, so a trainer can score them while it learns.
    func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int], scoring: [Int]) throws -> (any BreachScorer, [Double])
    /// This trainer fitting on `threads` threads, for fits made one at a time; the models must be
    /// the same as with one. A trainer with nothing to spread keeps itself.
    func fitting(threads: Int) -> any BreachModelTrainer
}

extension BreachModelTrainer {
    public func fitting(threads: Int) -> any BreachModelTrainer { self }
    public func prepared(for features: SupportFeatures, rows: [Int]) throws -> any BreachModelTrainer { self }

    public func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int], scoring: [Int]) throws -> (any BreachScorer, [Double]) {
        let scorer = try fit(features, labels: labels, rows: rows)
        return (scorer, try scorer.probabilities(features, rows: scoring))
    }
}

public protocol BreachScorer: Sendable {
    /// Breach probabilities for `rows`, in that order.
    func probabilities(_ features: SupportFeatures, rows: [Int]) throws -> [Double]
    /// Per row of `rows`: per-feature contributions to its log-odds, aligned with
    /// `SupportFeatures.names` (the instance's); positive pushes towards a breach.
    func contributions(_ features: SupportFeatures, rows: [Int]) throws -> [[Double]]
}

/// One reason behind a ticket's breach probability.
public struct BreachReason: Sendable, Equatable {
    public var feature: String
    public var level: String
    /// Contribution to the log-odds of a breach.
    public var weight: Double
}

extension BreachScorer {
    /// Per row of `rows`: the `count` features pushing hardest towards a breach (positive
    /// contributions only).
    public func reasons(_ features: SupportFeatures, rows: [Int], count: Int = 3) throws -> [[BreachReason]] {
        let all = try contributions(features, rows: rows)
        return zip(rows, all).map { row, c in
            c.indices.filter { c[$0] > 0 }
                .sorted { (c[$0], -$0) > (c[$1], -$1) }
                .prefix(count)
                .map { f in
                    let code = Int(features.codes[f][row])
                    let lv = features.levels[f]
                    return BreachReason(feature: features.names[f], level: code < lv.count ? lv[code] : "?",
                                        weight: c[f])
                }
        }
    }
}

/// The fold models of a cross-validation as one scorer: the mean of their log-odds, and the
/// mean of their contributions (which therefore still add up to it). The open queue is scored
/// by the same models whose out-of-fold quality the run reports, with no extra fit.
public struct FoldAverageScorer: BreachScorer {
    public let parts: [any BreachScorer]

    public init(_ parts: [any BreachScorer]) { self.parts = parts }

    public func probabilities(_ features: SupportFeatures, rows: [Int]) throws -> [Double] {
        guard !parts.isEmpty else { return rows.map { _ in 0.5 } }
        var logit = [Double](repeating: 0, count: rows.count)
        for part in parts {
            for (i, p) in try part.probabilities(features, rows: rows).enumerated() {
                let q = min(max(p, 1e-15), 1 - 1e-15)
                logit[i] += _log(q / (1 - q))
            }
        }
        return logit.map { sigmoid($0 / Double(parts.count)) }
    }

    public func contributions(_ features: SupportFeatures, rows: [Int]) throws -> [[Double]] {
        var sum: [[Double]] = rows.map { _ in [Double](repeating: 0, count: features.featureCount) }
        for part in parts {
            for (i, c) in try part.contributions(features, rows: rows).enumerated() {
                for j in c.indices where j < sum[i].count { sum[i][j] += c[j] }
            }
        }
        let k = Double(max(1, parts.count))
        return sum.map { $0.map { $0 / k } }
    }
}
