import Testing
@testable import Engine

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

    @Test func projectsDegreesToKilometres() {
        let p = KMeans.project(lat: [41.0, 42.0], lon: [2.0, 2.0])
        #expect(abs((p[1].y - p[0].y) - 111.195) < 1e-9)
    }

    @Test func badInput() {
        #expect(throws: LearningError.noRows) { try KMeans(k: 2).fit([]) }
        #expect(throws: LearningError.self) { try KMeans(k: 3).fit([SIMD2(0, 0)]) }
    }
}
