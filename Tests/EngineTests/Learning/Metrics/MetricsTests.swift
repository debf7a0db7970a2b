import Testing
import Core
import Learning

@Suite struct MetricsTests {
    @Test func aucCountsTiesAsOneHalf() throws {
        // Pairs (pos, neg): scores pos {0.8, 0.5}, neg {0.5, 0.2}.
        // 0.8 beats both (2), 0.5 ties 0.5 (0.5) and beats 0.2 (1) → 3.5 / 4.
        let auc = try Metrics.rocAUC(labels: [1, 1, 0, 0], scores: [0.8, 0.5, 0.5, 0.2])
        #expect(abs(auc - 0.875) < 1e-12)
        // All scores tied → 0.5 exactly.
        #expect(try Metrics.rocAUC(labels: [1, 0, 1, 0], scores: [1, 1, 1, 1]) == 0.5)
        #expect(try Metrics.rocAUC(labels: [0, 0, 1, 1], scores: [0.1, 0.2, 0.3, 0.4]) == 1)
    }

    @Test func averagePrecisionGroupsTiedScores() throws {
        // Descending: 0.9 (pos) → P=1, R=1/2; tie 0.5 {pos, neg} → P=2/3, R=1.
        // AP = 1/2·1 + 1/2·2/3 = 5/6.
        let ap = try Metrics.averagePrecision(labels: [1, 1, 0, 0], scores: [0.9, 0.5, 0.5, 0.1])
        #expect(abs(ap - 5.0 / 6.0) < 1e-12)
        // No ties: pos at ranks 1 and 3 → 1/2·1 + 1/2·2/3.
        let ap2 = try Metrics.averagePrecision(labels: [1, 0, 1, 0], scores: [0.9, 0.8, 0.7, 0.1])
        #expect(abs(ap2 - 5.0 / 6.0) < 1e-12)
    }

    @Test func probabilityAndRegressionScores() throws {
        let y: [Double] = [1, 0, 1, 0]
        let p: [Double] = [0.9, 0.1, 0.6, 0.4]
        let ll = try Metrics.logLoss(labels: y, probabilities: p)
        let expected = -(2 * _log(0.9) + 2 * _log(0.6)) / 4
        #expect(abs(ll - expected) < 1e-12)
        #expect(abs(try Metrics.brier(labels: y, probabilities: p) - (0.01 + 0.01 + 0.16 + 0.16) / 4) < 1e-12)
        #expect(abs(try Metrics.rmse([1, 2, 3], [1, 2, 5]) - (4.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(try Metrics.mae([1, 2, 3], [2, 2, 5]) - 1) < 1e-12)
        #expect(abs(try Metrics.r2([1, 2, 3], [1, 2, 3]) - 1) < 1e-12)
    }

    @Test func calibrationTableAndECE() throws {
        let y: [Double] = [0, 1, 1, 1]
        let p: [Double] = [0.15, 0.15, 0.85, 0.95]
        let table = try Metrics.calibration(labels: y, probabilities: p, bins: 2)
        #expect(table.map(\.count) == [2, 2])
        #expect(abs(table[0].observedRate - 0.5) < 1e-12 && abs(table[0].meanPredicted - 0.15) < 1e-12)
        let ece = try Metrics.expectedCalibrationError(labels: y, probabilities: p, bins: 2)
        #expect(abs(ece - (2 * 0.35 + 2 * 0.1) / 4) < 1e-12)
    }

    @Test func confusionAndCostOptimalThreshold() throws {
        let y: [Double] = [1, 1, 0, 0, 1]
        let s: [Double] = [0.9, 0.6, 0.55, 0.2, 0.1]
        let c = try Metrics.confusion(labels: y, scores: s, threshold: 0.5)
        #expect(c == Confusion(truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 1))
        // Missing a positive costs 10, a false alarm 1: flag everything down to 0.1.
        let best = try Metrics.costOptimalThreshold(labels: y, scores: s, falsePositiveCost: 1, falseNegativeCost: 10)
        #expect(best.threshold == 0.1 && best.cost == 2)
        // False alarms cost 10: flag only the top two.
        let strict = try Metrics.costOptimalThreshold(labels: y, scores: s, falsePositiveCost: 10, falseNegativeCost: 1)
        #expect(strict.threshold == 0.6 && strict.cost == 1)
    }

    @Test func badInputThrows() {
        #expect(throws: LearningError.noRows) { try Metrics.rocAUC(labels: [], scores: []) }
        #expect(throws: LearningError.oneClassOnly(label: 1)) { try Metrics.rocAUC(labels: [1, 1], scores: [0.1, 0.2]) }
        #expect(throws: LearningError.labelCountMismatch(expected: 2, got: 1)) { try Metrics.rmse([1, 2], [1]) }
    }
}
