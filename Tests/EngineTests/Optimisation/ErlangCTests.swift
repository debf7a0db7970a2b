import Testing
import Optimisation

@Suite struct ErlangCTests {
    @Test func textbookCaseNeedsFourteenAgents() {
        // 100 calls in 30 min at 180 s = 10 Erlangs; 80 % in 20 s.
        let s = ErlangC.staffing(calls: 100, intervalSeconds: 1800, handleSeconds: 180, serviceLevel: 0.8, answerSeconds: 20)
        #expect(s.erlangs == 10)
        #expect(s.agents == 14)
        #expect(s.serviceLevel >= 0.8)
        #expect(ErlangC.serviceLevel(agents: 13, erlangs: 10, handleSeconds: 180, answerSeconds: 20) < 0.8)
    }

    @Test func knownWaitProbabilities() {
        // C(N=2, A=1) = 1/3; C(N=14, A=10) ≈ 0.1741 (standard tables).
        #expect(abs(ErlangC.waitProbability(agents: 2, erlangs: 1) - 1.0 / 3.0) < 1e-12)
        #expect(abs(ErlangC.waitProbability(agents: 14, erlangs: 10) - 0.1741) < 5e-4)
        #expect(ErlangC.waitProbability(agents: 10, erlangs: 10) == 1)
    }

    @Test func stableForLargeCentres() {
        // 1 000 Erlangs would overflow A^N / N!; the recursion stays finite.
        let p = ErlangC.waitProbability(agents: 1_050, erlangs: 1_000)
        #expect(p > 0 && p < 1)
    }

    @Test func occupancyCapAndShrinkage() {
        let s = ErlangC.staffing(calls: 100, intervalSeconds: 1800, handleSeconds: 180, serviceLevel: 0.8, answerSeconds: 20,
                                 maxOccupancy: 0.6, shrinkage: 0.3)
        #expect(s.agents == 17)  // ⌈10 / 0.6⌉
        #expect(s.occupancy <= 0.6)
        #expect(s.rostered == 25)  // ⌈17 / 0.7⌉
    }
}
