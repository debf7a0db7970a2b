import Core
/// Permutation importance (Breiman; Fisher, Rudin & Dominici): how much a score drops when
/// one column's values are shuffled across rows, averaged over seeded repeats. Works with
/// any model through its predict closure; use held-out rows.
public enum PermutationImportance {
    /// `score(labels, predictions)` must be higher-is-better (pass −loss for a loss).
    /// Returns one mean drop per column, in frame order.
    public static func compute(
        frame: FeatureFrame, labels: [Double], repeats: Int = 5, seed: UInt64 = 0,
        predict: (FeatureFrame) throws -> [Double], score: ([Double], [Double]) throws -> Double
    ) throws -> [Double] {
        guard frame.rowCount > 0 else { throw LearningError.noRows }
        guard labels.count == frame.rowCount else {
            throw LearningError.labelCountMismatch(expected: frame.rowCount, got: labels.count)
        }
        guard repeats >= 1 else { throw LearningError.invalidParameter("repeats must be at least 1") }
        let baseline = try score(labels, try predict(frame))
        let root = SeededRNG(seed: seed)
        var out: [Double] = []
        for j in 0..<frame.columnCount {
            var drop = 0.0
            for rep in 0..<repeats {
                var rng = root.derived(UInt64(j * repeats + rep))
                var order = Array(0..<frame.rowCount)
                rng.shuffle(&order)
                let shuffled = frame.permutingColumn(j, order: order)
                drop += baseline - (try score(labels, try predict(shuffled)))
            }
            out.append(drop / Double(repeats))
        }
        return out
    }
}

extension FeatureFrame {
    /// The frame with column `j`'s values taken in `order` (other columns untouched).
    package func permutingColumn(_ j: Int, order: [Int]) -> FeatureFrame {
        var f = self
        switch columns[j] {
        case .numeric(let v): f.columns[j] = .numeric(order.map { v[$0] })
        case .categorical(let c, let l): f.columns[j] = .categorical(codes: order.map { c[$0] }, labels: l)
        }
        return f
    }
}
