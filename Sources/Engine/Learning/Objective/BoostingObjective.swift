import Dispatch
import Core

/// What boosting minimises, and how a raw score becomes a prediction: LightGBM's objective
/// function. Boosting asks it for the labels' check, the score the trees start from, each
/// row's (gradient, hessian), the loss early stopping watches and the output transform; it
/// never asks which task it is.
package protocol BoostingObjective: Sendable {
    /// Throws when the labels cannot be learnt with this loss.
    func validate(_ labels: [Double], rows: Int) throws
    /// The constant raw score of every row before the first tree.
    func initialScore(labels: [Double]) -> Double
    /// (gradient, hessian) of rows `range`, written to `out` at the same indices. One call per
    /// chunk, so each objective's loop is compiled for its own formula.
    func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Double>, range: Range<Int>,
                   into out: UnsafeMutablePointer<SIMD2<Float>>)
    /// Mean loss over `scores` (raw) against `labels`.
    func loss(scores: [Double], labels: [Double]) -> Double
    /// A raw score as the prediction (a probability, or the value itself).
    func output(_ raw: Double) -> Double
    /// True when `output` is a probability.
    var outputsProbability: Bool { get }
}

/// Log-loss on 0/1 labels; raw scores are log-odds: gradient p − y, hessian p(1 − p).
package struct LogLoss: BoostingObjective {
    package init() {}

    package func validate(_ labels: [Double], rows: Int) throws { try Validate.binaryLabels(labels, rows: rows) }

    package func initialScore(labels: [Double]) -> Double {
        let p = min(max(labels.reduce(0, +) / Double(labels.count), 1e-15), 1 - 1e-15)
        return _log(p / (1 - p))
    }

    package func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Double>, range: Range<Int>,
                           into out: UnsafeMutablePointer<SIMD2<Float>>) {
        for i in range {
            let p = sigmoid(scores[i])
            out[i] = SIMD2(Float(p - labels[i]), Float(max(p * (1 - p), 1e-16)))
        }
    }

    package func loss(scores: [Double], labels: [Double]) -> Double {
        var s = 0.0
        for (z, y) in zip(scores, labels) {
            // log(1 + e^z) - y z, stable for large |z|.
            s += (z > 0 ? z + _log(1 + _exp(-z)) : _log(1 + _exp(z))) - y * z
        }
        return s / Double(max(1, scores.count))
    }

    package func output(_ raw: Double) -> Double { sigmoid(raw) }
    package var outputsProbability: Bool { true }
}

/// Squared error: gradient s − y, hessian 1; the raw score is the prediction.
package struct SquaredError: BoostingObjective {
    package init() {}

    package func validate(_ labels: [Double], rows: Int) throws { try Validate.labels(labels, rows: rows) }

    package func initialScore(labels: [Double]) -> Double { labels.reduce(0, +) / Double(labels.count) }

    package func gradients(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Double>, range: Range<Int>,
                           into out: UnsafeMutablePointer<SIMD2<Float>>) {
        for i in range { out[i] = SIMD2(Float(scores[i] - labels[i]), 1) }
    }

    package func loss(scores: [Double], labels: [Double]) -> Double {
        var s = 0.0
        for (z, y) in zip(scores, labels) { s += (z - y) * (z - y) }
        return s / Double(max(1, scores.count))
    }

    package func output(_ raw: Double) -> Double { raw }
    package var outputsProbability: Bool { false }
}

extension BoostingTask {
    /// The task's loss. The task stays the saved name (one byte in the model's bytes).
    package var objective: any BoostingObjective {
        switch self {
        case .binaryClassification: LogLoss()
        case .regression: SquaredError()
        }
    }
}
