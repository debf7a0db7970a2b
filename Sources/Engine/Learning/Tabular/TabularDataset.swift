import Core
public enum TabularTask: String, Codable, Sendable {
    case classification, regression
}

/// What the user said about their table; everything else is inferred.
public struct TabularOptions: Sendable {
    public var target: String
    public var task: TabularTask?
    public var drop: [String] = []
    public var categorical: [String] = []
    public var id: String?
    /// Reference day for date ages (days since 1970-01-01); nil: the latest date in the file.
    public var asOfDay: Int?
    public var positive: String?

    public init(target: String) { self.target = target }
}

/// A user's table as model input: every file row in file order, features per the inferred
/// schema, the target as numbers (NaN where a row has none).
public struct TabularDataset: Sendable {
    public var schema: TabularSchema
    public var excluded: [ExcludedColumn]
    public var frame: FeatureFrame
    public var labels: [Double]
    public var target: TabularTarget
    public var ids: [String]?
    public var source: String

    public init(_ raw: RawTable, options o: TabularOptions) throws {
        let names = Set(raw.names)
        for c in [o.target] + o.drop + o.categorical + (o.id.map { [$0] } ?? []) where !names.contains(c) {
            throw TabularError.noSuchColumn(c, file: raw.source)
        }
        guard let targetColumn = raw.column(named: o.target) else { throw TabularError.noSuchColumn(o.target, file: raw.source) }
        target = try TabularTarget(targetColumn, task: o.task, positive: o.positive)
        labels = target.labels(targetColumn)

        var features: [TabularFeature] = []
        var excluded: [ExcludedColumn] = []
        var kept: [RawTable.Column] = []
        for col in raw.columns where col.name != o.target {
            if o.drop.contains(col.name) { excluded.append(ExcludedColumn(name: col.name, reason: "dropped (--drop)")); continue }
            if o.id == col.name { excluded.append(ExcludedColumn(name: col.name, reason: "row id (--id)")); continue }
            switch TypeInference.infer(col, rowCount: raw.rowCount, forceCategorical: o.categorical.contains(col.name)) {
            case .feature(let f): features.append(f); kept.append(col)
            case .excluded(let why): excluded.append(ExcludedColumn(name: col.name, reason: why))
            }
        }
        guard !features.isEmpty else { throw TabularError.noFeatures }
        let dates = zip(features, kept).filter { $0.0.kind == .date }.map(\.1)
        // Without --id, an id-like column that inference left out still names the rows when scoring.
        let rowNames = o.id ?? excluded.first { $0.reason.hasPrefix("id-like") }?.name
        schema = TabularSchema(features: features, asOfDay: o.asOfDay ?? TabularEncoder.latestDay(dates), idColumn: rowNames)
        var frame = FeatureFrame(rowCount: raw.rowCount)
        for (f, col) in zip(features, kept) {
            try frame.add(f.name, TabularEncoder.encode(col, as: f, asOfDay: schema.asOfDay).column)
        }
        self.frame = frame
        self.excluded = excluded
        ids = rowNames.flatMap { raw.column(named: $0) }.map { c in c.codes.map { c.values[Int($0)] } }
        source = raw.source
    }
}

extension FeatureFrame {
    package mutating func add(_ name: String, _ column: Column) throws {
        switch column {
        case .numeric(let v): try addNumeric(name, v)
        case .categorical(let c, let l): try addCategorical(name, codes: c, labels: l)
        }
    }
}

/// A scoring file encoded by a saved schema, with what had to be read as missing.
public struct TabularScoringInput: Sendable {
    public var frame: FeatureFrame
    public var ids: [String]?
    /// One line per column where cells were unreadable or categories unseen.
    public var notes: [String]

    /// Throws `TabularError.missingColumns` naming every feature column the file lacks.
    public init(_ raw: RawTable, schema: TabularSchema, asOfDay: Int? = nil) throws {
        let missing = schema.features.map(\.name).filter { raw.column(named: $0) == nil }
        guard missing.isEmpty else { throw TabularError.missingColumns(missing, file: raw.source) }
        var frame = FeatureFrame(rowCount: raw.rowCount)
        var notes: [String] = []
        for f in schema.features {
            guard let col = raw.column(named: f.name) else { continue }
            let e = TabularEncoder.encode(col, as: f, asOfDay: asOfDay ?? schema.asOfDay)
            try frame.add(f.name, e.column)
            if e.unseen > 0 {
                notes.append("\(f.name): \(e.unseen) row\(e.unseen == 1 ? "" : "s") with a category the model never saw ("
                             + e.unseenExamples.joined(separator: ", ") + "), scored as missing")
            }
            if e.unreadable > 0 {
                notes.append("\(f.name): \(e.unreadable) cell\(e.unreadable == 1 ? "" : "s") not readable as \(f.kind.rawValue), scored as missing")
            }
        }
        self.frame = frame
        self.notes = notes
        ids = schema.idColumn.flatMap { raw.column(named: $0) }.map { c in c.codes.map { c.values[Int($0)] } }
    }
}
