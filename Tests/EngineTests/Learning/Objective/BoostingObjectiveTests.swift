import Foundation
import Testing
import Core
import Learning

/// The objectives boosting asks for gradients, start score, loss and output: each formula
/// checked against its closed form, and the gradient pass independent of the thread count.
@Suite struct BoostingObjectiveTests {
    @Test func logLossGradientsAreResidualsAndVariance() {
        let scores = [0.0, 2.0, -1.5], labels = [1.0, 0.0, 1.0]
        var gh = [SIMD2<Float>](repeating: .zero, count: 3)
        BoostingGradients.compute(LogLoss(), scores: scores, labels: labels, threads: 1, into: &gh)
        for i in 0..<3 {
            let p = 1 / (1 + exp(-scores[i]))
            #expect(abs(Double(gh[i].x) - (p - labels[i])) < 1e-6)
            #expect(abs(Double(gh[i].y) - p * (1 - p)) < 1e-6)
        }
    }

    @Test func squaredErrorGradientsAreResidualsWithUnitHessian() {
        var gh = [SIMD2<Float>](repeating: .zero, count: 2)
        BoostingGradients.compute(SquaredError(), scores: [3, -1], labels: [1, 1], threads: 1, into: &gh)
        #expect(gh == [SIMD2(2, 1), SIMD2(-2, 1)])
    }

    @Test func startScoresAreLogOddsAndMean() {
        #expect(abs(LogLoss().initialScore(labels: [1, 0, 0, 0]) - log(1.0 / 3.0)) < 1e-12)
        #expect(SquaredError().initialScore(labels: [1, 2, 6]) == 3)
    }

    @Test func lossesAndOutputs() {
        // log(1 + e^0) at z = 0 whatever the label; squared error is the mean square.
        #expect(abs(LogLoss().loss(scores: [0, 0], labels: [1, 0]) - log(2.0)) < 1e-12)
        #expect(SquaredError().loss(scores: [1, 3], labels: [0, 0]) == 5)
        #expect(LogLoss().output(0) == 0.5 && LogLoss().outputsProbability)
        #expect(SquaredError().output(4.5) == 4.5 && !SquaredError().outputsProbability)
    }

    @Test func labelsAreCheckedByTheObjective() {
        #expect(throws: LearningError.self) { try LogLoss().validate([0, 2], rows: 2) }
        #expect(throws: LearningError.self) { try LogLoss().validate([1, 1], rows: 2) }
        #expect(throws: LearningError.self) { try SquaredError().validate([1, .nan], rows: 2) }
        #expect(throws: Never.self) { try SquaredError().validate([1, 7], rows: 2) }
    }

    @Test func gradientsDoNotDependOnTheThreadCount() {
        var rng = SeededRNG(seed: 3)
        let n = 40_000
        let scores = (0..<n).map { _ in rng.normal() }, labels = (0..<n).map { _ in rng.uniform() < 0.3 ? 1.0 : 0.0 }
        var one = [SIMD2<Float>](repeating: .zero, count: n), four = one
        BoostingGradients.compute(LogLoss(), scores: scores, labels: labels, threads: 1, into: &one)
        BoostingGradients.compute(LogLoss(), scores: scores, labels: labels, threads: 4, into: &four)
        #expect(one == four)
    }

    @Test func eachTaskNamesItsObjective() {
        #expect(BoostingTask.binaryClassification.objective is LogLoss)
        #expect(BoostingTask.regression.objective is SquaredError)
    }
}
