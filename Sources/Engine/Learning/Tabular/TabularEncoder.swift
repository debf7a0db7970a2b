import Core
/// Turns a raw text column into a feature column by its schema entry. Each distinct text is
/// read once; rows then take their value by code, so encoding is one array lookup per row.
package enum TabularEncoder {
    package struct Encoded {
        package var column: FeatureFrame.Column
        /// Rows whose text did not read as the feature's type (now missing).
        package var unreadable = 0
        /// Rows with a category the model never saw (now missing).
        package var unseen = 0
        package var unseenExamples: [String] = []
    }

    package static func encode(_ col: RawTable.Column, as feature: TabularFeature, asOfDay: Int?) -> Encoded {
        var unreadable = 0, unseen = 0
        var examples: [String] = []
        switch feature.kind {
        case .categorical:
            var index: [String: Int32] = [:]
            for (k, l) in feature.labels.enumerated() { index[l] = Int32(k) }
            let map = col.values.indices.map { i -> Int32 in
                let t = col.values[i]
                if CellText.isMissing(t) { return -1 }
                if let c = index[t] { return c }
                unseen += col.counts[i]
                if examples.count < 3 { examples.append(t) }
                return -1
            }
            return Encoded(column: .categorical(codes: col.codes.map { map[Int($0)] }, labels: feature.labels),
                           unseen: unseen, unseenExamples: examples)
        case .numeric, .boolean, .date:
            let map = col.values.indices.map { i -> Float in
                let t = col.values[i]
                if CellText.isMissing(t) { return .nan }
                let v: Double?
                switch feature.kind {
                case .boolean: v = CellText.boolean(t).map { $0 ? 1 : 0 }
                case .date: v = CellText.day(t).flatMap { d in asOfDay.map { Double($0 - d) } }
                default: v = CellText.number(t)
                }
                guard let v else { unreadable += col.counts[i]; return .nan }
                return Float(v)
            }
            return Encoded(column: .numeric(col.codes.map { map[Int($0)] }), unreadable: unreadable)
        }
    }

    /// Latest date among the given date columns (the default reference for ages).
    package static func latestDay(_ cols: [RawTable.Column]) -> Int? {
        cols.flatMap { $0.values.compactMap(CellText.day) }.max()
    }
}
