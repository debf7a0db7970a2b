import Core
/// An imported customer table's extra columns as model features for the pipeline: types
/// inferred and cells encoded by the same code as `opsdeck model fit` (numeric, categorical,
/// date → age in days before the run's as-of day, boolean-like; id-like, constant, empty
/// and free-text columns left out), then guarded against leakage: a column named like a
/// target, or that gives a label away on the rows the folds train on, is left out too.
public struct ExtraFeatures: Sendable {
    public private(set) var features: [TabularFeature] = []
    public private(set) var excluded: [ExcludedColumn] = []
    package private(set) var columns: [FeatureFrame.Column] = []

    /// Words that name what the pipeline predicts (or its aftermath): such a column is most
    /// likely recorded after the fact.
    package static let targetWords = ["churn", "future", "cancel", "target", "label", "spend_6m", "spend_next"]

    /// Above this single-column AUC (or below one minus it) a column predicts churn perfectly.
    package static let perfectAUC = 0.995

    /// `taken`: names the built-in features already use.
    public init(_ raw: RawTable, asOfDay: Int, taken: Set<String>) {
        for col in raw.columns {
            if taken.contains(col.name) {
                excluded.append(ExcludedColumn(name: col.name, reason: "extra column named like a built-in feature"))
                continue
            }
            if let word = Self.targetWords.first(where: { Self.normalised(col.name).contains($0) }) {
                excluded.append(ExcludedColumn(name: col.name, reason: "leakage guard: named like a target (\"\(word)\")"))
                continue
            }
            switch TypeInference.infer(col, rowCount: raw.rowCount) {
            case .feature(var f):
                f.note = (["extra column"] + (f.note.map { [$0] } ?? [])).joined(separator: "; ")
                features.append(f)
                columns.append(TabularEncoder.encode(col, as: f, asOfDay: asOfDay).column)
            case .excluded(let why):
                excluded.append(ExcludedColumn(name: col.name, reason: "extra column: " + why))
            }
        }
    }

    package static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Leaves out every feature that gives a label away on `rows` (the labelled accounts,
    /// each of which the other folds train on): `churn` 0/1 and `value` per row of `rows`.
    public mutating func dropLeaks(rows: [Int], churn: [Double], value: [Double]) {
        var keptF: [TabularFeature] = [], keptC: [FeatureFrame.Column] = []
        for (f, c) in zip(features, columns) {
            if let why = Self.leak(c, rows: rows, churn: churn, value: value) {
                excluded.append(ExcludedColumn(name: f.name, reason: "leakage guard: " + why))
            } else {
                keptF.append(f)
                keptC.append(c)
            }
        }
        features = keptF
        columns = keptC
    }

    public func add(to frame: inout FeatureFrame) throws {
        for (f, c) in zip(features, columns) { try frame.add(f.name, c) }
    }

    package static func leak(_ column: FeatureFrame.Column, rows: [Int], churn: [Double], value: [Double]) -> String? {
        switch column {
        case .numeric(let v):
            let x = rows.map { Double(v[$0]) }
            let present = x.indices.filter { !x[$0].isNaN }
            if present.count < x.count, !present.isEmpty {
                let missing = x.indices.filter { x[$0].isNaN }
                if pure(present.map { churn[$0] }), pure(missing.map { churn[$0] }),
                   churn[present[0]] != churn[missing[0]] {
                    return "whether it is filled tells churn exactly on the training rows"
                }
            }
            guard present.count * 2 >= x.count else { return nil }
            let y = present.map { churn[$0] }, s = present.map { x[$0] }
            if let auc = try? Metrics.rocAUC(labels: y, scores: s), max(auc, 1 - auc) >= perfectAUC {
                return "predicts churn perfectly on the training rows (single-column AUC \(fixedDecimal(max(auc, 1 - auc), 3)))"
            }
            if abs(correlation(s, present.map { value[$0] })) >= perfectAUC {
                return "moves in lockstep with the future value on the training rows"
            }
            return nil
        case .categorical(let codes, let labels):
            // Every category (missing included) holding one class only, with categories few
            // enough that this is not just small groups.
            var groups: [Int32: (n: Int, pos: Int)] = [:]
            for (j, r) in rows.enumerated() {
                let g = groups[codes[r], default: (0, 0)]
                groups[codes[r]] = (g.n + 1, g.pos + (churn[j] == 1 ? 1 : 0))
            }
            let classes = Set(churn)
            guard classes.count == 2, groups.count >= 2, groups.count * 10 <= rows.count else { return nil }
            if groups.values.allSatisfy({ $0.pos == 0 || $0.pos == $0.n }) {
                return "its \(min(groups.count, labels.count + 1)) categories each hold one churn class on the training rows"
            }
            return nil
        }
    }

    package static func pure(_ y: [Double]) -> Bool { y.allSatisfy { $0 == y.first } }

    /// Pearson correlation; 0 when either side is constant.
    package static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard n > 1 else { return 0 }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }
}
