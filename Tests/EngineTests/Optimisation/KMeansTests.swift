import Testing
import Core
import Optimisation

@Suite struct KMeansTests {
    @Test func recoversWellSeparatedBlobs() throws {
        var rng = SeededRNG(seed: 5)
        let truth: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(50, 0), SIMD2(0, 50), SIMD2(50, 50), SIMD2(25, 90)]
        var pts: [SIMD2<Double>] = [], label: [Int] = []
        for i in 0..<1000 {
            let c = i % truth.count
            pts.append(truth[c] + SIMD2(rng.normal(), rng.normal()))
            label.append(c)
        }
        let res = try KMeans(k: 5, restarts: 3, seed: 1).fit(pts)
        // Each found centre is within 0.5 km of a true one, and clusters match the blobs.
        for c in res.centers { #expect(truth.contains { ((c - $0) * (c - $0)).sum().squareRoot() < 0.5 }) }
        var map: [Int: Int32] = [:]
        for (i, a) in res.assignment.enumerated() {
            if let m = map[label[i]] { #expect(m == a) } else { map[label[i]] = a }
        }
        #expect(Set(map.values).count == 5)
        #expect(try KMeans(k: 5, restarts: 3, seed: 1, threads: 2).fit(pts) == res)
    }

    @Test func weightedFindsSeparatedClusters() throws {
        let pts: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(0.1, 0.1), SIMD2(0.2, 0), SIMD2(10, 5), SIMD2(10.1, 5.1), SIMD2(10.2, 5)]
        let r = try KMeans(k: 2, restarts: 1, tolerance: 0, seed: 3).fit(pts, weights: [1, 1, 1, 1, 1, 4])
        let l = r.assignment
        #expect(l[0] == l[1] && l[1] == l[2] && l[3] == l[4] && l[4] == l[5] && l[0] != l[3])
        // The heavy point pulls its centre: (10 + 10.1 + 4 × 10.2) / 6.
        let c = r.centers[Int(l[5])]
        #expect(abs(c.x - (10 + 10.1 + 4 * 10.2) / 6) < 1e-12)
    }

    /// With `tolerance` 0 the bounds never change a decision: labels and centres equal plain
    /// weighted Lloyd's (k-means++ drawn the same way), bit for bit, ties included — what keeps
    /// the territories identical to the Lloyd k-means they started from before.
    @Test func equalsPlainLloydBitForBit() throws {
        var rng = SeededRNG(seed: 17)
        for trial in 0..<60 {
            let n = 3 + rng.int(below: 300), k = 1 + rng.int(below: min(n, 25))
            // Every third trial on a coarse grid, so equal distances (ties) are common.
            let grid = trial % 3 == 0
            let pts = (0..<n).map { _ in
                grid ? SIMD2(Double(rng.int(below: 8)), Double(rng.int(below: 8))) : SIMD2(rng.normal() * 20, rng.normal() * 8)
            }
            let w = (0..<n).map { _ in trial % 2 == 0 ? 1 : 0.5 + 3 * rng.uniform() }
            let seed = UInt64(trial)
            let r = try KMeans(k: k, restarts: 1, tolerance: 0, seed: seed).fit(pts, weights: w)
            let ref = Self.lloyd(pts, w, k: k, seed: seed)
            #expect(r.assignment.map { Int($0) } == ref.labels, "trial \(trial)")
            #expect(r.centers.map(\.x) == ref.cx && r.centers.map(\.y) == ref.cy, "trial \(trial)")
        }
    }

    @Test func badInput() {
        #expect(throws: KMeans.Failure.noPoints) { try KMeans(k: 2).fit([]) }
        #expect(throws: KMeans.Failure.self) { try KMeans(k: 3).fit([SIMD2(0, 0)]) }
        #expect(throws: KMeans.Failure.nonFinitePoint(1)) { try KMeans(k: 1).fit([SIMD2(0, 0), SIMD2(.nan, 0)]) }
        #expect(throws: KMeans.Failure.self) { try KMeans(k: 1).fit([SIMD2(0, 0)], weights: [1, 2]) }
    }

    /// Plain weighted Lloyd with k-means++ seeding, written out as the reference (the
    /// territories' k-means before the engine kept one).
    static func lloyd(_ p: [SIMD2<Double>], _ weight: [Double], k: Int, seed: UInt64) -> (labels: [Int], cx: [Double], cy: [Double]) {
        let n = p.count, x = p.map(\.x), y = p.map(\.y)
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
        for _ in 0..<100 {
            var changed = false
            for i in 0..<n {
                var best = 0, bd = Double.infinity
                for c in 0..<k {
                    let d = (x[i] - cx[c]) * (x[i] - cx[c]) + (y[i] - cy[c]) * (y[i] - cy[c])
                    if d < bd { bd = d; best = c }
                }
                if labels[i] != best { labels[i] = best; changed = true }
            }
            var sx = Array(repeating: 0.0, count: k), sy = sx, sw = sx
            for i in 0..<n { sx[labels[i]] += weight[i] * x[i]; sy[labels[i]] += weight[i] * y[i]; sw[labels[i]] += weight[i] }
            for c in 0..<k where sw[c] > 0 { cx[c] = sx[c] / sw[c]; cy[c] = sy[c] / sw[c] }
            if !changed { break }
        }
        return (labels, cx, cy)
    }
}
