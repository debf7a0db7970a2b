import Core
import Learning
/// Accounts that stand out: an isolation forest over NBA, churn, potential and recency, with
/// the contamination share from the config. A flagged account says why — the inputs that sit
/// furthest from the typical account, in standard deviations.
public struct AccountAnomalies: Sendable, Equatable {
    public static let inputs = ["NBA", "churn", "potential", "recency"]
    public var score: [Float]
    public var flagged: [Bool]
    /// Per input, mean and standard deviation (for the "why").
    public var means: [Double]
    public var sds: [Double]

    public init(nba: [Double], churn: [Double], potential: [Double], recency: [Double], contamination: Double,
                seed: UInt64, threads: Int = 2) throws(SalesError) {
        let columns = [nba, churn, potential.map { _log(1 + max(0, $0)) }, recency]
        let n = nba.count
        means = columns.map { c in c.reduce(0, +) / Double(max(1, n)) }
        sds = zip(columns, means).map { c, m in (c.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(1, n))).squareRoot() }
        guard n >= 2 else {
            score = Array(repeating: 0, count: n); flagged = Array(repeating: false, count: n); return
        }
        do {
            var frame = FeatureFrame(rowCount: n)
            for (name, c) in zip(Self.inputs, columns) { try frame.addNumeric(name, c.map(Float.init)) }
            // Fitted without a contamination so the rows are scored once; the threshold is the
            // same quantile the forest would set: the score at position ⌊n·(1 − c)⌋ of the sorted scores.
            let model = try IsolationForest(trees: 100, sampleSize: 256, seed: seed, threads: threads).fit(frame)
            let s = try model.scores(frame, threads: threads)
            let t = s.sorted()[min(n - 1, Int((Double(n) * (1 - contamination)).rounded(.down)))]
            score = s.map(Float.init)
            flagged = s.map { $0 >= t }
        } catch {
            throw SalesError.input("anomalies: \(error)")
        }
        self.columns = columns
    }

    private var columns: [[Double]] = []

    /// "churn 3.2σ above typical; recency 2.1σ above typical" — the two strongest deviations.
    public func why(_ i: Int) -> String {
        var parts: [(Double, String)] = []
        for (k, name) in Self.inputs.enumerated() where sds[k] > 1e-12 {
            let z = (columns[k][i] - means[k]) / sds[k]
            parts.append((abs(z), "\(name) \(NBAReasons.oneDecimal(abs(z)))σ \(z >= 0 ? "above" : "below") typical"))
        }
        return parts.sorted { $0.0 > $1.0 }.prefix(2).map(\.1).joined(separator: "; ")
    }

    public static func == (a: AccountAnomalies, b: AccountAnomalies) -> Bool { a.score == b.score && a.flagged == b.flagged }
}
