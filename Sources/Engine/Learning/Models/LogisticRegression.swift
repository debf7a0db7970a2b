import Core
/// L2-regularised logistic regression, the simple baseline: numeric columns standardised
/// (missing → the training mean), categorical columns one-hot (missing → all zeros),
/// fitted by Newton's method with step halving. Minimises Σ log-loss + l2/2·‖w‖²
/// (the intercept is not penalised), like scikit-learn with C = 1/l2.
public struct LogisticRegression: Sendable {
    public var l2 = 1.0
    public var maxIterations = 50

    public init(l2: Double = 1.0, maxIterations: Int = 50) {
        self.l2 = l2
        self.maxIterations = maxIterations
    }

    public func fit(_ frame: FeatureFrame, labels y: [Double]) throws -> LogisticRegressionModel {
        try Validate.binaryLabels(y, rows: frame.rowCount)
        guard l2 >= 0, maxIterations >= 1 else { throw LearningError.invalidParameter("l2 ≥ 0, maxIterations ≥ 1") }
        guard frame.columnCount > 0 else { throw LearningError.noFeatures }
        let enc = LinearEncoding(frame)
        let x = try enc.design(frame)
        let d = enc.width + 1
        let n = frame.rowCount
        var w = [Double](repeating: 0, count: d)
        let p0 = min(max(y.reduce(0, +) / Double(n), 1e-6), 1 - 1e-6)
        w[d - 1] = _log(p0 / (1 - p0))
        func objective(_ w: [Double]) -> Double {
            var s = 0.0
            for r in 0..<n {
                var z = 0.0
                for j in 0..<d { z += x[r * d + j] * w[j] }
                s += (z > 0 ? z + _log(1 + _exp(-z)) : _log(1 + _exp(z))) - y[r] * z
            }
            for j in 0..<(d - 1) { s += 0.5 * l2 * w[j] * w[j] }
            return s
        }
        var current = objective(w)
        for _ in 0..<maxIterations {
            var g = [Double](repeating: 0, count: d)
            var h = [Double](repeating: 0, count: d * d)
            for r in 0..<n {
                let row = r * d
                var z = 0.0
                for j in 0..<d { z += x[row + j] * w[j] }
                let p = sigmoid(z)
                let e = p - y[r], v = max(p * (1 - p), 1e-12)
                for j in 0..<d where x[row + j] != 0 {
                    let xj = x[row + j]
                    g[j] += e * xj
                    let vx = v * xj
                    for k in j..<d { h[j * d + k] += vx * x[row + k] }
                }
            }
            for j in 0..<(d - 1) { g[j] += l2 * w[j]; h[j * d + j] += l2 }
            h[(d - 1) * d + (d - 1)] += 1e-9
            for j in 0..<d { for k in 0..<j { h[j * d + k] = h[k * d + j] } }
            guard let step = Cholesky.solve(h, g, d) else { break }
            var t = 1.0
            var next = w, value = current
            while t > 1e-6 {
                for j in 0..<d { next[j] = w[j] - t * step[j] }
                value = objective(next)
                if value <= current { break }
                t /= 2
            }
            if value > current { break }
            let gain = current - value
            w = next
            current = value
            if gain <= 1e-10 * max(1, abs(current)) { break }
        }
        return LogisticRegressionModel(schema: frame.schema, encoding: enc, weights: w)
    }
}

public struct LogisticRegressionModel: Sendable, Equatable {
    public let schema: FrameSchema
    package let encoding: LinearEncoding
    /// One weight per encoded column, then the intercept.
    public let weights: [Double]

    public func predictProbability(_ frame: FeatureFrame) throws -> [Double] {
        _ = try schema.aligned(frame)
        let x = try encoding.design(frame)
        let d = weights.count
        return (0..<frame.rowCount).map { r in
            var z = 0.0
            for j in 0..<d { z += x[r * d + j] * weights[j] }
            return sigmoid(z)
        }
    }
}

/// Standardisation and one-hot layout learnt from the training frame.
package struct LinearEncoding: Sendable, Equatable {
    package var means: [Double] = []
    package var scales: [Double] = []
    /// First encoded column of each frame column.
    package var starts: [Int] = []
    package var width = 0

    package init(_ frame: FeatureFrame) {
        for col in frame.columns {
            starts.append(width)
            switch col {
            case .numeric(let v):
                // Infinite values are refused by `design`; leaving them out here keeps the
                // mean and scale finite, so the refusal is the only thing they cause.
                let present = v.filter { $0.isFinite }.map(Double.init)
                let m = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
                let sd = present.isEmpty ? 1 : (present.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(present.count)).squareRoot()
                means.append(m); scales.append(sd > 0 ? sd : 1)
                width += 1
            case .categorical(_, let labels):
                means.append(0); scales.append(1)
                width += labels.count
            }
        }
    }

    /// Row-major design matrix with a trailing 1 for the intercept.
    package func design(_ frame: FeatureFrame) throws -> [Double] {
        guard frame.columnCount == starts.count else {
            throw LearningError.columnCountMismatch(expected: starts.count, got: frame.columnCount)
        }
        let d = width + 1
        var x = [Double](repeating: 0, count: frame.rowCount * d)
        for r in 0..<frame.rowCount { x[r * d + width] = 1 }
        for (j, col) in frame.columns.enumerated() {
            let s = starts[j]
            let span = (j + 1 < starts.count ? starts[j + 1] : width) - s
            switch col {
            case .numeric(let v):
                for r in 0..<frame.rowCount where !v[r].isNaN {
                    // A number beyond Float's range (e.g. 1e50) arrives as ±infinity; it would
                    // turn every weight and probability into NaN.
                    guard v[r].isFinite else {
                        throw LearningError.invalidParameter(
                            "column '\(frame.names[j])' holds a value beyond ±3.4e38 (read as \(v[r])); logistic regression needs finite numbers")
                    }
                    x[r * d + s] = (Double(v[r]) - means[j]) / scales[j]
                }
            case .categorical(let c, _):
                for r in 0..<frame.rowCount where c[r] >= 0 && Int(c[r]) < span { x[r * d + s + Int(c[r])] = 1 }
            }
        }
        return x
    }
}

package enum Cholesky {
    /// Solves A x = b for symmetric positive-definite A (row-major n×n); nil if not SPD.
    package static func solve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= l[k * n + i] * x[k] }
            x[i] /= l[i * n + i]
        }
        return x
    }
}
