import Core
/// `roc.csv`: the churn model's ROC from its out-of-fold scores (as saved, Float32) and the
/// accounts' labels: the true-positive rate at evenly spaced false-positive rates, saved so the
/// Models screen draws the run's curve rather than recomputing it.
public enum RocTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var fpr: Double
        public var tpr: Double
    }
    public enum Column: String, CaseIterable, Sendable { case fpr, tpr }
    public static let artifact = "roc.csv"
    /// Points on the curve.
    public static let points = 41

    public static func cell(_ p: Row, _ column: Column) -> String {
        switch column {
        case .fpr: Pipeline.fmt(p.fpr, 4)
        case .tpr: Pipeline.fmt(p.tpr, 6)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(fpr: try r.number(.fpr), tpr: try r.number(.tpr))
    }

    /// No rows when the labels hold one class only (or none).
    public static func rows(scores: [Float], labels: [Bool?]) -> [Row] {
        var scored: [(Float, Bool)] = []
        scored.reserveCapacity(scores.count)
        for (s, y) in zip(scores, labels) { if let y { scored.append((s, y)) } }
        let positives = scored.filter(\.1).count, negatives = scored.count - positives
        guard positives > 0, negatives > 0 else { return [] }
        scored.sort { $0.0 > $1.0 }
        var out = [Double](repeating: 0, count: points)
        var tp = 0, fp = 0, k = 0
        while k < scored.count {
            var j = k
            while j < scored.count, scored[j].0 == scored[k].0 {
                if scored[j].1 { tp += 1 } else { fp += 1 }
                j += 1
            }
            let fpr = Double(fp) / Double(negatives), tpr = Double(tp) / Double(positives)
            // Each grid FPR takes the best TPR reached at or below it.
            let bucket = min(points - 1, Int((fpr * Double(points - 1)).rounded(.down)))
            for b in bucket..<points where out[b] < tpr { out[b] = tpr }
            k = j
        }
        return out.enumerated().map { Row(fpr: Double($0.offset) / Double(points - 1), tpr: $0.element) }
    }
}
