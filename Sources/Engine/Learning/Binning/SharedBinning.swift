import Core
/// Some rows of a frame binned once for several fits on subsets of them — the folds of a
/// cross-validation and any model beside them — as `lgb.cv` does. Binning reads features
/// only, never labels, so no fold learns anything from the rows it is tested on. Rows are
/// named by their index in the frame.
public struct SharedBinning: Sendable {
    public let schema: FrameSchema
    package let matrix: BinnedMatrix
    /// Frame row → row of `matrix`; -1 for a row that was not binned.
    private let position: [Int]

    /// Bins `rows` of `frame` (every row when nil).
    public init(frame: FeatureFrame, rows: [Int]? = nil, maxBins: Int, seed: UInt64) throws {
        if let rows {
            try self.init(rowsFrame: frame.rows(rows), rows: rows, frameRowCount: frame.rowCount, maxBins: maxBins, seed: seed)
        } else {
            self.init(schema: frame.schema, matrix: try BinnedMatrix(frame: frame, maxBins: maxBins, seed: seed),
                      position: Array(0..<frame.rowCount))
        }
    }

    /// Bins `rowsFrame`, which holds rows `rows` of a frame of `frameRowCount` rows in that
    /// order: the binning `init(frame:rows:…)` gives, without the whole frame built first.
    public init(rowsFrame: FeatureFrame, rows: [Int], frameRowCount: Int, maxBins: Int, seed: UInt64) throws {
        guard rowsFrame.rowCount == rows.count else {
            throw LearningError.invalidParameter("\(rowsFrame.rowCount) frame rows for \(rows.count) row numbers")
        }
        var position = [Int](repeating: -1, count: frameRowCount)
        for (p, r) in rows.enumerated() where r >= 0 && r < frameRowCount { position[r] = p }
        self.init(schema: rowsFrame.schema, matrix: try BinnedMatrix(frame: rowsFrame, maxBins: maxBins, seed: seed), position: position)
    }

    private init(schema: FrameSchema, matrix: BinnedMatrix, position: [Int]) {
        self.schema = schema
        self.matrix = matrix
        self.position = position
    }

    /// Whether every one of `rows` was binned.
    public func covers(_ rows: [Int]) -> Bool {
        rows.allSatisfy { $0 >= 0 && $0 < position.count && position[$0] >= 0 }
    }

    /// `rows` of the frame, in that order, for `GradientBoosting.fit(binned:schema:labels:)`;
    /// throws for a row that was not binned.
    public func rows(_ rows: [Int]) throws -> BinnedMatrix {
        guard covers(rows) else { throw LearningError.invalidParameter("a row to fit on was not binned") }
        return try matrix.rows(rows.map { position[$0] })
    }
}
