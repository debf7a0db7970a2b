import Testing
import Support

@Suite struct BreachCalibrationByPriorityTests {
    @Test func eachPriorityGetsItsOwnRateAndError() {
        // Low: predicted 0.2, observed 1/4; High: predicted 0.9, observed 1/2.
        let p = [0.2, 0.2, 0.2, 0.2, 0.9, 0.9]
        let y: [UInt8] = [1, 0, 0, 0, 1, 0]
        let m = BreachMetrics.evaluate(p, y, priority: [0, 0, 0, 0, 1, 1], priorityLabels: ["Low", "High", "Critical"])
        #expect(m.byPriority.map(\.priority) == ["Low", "High"])  // no Critical row: none in the data
        let low = m.byPriority[0], high = m.byPriority[1]
        #expect(low.count == 4 && low.positives == 1 && abs(low.observedRate - 0.25) < 1e-12 && abs(low.meanPredicted - 0.2) < 1e-12)
        #expect(abs(low.ece - 0.05) < 1e-9 && abs(high.ece - 0.4) < 1e-9)
        #expect(m.auc == BreachMetrics.evaluate(p, y).auc)
    }
}
