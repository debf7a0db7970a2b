import Testing
import Learning

/// Issue 17: `model fit --model logistic` trapped in the calibration bins when a feature was
/// ≥ 1e50 (read as Float infinity, every probability NaN).
@Suite struct LogisticLimitsTests {
    @Test func anInfiniteFeatureIsRefusedByName() throws {
        var f = FeatureFrame(rowCount: 8)
        try f.addNumeric("x", [0, 1, 2, 3, Float("1e50") ?? .infinity, 5, 6, 7])
        let y: [Double] = [0, 0, 0, 0, 1, 1, 1, 1]
        #expect(throws: LearningError.invalidParameter("column 'x' holds a value beyond ±3.4e38 (read as inf); logistic regression needs finite numbers")) {
            try LogisticRegression().fit(f, labels: y)
        }
        // Fitted on finite data, an infinite value to score is refused the same way.
        var ok = FeatureFrame(rowCount: 8)
        try ok.addNumeric("x", [0, 1, 2, 3, 4, 5, 6, 7])
        let model = try LogisticRegression().fit(ok, labels: y)
        #expect(throws: LearningError.self) { try model.predictProbability(f) }
    }

    @Test func hugeFiniteFeaturesStillFit() throws {
        var f = FeatureFrame(rowCount: 8)
        try f.addNumeric("x", [0, 1, 2, 3, 3e38, 5, 6, 7])
        let p = try LogisticRegression().fit(f, labels: [0, 0, 0, 0, 1, 1, 1, 1]).predictProbability(f)
        #expect(p.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
    }

    @Test func calibrationRefusesANaNProbability() {
        #expect(throws: LearningError.self) { try Metrics.calibration(labels: [0, 1], probabilities: [.nan, 0.5]) }
        #expect(throws: LearningError.self) { try Metrics.calibration(labels: [0, 1], probabilities: [.infinity, 0.5]) }
        #expect((try? Metrics.calibration(labels: [0, 1], probabilities: [-0.5, 1.5]))?.map(\.count) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }
}
