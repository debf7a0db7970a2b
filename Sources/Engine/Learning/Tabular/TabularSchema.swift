import Core
/// How a table's columns become model features: kept with their inferred type, or left out
/// with the reason. Saved with a model so a scoring file is encoded exactly as the fit was.
public enum TabularKind: String, Codable, Sendable {
    case numeric
    /// Labels as categories (codes into `TabularFeature.labels`).
    case categorical
    /// `YYYY-MM-DD` dates, used as age in days before the schema's reference day.
    case date
    /// yes/no, true/false, 1/0 (any case), used as 1/0.
    case boolean
}

public struct TabularFeature: Codable, Sendable, Equatable {
    public var name: String
    public var kind: TabularKind
    /// Training labels of a categorical feature (sorted); empty otherwise.
    public var labels: [String]
    /// What inference noticed (e.g. unreadable cells read as missing).
    public var note: String?

    public init(name: String, kind: TabularKind, labels: [String] = [], note: String? = nil) {
        self.name = name; self.kind = kind; self.labels = labels; self.note = note
    }
}

public struct ExcludedColumn: Codable, Sendable, Equatable {
    public var name: String
    public var reason: String

    package init(name: String, reason: String) {
        self.name = name; self.reason = reason
    }
}

public struct TabularSchema: Codable, Sendable, Equatable {
    public var features: [TabularFeature]
    /// Reference day (days since 1970-01-01) that date features are aged from: `--as-of`,
    /// else the latest date in any date column of the training file.
    public var asOfDay: Int?
    /// The column naming each row (kept out of the features, echoed when scoring).
    public var idColumn: String?

    package init(features: [TabularFeature], asOfDay: Int? = nil, idColumn: String? = nil) {
        self.features = features; self.asOfDay = asOfDay; self.idColumn = idColumn
    }
}

/// Per-column type inference, looking only at a column's distinct values.
package enum TypeInference {
    package enum Outcome: Equatable {
        case feature(TabularFeature)
        case excluded(String)
    }

    /// Share of readable cells above which a column keeps a numeric/date type and the rest
    /// are read as missing (a stray "unknown" should not turn amounts into categories).
    package static let readableShare = 0.95

    package static func infer(_ col: RawTable.Column, rowCount n: Int, forceCategorical: Bool = false) -> Outcome {
        let present = col.values.indices.filter { !CellText.isMissing(col.values[$0]) }
        let presentRows = present.reduce(0) { $0 + col.counts[$1] }
        if present.isEmpty { return .excluded("empty") }
        if present.count == 1 { return .excluded("constant (\(col.values[present[0]]))") }
        if forceCategorical { return .feature(categorical(col, present, note: "categorical by request")) }

        let bools = present.map { CellText.boolean(col.values[$0]) }
        if bools.allSatisfy({ $0 != nil }) && present.count >= 2 && Set(bools).count == 2 {
            return .feature(TabularFeature(name: col.name, kind: .boolean))
        }
        if let (unread, values) = share(col, present, presentRows, CellText.number) {
            if isRowNumber(col.name, values: values, presentRows: presentRows, rows: n) {
                return .excluded("id-like (every value a distinct whole number)")
            }
            return .feature(TabularFeature(name: col.name, kind: .numeric, note: unreadNote(unread)))
        }
        if let (unread, _) = share(col, present, presentRows, { CellText.day($0).map(Double.init) }) {
            return .feature(TabularFeature(name: col.name, kind: .date, note: unreadNote(unread)))
        }
        if present.count == presentRows && presentRows >= 20 {
            return .excluded("id-like (every value distinct)")
        }
        if present.count > 200 && present.count * 2 > presentRows {
            return .excluded("free text (\(present.count) distinct values)")
        }
        return .feature(categorical(col, present, note: nil))
    }

    private static func categorical(_ col: RawTable.Column, _ present: [Int], note: String?) -> TabularFeature {
        TabularFeature(name: col.name, kind: .categorical, labels: present.map { col.values[$0] }.sorted(), note: note)
    }

    /// The parsed distinct values when at least `readableShare` of the present rows parse;
    /// `unread` counts the rows that did not.
    private static func share(_ col: RawTable.Column, _ present: [Int], _ presentRows: Int,
                              _ parse: (String) -> Double?) -> (unread: Int, values: [Double])? {
        var unread = 0
        var values: [Double] = []
        for i in present {
            if let v = parse(col.values[i]) { values.append(v) } else { unread += col.counts[i] }
        }
        guard values.count >= 2, Double(presentRows - unread) >= readableShare * Double(presentRows) else { return nil }
        return (unread, values)
    }

    private static func unreadNote(_ unread: Int) -> String? {
        unread == 0 ? nil : "\(unread) unreadable cell\(unread == 1 ? "" : "s") read as missing"
    }

    /// A whole-number column with a distinct value per row that is named like an id or runs
    /// as a sequence (row numbers): it identifies rows rather than describing them.
    package static func isRowNumber(_ name: String, values: [Double], presentRows: Int, rows: Int) -> Bool {
        guard values.count == presentRows, presentRows == rows, rows >= 20,
              values.allSatisfy({ $0 == $0.rounded() }),
              let lo = values.min(), let hi = values.max() else { return false }
        let lower = name.lowercased()
        let named = lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix(" id") || name.hasSuffix("ID") || name.hasSuffix("Id")
            || ["rownames", "row", "index", "key", "unnamed: 0", "#"].contains(lower)
        return named || hi - lo + 1 == Double(values.count)
    }
}
