import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

@Suite struct ChiSquareTestTests {
    @Test func twoByTwoByHand() {
        // Rows 30/70, columns 40/60, n 100: expected 12, 18, 28, 42, each cell off by 2.
        // χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; V = √(χ²/100) = 0.089087.
        let t = ChiSquareTest(table: [[10, 20], [30, 40]])
        #expect(abs(t.statistic - (4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42)) < 1e-12)
        #expect(t.degreesOfFreedom == 1)
        #expect(abs(t.cramersV - (t.statistic / 100).squareRoot()) < 1e-12)
        // df = 1: p = erfc(√(χ²/2)).
        #expect(abs(t.pValue - erfc((t.statistic / 2).squareRoot())) < 1e-12)
        #expect(abs(t.pValue - 0.37299848361348686) < 1e-10)
    }

    @Test func twoByThreeAgainstKnownValues() {
        // scipy.stats.chi2_contingency(correction=False): χ² 9.848916160593793, p 0.007266663160924537.
        let t = ChiSquareTest(table: [[12, 5, 9], [3, 14, 7]])
        #expect(abs(t.statistic - 9.848916160593793) < 1e-9)
        #expect(t.degreesOfFreedom == 2)
        #expect(abs(t.pValue - 0.007266663160924537) < 1e-12)
        // df = 2: p = e^(−χ²/2) exactly.
        #expect(abs(t.pValue - exp(-t.statistic / 2)) < 1e-14)
        #expect(abs(t.cramersV - 0.4438224005296216) < 1e-12)
    }

    @Test func emptyLevelsDoNotCountAndTailsStayAccurate() {
        let t = ChiSquareTest(table: [[12, 5, 9], [0, 0, 0], [3, 14, 7]])
        #expect(t.degreesOfFreedom == 2)
        #expect(abs(t.statistic - 9.848916160593793) < 1e-9)
        // Far tail (scipy chi2.sf(250, 30) = 1.5157414203687308e-36) and a central value.
        #expect(abs(regularizedGammaQ(15, 125) / 1.5157414203687308e-36 - 1) < 1e-9)
        #expect(abs(regularizedGammaQ(2, 1.5) - 0.5578254003710748) < 1e-12)
        #expect(abs(regularizedGammaQ(1, 3) - exp(-3)) < 1e-15)
    }
}
