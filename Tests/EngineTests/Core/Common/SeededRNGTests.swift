import Testing
import Core

@Suite struct SeededRNGTests {
    @Test func sameSeedSameStream() {
        var a = SeededRNG(seed: 42)
        var b = SeededRNG(seed: 42)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
    }

    @Test func boundedIntsStayInRangeAndCoverIt() {
        var rng = SeededRNG(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let v = rng.int(below: 10)
            #expect((0..<10).contains(v))
            seen.insert(v)
        }
        #expect(seen.count == 10)
    }

    @Test func normalHasUnitMoments() {
        var rng = SeededRNG(seed: 3)
        let n = 200_000
        var sum = 0.0, sq = 0.0
        for _ in 0..<n { let x = rng.normal(); sum += x; sq += x * x }
        let mean = sum / Double(n)
        let variance = sq / Double(n) - mean * mean
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test func derivedStreamsDiffer() {
        let root = SeededRNG(seed: 1)
        var a = root.derived(1)
        var b = root.derived(2)
        #expect(a.next() != b.next())
    }

    /// `Int`s take their own loop: the same draws and swaps as any other element type.
    @Test func shufflingIntsIsTheGenericShuffle() {
        for n in [0, 1, 2, 10, 1000] {
            var ints = Array(0..<n), texts = (0..<n).map(String.init)
            var a = SeededRNG(seed: 31), b = SeededRNG(seed: 31)
            a.shuffle(&ints)
            b.shuffle(&texts)
            #expect(ints.map(String.init) == texts)
            #expect(a.next() == b.next())
        }
    }
}
