import Testing
import Core

@Suite struct RadixSortTests {
    /// The radix order is `sort()`'s, on both sides of the threshold, with negatives, the
    /// extremes, duplicates, and values that differ in one byte only (skipped passes).
    @Test(arguments: [0, 1, 17, 4_095, 4_096, 50_000])
    func sortsAsSortDoes(count: Int) {
        var rng = SeededRNG(seed: UInt64(count) + 1)
        var a = (0..<count).map { i -> Int64 in
            switch i % 5 {
            case 0: return 1_780_000_000 + Int64(rng.int(below: 31_536_000))  // a year of times
            case 1: return Int64(rng.int(below: 200)) - 100
            case 2: return i % 10 == 2 ? .min : .max
            case 3: return 1_780_000_000 + Int64(rng.int(below: 256))  // the low byte differs only
            default: return Int64(bitPattern: rng.next())
            }
        }
        let expected = a.sorted()
        RadixSort.ascending(&a)
        #expect(a == expected)
    }

    @Test func aYearOfTimesSortsWhereOnlyTheLowBytesDiffer() {
        var rng = SeededRNG(seed: 4)
        var a = (0..<20_000).map { _ in 1_780_000_000 + Int64(rng.int(below: 525_600)) * 60 }
        let expected = a.sorted()
        RadixSort.ascending(&a)
        #expect(a == expected)
    }

    /// Rows move with their keys, equal keys keeping their order.
    @Test func rowsTravelWithTheirKeysStably() {
        var rng = SeededRNG(seed: 12)
        var keys = (0..<10_000).map { _ in UInt64(rng.int(below: 300)) << 40 | UInt64(rng.int(below: 3)) }
        let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        var rows = Array(keys.indices)
        let before = keys
        RadixSort.sort(&keys, carrying: &rows)
        #expect(rows == expected)
        #expect(keys == expected.map { before[$0] })
    }
}
