/// Quality of breach probabilities: ROC-AUC, average precision, reliability table and ECE.
///
/// Interim: a minimal stand-in written in Support before the learning engine's metrics
/// landed; the SLA engine only calls `BreachMetrics.evaluate`, so swapping the internals for
/// Learning's metrics touches this file alone.
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

    public static func evaluate(_ p: [Double], _ y: [UInt8], bins: Int = 10) -> BreachMetrics {
        let n = p.count
        let order = (0..<n).sorted { p[$0] < p[$1] }
        // AUC by the rank-sum statistic, ties given their mean rank.
        var rankSumPos = 0.0, pos = 0
        var k = 0
        while k < n {
            var j = k
            while j + 1 < n && p[order[j + 1]] == p[order[k]] { j += 1 }
            let meanRank = Double(k + j) / 2 + 1
            for t in k...j where y[order[t]] == 1 { rankSumPos += meanRank; pos += 1 }
            k = j + 1
        }
        let neg = n - pos
        let auc = pos > 0 && neg > 0
            ? (rankSumPos - Double(pos) * Double(pos + 1) / 2) / (Double(pos) * Double(neg)) : 0.5
        // Average precision: precision at each threshold step, weighted by recall gained.
        var ap = 0.0, tp = 0, seen = 0
        k = n - 1
        while k >= 0 {
            var j = k
            while j - 1 >= 0 && p[order[j - 1]] == p[order[k]] { j -= 1 }
            var gained = 0
            for t in j...k { seen += 1; if y[order[t]] == 1 { gained += 1 } }
            tp += gained
            if pos > 0 { ap += Double(gained) / Double(pos) * Double(tp) / Double(seen) }
            k = j - 1
        }
        var cnt = [Int](repeating: 0, count: bins), sp = [Double](repeating: 0, count: bins), sy = sp
        for i in 0..<n {
            let b = min(bins - 1, max(0, Int(p[i] * Double(bins))))
            cnt[b] += 1; sp[b] += p[i]; sy[b] += Double(y[i])
        }
        var ece = 0.0
        var table: [ReliabilityBin] = []
        for b in 0..<bins {
            let c = Double(max(cnt[b], 1))
            table.append(ReliabilityBin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins),
                                        count: cnt[b], meanPredicted: sp[b] / c, observedRate: sy[b] / c))
            if n > 0 { ece += Double(cnt[b]) / Double(n) * abs(sp[b] / c - sy[b] / c) }
        }
        return BreachMetrics(auc: auc, averagePrecision: ap, ece: ece, reliability: table, count: n, positives: pos)
    }
}
