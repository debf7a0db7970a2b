import Core
/// Column-based model input: named numeric columns (`Float`, NaN = missing) and named
/// categorical columns (`Int32` codes into `labels`, -1 = missing), all of one length.
/// Every learner in Engine takes this, so a pipeline builds it once from its records.
public struct FeatureFrame: Sendable, Equatable {
    public enum Column: Sendable, Equatable {
        case numeric([Float])
        case categorical(codes: [Int32], labels: [String])

        public var isCategorical: Bool {
            if case .categorical = self { return true }
            return false
        }
    }

    public package(set) var names: [String] = []
    public package(set) var columns: [Column] = []
    public let rowCount: Int

    public init(rowCount: Int) { self.rowCount = rowCount }

    public var columnCount: Int { columns.count }

    public mutating func addNumeric(_ name: String, _ values: [Float]) throws {
        try checkNew(name, values.count)
        names.append(name)
        columns.append(.numeric(values))
    }

    /// Codes outside `0..<labels.count` are treated as missing.
    public mutating func addCategorical(_ name: String, codes: [Int32], labels: [String]) throws {
        try checkNew(name, codes.count)
        let n = Int32(labels.count)
        let clean = codes.map { $0 >= 0 && $0 < n ? $0 : -1 }
        names.append(name)
        columns.append(.categorical(codes: clean, labels: labels))
    }

    /// Convenience for records: a category column from `Category` values.
    public mutating func addCategory<C: Category>(_ name: String, _ values: [C?]) throws {
        let codes = values.map { $0.map { Int32($0.code) } ?? -1 }
        try addCategorical(name, codes: codes, labels: C.labels)
    }

    /// A category column from a dataset's own labels: `known` labels take the first codes in
    /// their order, the rest follow by first appearance; an empty label is missing.
    public mutating func addLabels(_ name: String, _ values: [String], known: [String] = []) throws {
        let (vocabulary, codes) = Vocabulary.coding(values, known: known)
        // The empty label is "missing", not a level of its own.
        let empty = vocabulary.code(of: "")
        var labels = vocabulary.labels
        var remap = Array(0..<labels.count).map(Int32.init)
        if let e = empty {
            labels.remove(at: e)
            for k in remap.indices { remap[k] = k == e ? -1 : (k > e ? Int32(k - 1) : Int32(k)) }
        }
        try addCategorical(name, codes: codes.map { remap[$0] }, labels: labels)
    }

    private func checkNew(_ name: String, _ count: Int) throws {
        guard count == rowCount else {
            throw LearningError.columnLengthMismatch(column: name, expected: rowCount, got: count)
        }
        if names.contains(name) { throw LearningError.duplicateColumn(name) }
    }

    /// The frame restricted to `rows`, in that order.
    public func rows(_ rows: [Int]) -> FeatureFrame {
        var out = FeatureFrame(rowCount: rows.count)
        out.names = names
        out.columns = columns.map { col in
            switch col {
            case .numeric(let v): return .numeric(rows.map { v[$0] })
            case .categorical(let c, let l): return .categorical(codes: rows.map { c[$0] }, labels: l)
            }
        }
        return out
    }

    public var schema: FrameSchema {
        FrameSchema(names: names, categoryLabels: columns.map {
            if case .categorical(_, let l) = $0 { return l }
            return nil
        })
    }
}

/// What a fitted model remembers of its training frame, to check and align later input.
public struct FrameSchema: Sendable, Equatable {
    public var names: [String]
    /// nil for a numeric column; the labels of a categorical one.
    public var categoryLabels: [[String]?]

    package init(names: [String], categoryLabels: [[String]?]) {
        self.names = names; self.categoryLabels = categoryLabels
    }

    public var count: Int { names.count }

    /// Raw per-column arrays of `frame` in this schema's order and coding: numeric columns
    /// as given, categorical codes re-mapped by label when the frame labels differ.
    package func aligned(_ frame: FeatureFrame) throws -> [AlignedColumn] {
        guard frame.columnCount == count else {
            throw LearningError.columnCountMismatch(expected: count, got: frame.columnCount)
        }
        var out: [AlignedColumn] = []
        out.reserveCapacity(count)
        for j in 0..<count {
            switch (frame.columns[j], categoryLabels[j]) {
            case (.numeric(let v), nil):
                out.append(.numeric(v))
            case (.categorical(let codes, let labels), .some(let trained)):
                if labels == trained {
                    out.append(.categorical(codes))
                } else {
                    var index: [String: Int32] = [:]
                    for (i, l) in trained.enumerated() { index[l] = Int32(i) }
                    let map = labels.map { index[$0] ?? -1 }
                    out.append(.categorical(codes.map { $0 >= 0 ? map[Int($0)] : -1 }))
                }
            default:
                throw LearningError.columnKindMismatch(column: names[j])
            }
        }
        return out
    }
}

package enum AlignedColumn {
    case numeric([Float])
    case categorical([Int32])

    /// The value as a Double: categorical codes as integers, missing codes as NaN.
    @inline(__always) package func value(_ row: Int) -> Double {
        switch self {
        case .numeric(let v): return Double(v[row])
        case .categorical(let c): return c[row] < 0 ? .nan : Double(c[row])
        }
    }
}
