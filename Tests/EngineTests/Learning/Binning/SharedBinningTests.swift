import Testing
import Core
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

    /// The binning of rows gathered beforehand is the one of the whole frame and its rows,
    /// on a frame large enough that the columns are binned on several cores.
    @Test func rowsGatheredFirstBinAsTheWholeFrameDoes() throws {
        let n = 70_000
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("v", (0..<n).map { Float($0 * 7919 % 1_009) / 10 })
        try f.addNumeric("w", (0..<n).map { $0 % 11 == 0 ? .nan : Float($0 % 97) })
        try f.addCategorical("c", codes: (0..<n).map { Int32($0 % 5) - 1 }, labels: ["a", "b", "c", "d"])
        var rng = SeededRNG(seed: 9)
        let rows = rng.sample(n, 66_000).sorted().reversed().map { $0 }
        let whole = try SharedBinning(frame: f, rows: rows, maxBins: 32, seed: 3)
        let gathered = try SharedBinning(rowsFrame: f.rows(rows), rows: rows, frameRowCount: n, maxBins: 32, seed: 3)
        #expect(gathered.schema == whole.schema)
        #expect(gathered.matrix.binnings == whole.matrix.binnings)
        #expect(gathered.matrix.bins == whole.matrix.bins)
        let probe = [rows[0], rows[65_999], rows[1_234]]
        #expect(try gathered.rows(probe).bins == (try whole.rows(probe)).bins)
        #expect(gathered.covers(rows) && !gathered.covers([n]))
        #expect(throws: LearningError.self) {
            try SharedBinning(rowsFrame: f.rows([0, 1]), rows: [0], frameRowCount: n, maxBins: 32, seed: 3)
        }
    }
}
