import Core
/// A frame as a row-major `Double` matrix for tree traversal: numeric values as they are
/// (NaN = missing), categorical codes as integers (NaN = missing or unknown label).
package struct DenseRows {
    package let rowCount: Int
    package let columnCount: Int
    package var values: [Double]

    package init(frame: FeatureFrame, schema: FrameSchema) throws {
        let cols = try schema.aligned(frame)
        let rowCount = frame.rowCount
        let f = cols.count
        self.rowCount = rowCount
        columnCount = f
        var v = [Double](repeating: .nan, count: rowCount * f)
        v.withUnsafeMutableBufferPointer { out in
            for (j, col) in cols.enumerated() {
                switch col {
                case .numeric(let x):
                    for r in 0..<rowCount { out[r * f + j] = Double(x[r]) }
                case .categorical(let c):
                    for r in 0..<rowCount where c[r] >= 0 { out[r * f + j] = Double(c[r]) }
                }
            }
        }
        values = v
    }
}
