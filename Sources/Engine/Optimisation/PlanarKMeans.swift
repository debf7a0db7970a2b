/// Weighted Lloyd k-means with k-means++ seeding on planar points (km). Kept in
/// Optimisation as the plain baseline that balanced territories are compared with.
public enum PlanarKMeans {
    public struct Result: Sendable {
        public var labels: [Int]
        public var cx: [Double]
        public var cy: [Double]
    }

    public static func fit(x: [Double], y: [Double], weight: [Double], k: Int, seed: UInt64, iterations: Int = 100) -> Result {
        let n = x.count
        precondition(k >= 1 && k <= n && y.count == n && weight.count == n, "k-means needs 1 ≤ k ≤ n points")
        var rng = SeededRNG(seed: seed)
        var cx: [Double] = [], cy: [Double] = []
        let first = rng.weightedIndex(weight)
        cx.append(x[first]); cy.append(y[first])
        var d2 = (0..<n).map { (x[$0] - cx[0]) * (x[$0] - cx[0]) + (y[$0] - cy[0]) * (y[$0] - cy[0]) }
        while cx.count < k {
            let next = rng.weightedIndex((0..<n).map { d2[$0] * weight[$0] })
            cx.append(x[next]); cy.append(y[next])
            for i in 0..<n { d2[i] = min(d2[i], (x[i] - x[next]) * (x[i] - x[next]) + (y[i] - y[next]) * (y[i] - y[next])) }
        }
        var labels = Array(repeating: -1, count: n)
        for _ in 0..<iterations {
            var changed = false
            for i in 0..<n {
                var best = 0, bd = Double.infinity
                for c in 0..<k {
                    let d = (x[i] - cx[c]) * (x[i] - cx[c]) + (y[i] - cy[c]) * (y[i] - cy[c])
                    if d < bd { bd = d; best = c }
                }
                if labels[i] != best { labels[i] = best; changed = true }
            }
            (cx, cy) = centres(x: x, y: y, weight: weight, labels: labels, k: k, old: (cx, cy))
            if !changed { break }
        }
        return Result(labels: labels, cx: cx, cy: cy)
    }

    /// Weighted means per label; an empty cluster keeps its old centre.
    static func centres(x: [Double], y: [Double], weight: [Double], labels: [Int], k: Int,
                        old: ([Double], [Double])) -> ([Double], [Double]) {
        var sx = Array(repeating: 0.0, count: k), sy = sx, sw = sx
        for i in 0..<x.count where labels[i] >= 0 {
            sx[labels[i]] += weight[i] * x[i]; sy[labels[i]] += weight[i] * y[i]; sw[labels[i]] += weight[i]
        }
        var cx = old.0, cy = old.1
        for c in 0..<k where sw[c] > 0 { cx[c] = sx[c] / sw[c]; cy[c] = sy[c] / sw[c] }
        return (cx, cy)
    }
}
