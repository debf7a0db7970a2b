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
}
