import Testing
import Learning

@Suite struct SharedBinningTests {
    @Test func frameRowsMapToTheirBinsAndUnbinnedRowsAreRefused() throws {
        var f = FeatureFrame(rowCount: 50)
        try f.addNumeric("v", (0..<50).map { Float($0 * 7 % 13) })
        try f.addCategorical("c", codes: (0..<50).map { Int32($0 % 3) }, labels: ["a", "b", "c"])
        let binnedRows = Array(stride(from: 1, to: 50, by: 2))
        let shared = try SharedBinning(frame: f, rows: binnedRows, maxBins: 8, seed: 1)
        #expect(shared.schema == f.schema)
        #expect(shared.covers([49, 1, 3]) && !shared.covers([1, 2]) && !shared.covers([50]))
        let got = try shared.rows([49, 1, 3])
        let direct = try BinnedMatrix(frame: f.rows([49, 1, 3]), binnings: shared.matrix.binnings)
        #expect(got.bins == direct.bins)
        #expect(throws: LearningError.self) { try shared.rows([2]) }
        // Every row: the frame itself, binned as a whole.
        let whole = try SharedBinning(frame: f, maxBins: 8, seed: 1)
        #expect(try whole.rows(Array(0..<50)).bins == (try BinnedMatrix(frame: f, maxBins: 8, seed: 1)).bins)
    }
}
