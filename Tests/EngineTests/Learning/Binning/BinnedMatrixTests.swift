import Testing
import Core
import Learning

@Suite struct BinnedMatrixTests {
    @Test func quantileBinsWithAMissingBinAndCategoryCodes() throws {
        let n = 5000
        var rng = SeededRNG(seed: 1)
        var v = (0..<n).map { _ in Float(rng.normal()) }
        v[3] = .nan
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("v", v)
        try f.addNumeric("few", (0..<n).map { Float($0 % 3) })
        try f.addCategorical("c", codes: (0..<n).map { $0 % 7 == 0 ? -1 : Int32($0 % 4) }, labels: ["w", "x", "y", "z"])
        let m = try BinnedMatrix(frame: f, maxBins: 64, seed: 2)
        #expect(m.binnings[0].binCount <= 65)
        #expect(Int(m.bins[0][3]) == m.binnings[0].missingBin)
        // Value bins are roughly equally filled (zero has a bin of its own, empty here).
        var counts = [Int](repeating: 0, count: m.binnings[0].binCount)
        for b in m.bins[0] { counts[Int(b)] += 1 }
        let filled = counts.dropLast().filter { $0 > 0 }
        #expect(filled.count >= 60)
        #expect(filled.allSatisfy { $0 > n / 64 / 3 && $0 < n / 64 * 3 })
        #expect(m.binnings[1].binCount == 4)  // three values + missing
        #expect(m.binnings[2].isCategorical && Int(m.bins[2][0]) == m.binnings[2].missingBin)
        // A second frame binned with the same binnings agrees row by row.
        let again = try BinnedMatrix(frame: f.rows([5, 6, 7]), binnings: m.binnings)
        #expect(again.bins[0] == [m.bins[0][5], m.bins[0][6], m.bins[0][7]])
    }

    @Test func rowsOfABinningAreThoseRowsBinnedTheSameWay() throws {
        var f = FeatureFrame(rowCount: 200)
        try f.addNumeric("v", (0..<200).map { $0 % 9 == 0 ? .nan : Float($0 * 37 % 101) })
        try f.addCategorical("c", codes: (0..<200).map { Int32($0 % 5) - 1 }, labels: ["a", "b", "c", "d"])
        let m = try BinnedMatrix(frame: f, maxBins: 16)
        let pick = [199, 3, 3, 120, 0]
        let sub = try m.rows(pick)
        let direct = try BinnedMatrix(frame: f.rows(pick), binnings: m.binnings)
        #expect(sub.rowCount == 5 && sub.binnings == m.binnings && sub.bins == direct.bins)
        #expect(throws: LearningError.self) { try m.rows([]) }
        #expect(throws: LearningError.self) { try m.rows([0, 200]) }
    }

    /// Above 65 536 rows the columns are binned on several cores: each comes out as it does
    /// binned alone.
    @Test func columnsBinnedSideBySideAreEachColumnBinnedAlone() throws {
        let n = 70_000
        let v = (0..<n).map { Float($0 * 31 % 4_099) }
        let w = (0..<n).map { $0 % 7 == 0 ? Float.nan : Float($0 % 53) / 3 }
        let c = (0..<n).map { Int32($0 % 4) - 1 }
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("v", v)
        try f.addNumeric("w", w)
        try f.addCategorical("c", codes: c, labels: ["a", "b", "c"])
        let all = try BinnedMatrix(frame: f, maxBins: 64, seed: 5)
        var alone: [BinnedMatrix] = []
        for add in [{ (g: inout FeatureFrame) in try g.addNumeric("v", v) },
                    { (g: inout FeatureFrame) in try g.addNumeric("w", w) },
                    { (g: inout FeatureFrame) in try g.addCategorical("c", codes: c, labels: ["a", "b", "c"]) }] {
            var g = FeatureFrame(rowCount: n)
            try add(&g)
            alone.append(try BinnedMatrix(frame: g, maxBins: 64, seed: 5))
        }
        #expect(all.binnings == alone.flatMap(\.binnings))
        #expect(all.bins == alone.flatMap(\.bins))
        // Binnings learnt elsewhere, applied side by side, as well.
        #expect(try BinnedMatrix(frame: f, binnings: all.binnings).bins == all.bins)
    }
}
