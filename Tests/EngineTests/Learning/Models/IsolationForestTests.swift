import Testing
import Core
import Learning

@Suite struct IsolationForestTests {
    @Test func plantedOutliersRankOnTop() throws {
        var rng = SeededRNG(seed: 11)
        let n = 1000
        var a: [Float] = [], b: [Float] = []
        for _ in 0..<n { a.append(Float(rng.normal())); b.append(Float(rng.normal())) }
        let planted = [10, 200, 555, 777, 901]
        for (k, i) in planted.enumerated() { a[i] = Float(8 + k); b[i] = Float(-7 - k) }
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("a", a)
        try f.addNumeric("b", b)
        let model = try IsolationForest(trees: 100, contamination: 0.01, seed: 3).fit(f)
        let s = try model.scores(f)
        #expect(s.allSatisfy { $0 > 0 && $0 < 1 })
        let top = Set(Metrics.descending(s).prefix(planted.count))
        #expect(top == Set(planted))
        let flags = try model.isAnomaly(f)
        for i in planted { #expect(flags[i]) }
        #expect(try model.scores(f, threads: 2) == s)
        let back = try IsolationForestModel(serialized: model.serialized())
        #expect(back == model)
        #expect(try back.scores(f) == s)
    }

    @Test func badInput() {
        #expect(throws: LearningError.noRows) { try IsolationForest().fit(FeatureFrame(rowCount: 0)) }
        #expect(throws: LearningError.self) { try IsolationForest(contamination: 0.7).fit(LearningToyData.separable(rows: 10, seed: 1).0) }
    }
}
