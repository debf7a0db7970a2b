import Core
import Learning
/// Quality of breach probabilities: ROC-AUC, average precision, reliability table and ECE.
///
/// Computed by the learning engine's `Metrics`; this type only gathers them for the SLA
/// screen and exports.
public struct BreachMetrics: Sendable, Equatable {
    public var auc: Double
    public var averagePrecision: Double
    /// Expected calibration error over equal-width probability bins, weighted by count.
    public var ece: Double
    public var reliability: [ReliabilityBin]
    public var count: Int
    public var positives: Int
    /// Calibration within each priority (least urgent first); empty when not asked for.
    public var byPriority: [PriorityCalibration] = []

    /// How well the probabilities match the breach rate inside one priority: a model can be
    /// calibrated overall and still promise Critical tickets half the breaches they have.
    public struct PriorityCalibration: Sendable, Equatable {
        public var priority: String
        public var count: Int
        public var positives: Int
        public var meanPredicted: Double
        public var observedRate: Double
        /// Expected calibration error over this priority's rows alone.
        public var ece: Double
    }

    public struct ReliabilityBin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanPredicted: Double
        public var observedRate: Double
    }

    /// Learning's metrics; with a single class (or no rows) nothing can be ranked, so AUC is
    /// reported as 0.5 and average precision as the base rate instead of failing the analysis.
    public static func evaluate(_ p: [Double], _ y: [UInt8], bins: Int = 10) -> BreachMetrics {
        let labels = y.map(Double.init)
        let pos = y.reduce(0) { $0 + Int($1) }
        let n = p.count
        let twoClasses = pos > 0 && pos < n
        let auc = twoClasses ? ((try? Metrics.rocAUC(labels: labels, scores: p)) ?? 0.5) : 0.5
        let ap = twoClasses ? ((try? Metrics.averagePrecision(labels: labels, scores: p)) ?? 0)
            : (n > 0 ? Double(pos) / Double(n) : 0)
        let table = n > 0 ? ((try? Metrics.calibration(labels: labels, probabilities: p, bins: bins)) ?? []) : []
        let ece = n > 0 ? ((try? Metrics.expectedCalibrationError(labels: labels, probabilities: p, bins: bins)) ?? 0) : 0
        return BreachMetrics(
            auc: auc, averagePrecision: ap, ece: ece,
            reliability: table.map { ReliabilityBin(lower: $0.lower, upper: $0.upper, count: $0.count,
                                                    meanPredicted: $0.meanPredicted, observedRate: $0.observedRate) },
            count: n, positives: pos)
    }

    /// As `evaluate(_:_:bins:)`, with calibration per priority: `priority[k]` is row k's code
    /// into `priorityLabels`.
    public static func evaluate(_ p: [Double], _ y: [UInt8], priority: [UInt8], priorityLabels: [String],
                                bins: Int = 10) -> BreachMetrics {
        var m = evaluate(p, y, bins: bins)
        m.byPriority = calibrationByPriority(p, y, priority: priority, labels: priorityLabels, bins: bins)
        return m
    }

    public static func calibrationByPriority(_ p: [Double], _ y: [UInt8], priority: [UInt8], labels: [String],
                                             bins: Int = 10) -> [PriorityCalibration] {
        var rows = [[Int]](repeating: [], count: labels.count)
        for (k, c) in priority.enumerated() where Int(c) < labels.count { rows[Int(c)].append(k) }
        return labels.indices.compactMap { c in
            let r = rows[c]
            guard !r.isEmpty else { return nil }
            let pc = r.map { p[$0] }, yc = r.map { Double(y[$0]) }
            let ece = (try? Metrics.expectedCalibrationError(labels: yc, probabilities: pc, bins: bins)) ?? 0
            return PriorityCalibration(priority: labels[c], count: r.count, positives: Int(yc.reduce(0, +)),
                                       meanPredicted: pc.reduce(0, +) / Double(r.count),
                                       observedRate: yc.reduce(0, +) / Double(r.count), ece: ece)
        }
    }
}
