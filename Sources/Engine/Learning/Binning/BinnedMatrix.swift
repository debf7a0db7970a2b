import Dispatch
import Core
/// A feature frame discretised for histogram learners: each column as `UInt8` bins,
/// column-major (`bins[column][row]`), with the per-column `FeatureBinning` that produced
/// them so that other frames (validation, scoring) can be binned the same way.
public struct BinnedMatrix: Sendable {
    public let rowCount: Int
    public let binnings: [FeatureBinning]
    public let bins: [[UInt8]]

    public var columnCount: Int { binnings.count }

    /// Learns the binning from a seeded sample of at most `sampleSize` rows, then bins all.
    public init(frame: FeatureFrame, maxBins: Int = 255, sampleSize: Int = 200_000, seed: UInt64 = 0) throws {
        guard frame.rowCount > 0 else { throw LearningError.noRows }
        guard frame.columnCount > 0 else { throw LearningError.noFeatures }
        guard (2...255).contains(maxBins) else { throw LearningError.invalidParameter("maxBins must be in 2...255") }
        var rng = SeededRNG(seed: seed)
        let sampleRows: [Int]? = frame.rowCount > sampleSize ? rng.sample(frame.rowCount, sampleSize).sorted() : nil
        let columns = frame.columns
        let binnings = Self.eachColumn(columns.count, rows: frame.rowCount) { j -> FeatureBinning in
            switch columns[j] {
            case .numeric(let v):
                let sample = sampleRows.map { $0.map { v[$0] } } ?? v
                return .numeric(sample: sample, maxBins: maxBins)
            case .categorical(let codes, let labels):
                return .categorical(codes: codes, labelCount: labels.count, maxBins: maxBins)
            }
        }
        try self.init(frame: frame, binnings: binnings)
    }

    /// `make(j)` for every column, the columns spread over the cores when the rows are many
    /// (each column's result is its own, so the same either way).
    static func eachColumn<T: Sendable>(_ count: Int, rows: Int, _ make: @Sendable (Int) -> T) -> [T] {
        guard count > 1, rows >= 1 << 16 else { return (0..<count).map(make) }
        let out = ParallelSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { j in out[j] = make(j) }
        return out.values.enumerated().map { j, v in v ?? make(j) }
    }

    /// Bins `frame` with binnings learnt elsewhere (e.g. on the training rows).
    public init(frame: FeatureFrame, binnings: [FeatureBinning]) throws {
        guard frame.columnCount == binnings.count else {
            throw LearningError.columnCountMismatch(expected: binnings.count, got: frame.columnCount)
        }
        self.rowCount = frame.rowCount
        self.binnings = binnings
        let columns = frame.columns
        for (j, col) in columns.enumerated() {
            switch (col, binnings[j].kind) {
            case (.numeric, .numeric), (.categorical, .categorical): continue
            default: throw LearningError.columnKindMismatch(column: frame.names[j])
            }
        }
        self.bins = Self.eachColumn(columns.count, rows: frame.rowCount) { j -> [UInt8] in
            switch (columns[j], binnings[j].kind) {
            case (.numeric(let v), .numeric(let edges)):
                let b = binnings[j]
                return edges.withUnsafeBufferPointer { e in v.map { b.bin(numeric: $0, edges: e) } }
            case (.categorical(let codes, _), .categorical(let binOfCode, let codeOfBin)):
                let missing = UInt8(codeOfBin.count)
                return codes.map { c in c >= 0 && Int(c) < binOfCode.count ? binOfCode[Int(c)] : missing }
            default:
                return []  // refused above
            }
        }
    }

    private init(rowCount: Int, binnings: [FeatureBinning], bins: [[UInt8]]) {
        self.rowCount = rowCount
        self.binnings = binnings
        self.bins = bins
    }

    /// The rows `subset`, in that order, binned the same way: one binning shared by every
    /// fold of a cross-validation (as `lgb.cv` does) instead of one per fold.
    public func rows(_ subset: [Int]) throws -> BinnedMatrix {
        guard !subset.isEmpty else { throw LearningError.noRows }
        guard subset.allSatisfy({ $0 >= 0 && $0 < rowCount }) else {
            throw LearningError.invalidParameter("row index out of range 0..<\(rowCount)")
        }
        return BinnedMatrix(rowCount: subset.count, binnings: binnings, bins: bins.map { col in
            col.withUnsafeBufferPointer { c in subset.map { c[$0] } }
        })
    }

    /// Row-major copy (`out[row * columnCount + column]`): one cache line per row, which is
    /// what the histogram loop of the boosting learner wants.
    package func rowMajor() -> [UInt8] {
        let f = columnCount
        var out = [UInt8](repeating: 0, count: rowCount * f)
        out.withUnsafeMutableBufferPointer { o in
            for j in 0..<f {
                bins[j].withUnsafeBufferPointer { c in
                    for r in 0..<rowCount { o[r * f + j] = c[r] }
                }
            }
        }
        return out
    }
}
