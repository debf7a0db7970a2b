import Core
import Learning

/// Small seeded data sets shared by the learning tests.
enum LearningToyData {
    /// Two numeric columns; label = (x0 > 0.5) xor (x1 > 0.5), with a margin around 0.5:
    /// separable by axis-aligned splits, but only with an interaction.
    static func separable(rows n: Int, seed: UInt64) -> (FeatureFrame, [Double]) {
        var rng = SeededRNG(seed: seed)
        var a: [Float] = [], b: [Float] = [], y: [Double] = []
        while a.count < n {
            let x0 = rng.uniform(), x1 = rng.uniform()
            if abs(x0 - 0.5) < 0.05 || abs(x1 - 0.5) < 0.05 { continue }
            a.append(Float(x0)); b.append(Float(x1)); y.append((x0 > 0.5) != (x1 > 0.5) ? 1 : 0)
        }
        var f = FeatureFrame(rowCount: n)
        try? f.addNumeric("x0", a)
        try? f.addNumeric("x1", b)
        return (f, y)
    }

    /// Numeric, categorical and missing values together, with a noisy binary label.
    static func mixed(rows n: Int, seed: UInt64) -> (FeatureFrame, [Double]) {
        var rng = SeededRNG(seed: seed)
        var num: [Float] = [], other: [Float] = [], cat: [Int32] = [], y: [Double] = []
        for _ in 0..<n {
            let x = rng.normal()
            let z = rng.uniform()
            let c = Int32(rng.int(below: 6))
            let logit = 1.5 * x + (c % 2 == 0 ? 1 : -1) + (z > 0.5 ? 0.5 : -0.5)
            num.append(rng.bernoulli(0.1) ? .nan : Float(x))
            other.append(Float(z))
            cat.append(rng.bernoulli(0.05) ? -1 : c)
            y.append(rng.bernoulli(sigmoid(logit)) ? 1 : 0)
        }
        var f = FeatureFrame(rowCount: n)
        try? f.addNumeric("x", num)
        try? f.addNumeric("z", other)
        try? f.addCategorical("c", codes: cat, labels: ["a", "b", "c", "d", "e", "f"])
        return (f, y)
    }
}
