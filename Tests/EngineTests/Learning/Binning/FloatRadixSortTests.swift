import Testing
import Core
import Learning

@Suite struct FloatRadixSortTests {
    /// The comparison sort it replaces: NaNs dropped, the rest widened and sorted.
    func reference(_ x: [Float]) -> [Double] { x.filter { !$0.isNaN }.map(Double.init).sorted() }

    @Test func matchesAComparisonSortOnMixedValues() {
        var rng = SeededRNG(seed: 11)
        let specials: [Float] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1]
        for trial in 0..<200 {
            let n = rng.int(below: 400)
            let x: [Float] = (0..<n).map { _ in
                switch rng.int(below: 4) {
                case 0: return specials[rng.int(below: specials.count)]
                case 1: return Float(rng.int(below: 7) - 3)  // heavy ties, as counts and codes give
                default: return Float(rng.uniform(-1e6, 1e6))
                }
            }
            let got = FloatRadixSort.ascending(x), want = reference(x)
            #expect(got == want, "trial \(trial)")
            #expect(!got.contains { $0 == 0 && $0.sign == .minus }, "−0 is read as +0")
        }
    }

    @Test func emptyAllMissingAndOneValue() {
        #expect(FloatRadixSort.ascending([]) == [])
        #expect(FloatRadixSort.ascending([.nan, .nan]) == [])
        #expect(FloatRadixSort.ascending([2.5, 2.5, 2.5]) == [2.5, 2.5, 2.5])
    }
}
