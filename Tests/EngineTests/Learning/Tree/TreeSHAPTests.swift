import Testing
import Learning

/// TreeSHAP against Shapley values by brute force over all coalitions, with the same
/// path-dependent conditional expectation (cover-weighted when a feature is absent).
@Suite struct TreeSHAPTests {
    func expectation(_ e: TreeEnsemble, _ node: Int, _ x: [Double], _ known: Set<Int>) -> Double {
        if e.feature[node] < 0 { return e.value[node] }
        let f = Int(e.feature[node])
        let l = Int(e.left[node]), r = Int(e.right[node])
        if known.contains(f) { return expectation(e, e.goesLeft(node, x[f]) ? l : r, x, known) }
        return (e.cover[l] * expectation(e, l, x, known) + e.cover[r] * expectation(e, r, x, known)) / e.cover[node]
    }

    @Test func matchesBruteForceShapley() throws {
        let (f, y) = LearningToyData.mixed(rows: 600, seed: 21)
        var cfg = GradientBoostingConfig(trees: 5, learningRate: 0.3, numLeaves: 8, seed: 1)
        cfg.minDataInLeaf = 10
        let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(f, labels: y)
        let rows = try DenseRows(frame: f.rows([0, 1, 2, 3]), schema: model.schema)
        let shap = model.ensemble.shap(rows)
        let m = rows.columnCount
        func fact(_ k: Int) -> Double { k <= 1 ? 1 : Double(k) * fact(k - 1) }
        for r in 0..<rows.rowCount {
            let x = Array(rows.values[(r * m)..<((r + 1) * m)])
            func value(_ s: Set<Int>) -> Double {
                (0..<model.ensemble.treeCount).reduce(0) { $0 + expectation(model.ensemble, Int(model.ensemble.roots[$1]), x, s) }
            }
            for j in 0..<m {
                var phi = 0.0
                for mask in 0..<(1 << m) where mask & (1 << j) == 0 {
                    let s = Set((0..<m).filter { mask & (1 << $0) != 0 })
                    let w = fact(s.count) * fact(m - s.count - 1) / fact(m)
                    phi += w * (value(s.union([j])) - value(s))
                }
                #expect(abs(phi - shap.values[r * m + j]) < 1e-9)
            }
        }
    }
}
