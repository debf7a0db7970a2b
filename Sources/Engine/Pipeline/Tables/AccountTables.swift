import Core
import Learning
/// The per-territory, per-segment and per-account tables a run saves beside its scores.

/// `territories.csv`: each territory's rep, size, balanced workload and centre.
public enum TerritoriesTable: RunTable {
    public struct Row: Sendable, Equatable {
        /// 1-based.
        public var territory: Int
        /// The rep's id ("" when none).
        public var rep: String
        public var accounts: Int
        public var workloadHours: Double
        public var centreLat: Double
        public var centreLon: Double
    }
    public enum Column: String, CaseIterable, Sendable {
        case territory, rep, accounts, workloadHours = "workload_hours", centreLat = "centre_lat", centreLon = "centre_lon"
    }
    public static let artifact = "territories.csv"

    public static func cell(_ t: Row, _ column: Column) -> String {
        switch column {
        case .territory: String(t.territory)
        case .rep: t.rep
        case .accounts: String(t.accounts)
        case .workloadHours: Pipeline.fmt(t.workloadHours, 1)
        case .centreLat: Pipeline.fmt(t.centreLat, 5)
        case .centreLon: Pipeline.fmt(t.centreLon, 5)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(territory: try r.int(.territory), rep: r.text(.rep), accounts: try r.int(.accounts), workloadHours: try r.number(.workloadHours),
            centreLat: try r.number(.centreLat), centreLon: try r.number(.centreLon))
    }
}

/// `segments.csv`: value × potential cells with their means.
public enum SegmentsTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var segment: String
        public var valueBucket: Int
        public var potentialBucket: Int
        public var accounts: Int
        public var meanValue6m: Double
        public var meanPotential: Double
        public var meanNBA: Double
    }
    public enum Column: String, CaseIterable, Sendable {
        case segment, valueBucket = "value_bucket", potentialBucket = "potential_bucket", accounts, meanValue6m = "mean_value_6m"
        case meanPotential = "mean_potential", meanNBA = "mean_nba"
    }
    public static let artifact = "segments.csv"

    public static func cell(_ s: Row, _ column: Column) -> String {
        switch column {
        case .segment: s.segment
        case .valueBucket: String(s.valueBucket)
        case .potentialBucket: String(s.potentialBucket)
        case .accounts: String(s.accounts)
        case .meanValue6m: Pipeline.fmt(s.meanValue6m, 2)
        case .meanPotential: Pipeline.fmt(s.meanPotential, 2)
        case .meanNBA: Pipeline.fmt(s.meanNBA, 4)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(segment: r.text(.segment), valueBucket: try r.int(.valueBucket), potentialBucket: try r.int(.potentialBucket),
            accounts: try r.int(.accounts), meanValue6m: try r.number(.meanValue6m), meanPotential: try r.number(.meanPotential),
            meanNBA: try r.number(.meanNBA))
    }
}

/// `anomalies.csv`: flagged accounts, most anomalous first, with why.
public enum AnomaliesTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var account: String
        public var score: Double
        public var nba: Double
        public var churn: Double
        public var potential: Double
        public var recencyDays: Double
        public var why: String
    }
    public enum Column: String, CaseIterable, Sendable { case account, score, nba, churn, potential, recencyDays = "recency_days", why }
    public static let artifact = "anomalies.csv"

    public static func cell(_ a: Row, _ column: Column) -> String {
        switch column {
        case .account: a.account
        case .score: Pipeline.fmt(a.score, 4)
        case .nba: Pipeline.fmt(a.nba, 4)
        case .churn: Pipeline.fmt(a.churn, 4)
        case .potential: Pipeline.fmt(a.potential, 2)
        case .recencyDays: Pipeline.fmt(a.recencyDays, 0)
        case .why: a.why
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(account: r.text(.account), score: try r.number(.score), nba: try r.number(.nba), churn: try r.number(.churn),
            potential: try r.number(.potential), recencyDays: try r.number(.recencyDays), why: r.text(.why))
    }
}

/// `scripts.csv`: each contacted account's prep script.
public enum ScriptsTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var account: String
        public var channel: String
        /// 1-based planning day.
        public var day: Int
        public var script: String
    }
    public enum Column: String, CaseIterable, Sendable { case account, channel, day, script }
    public static let artifact = "scripts.csv"

    public static func cell(_ s: Row, _ column: Column) -> String {
        switch column {
        case .account: s.account
        case .channel: s.channel
        case .day: String(s.day)
        case .script: s.script
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(account: r.text(.account), channel: r.text(.channel), day: try r.int(.day), script: r.text(.script))
    }
}

/// `calibration.csv`: the churn model's reliability bins (out of fold).
public enum CalibrationTable: RunTable {
    public typealias Row = CalibrationBin
    public enum Column: String, CaseIterable, Sendable {
        case lower, upper, accounts, meanPredicted = "mean_predicted", observedRate = "observed_rate"
    }
    public static let artifact = "calibration.csv"

    public static func cell(_ b: Row, _ column: Column) -> String {
        switch column {
        case .lower: Pipeline.fmt(b.lower, 2)
        case .upper: Pipeline.fmt(b.upper, 2)
        case .accounts: String(b.count)
        case .meanPredicted: Pipeline.fmt(b.meanPredicted, 4)
        case .observedRate: Pipeline.fmt(b.observedRate, 4)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        CalibrationBin(lower: try r.number(.lower), upper: try r.number(.upper), count: try r.int(.accounts),
                       meanPredicted: try r.number(.meanPredicted), observedRate: try r.number(.observedRate))
    }
}

/// `importance.csv`: the churn model's features by gain.
public enum ImportanceTable: RunTable {
    public struct Row: Sendable, Equatable {
        public var feature: String
        public var churnGain: Double
    }
    public enum Column: String, CaseIterable, Sendable { case feature, churnGain = "churn_gain" }
    public static let artifact = "importance.csv"

    public static func cell(_ i: Row, _ column: Column) -> String {
        switch column {
        case .feature: i.feature
        case .churnGain: Pipeline.fmt(i.churnGain, 4)
        }
    }

    public static func row(_ r: RunTableCells<Column>) throws(RunArtifactError) -> Row {
        Row(feature: r.text(.feature), churnGain: try r.number(.churnGain))
    }
}
