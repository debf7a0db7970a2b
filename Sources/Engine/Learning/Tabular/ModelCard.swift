import Foundation
import Core

/// Everything a reader needs before acting on a model: the data it saw, the features and
/// their types, the chosen settings, honest test metrics and the main drivers.
public struct ModelCard: Codable, Sendable, Equatable {
    public struct RowCounts: Codable, Sendable, Equatable {
        public var inFile: Int
        public var train: Int
        public var test: Int
        /// Rows left out, with why (e.g. "no target value").
        public var leftOut: [String: Int]

        package init(inFile: Int, train: Int, test: Int, leftOut: [String: Int]) {
            self.inFile = inFile; self.train = train; self.test = test; self.leftOut = leftOut
        }
    }

    public struct TestMetrics: Codable, Sendable, Equatable {
        public var auc: Double?
        public var averagePrecision: Double?
        public var logLoss: Double?
        public var ece: Double?
        public var positiveRate: Double?
        public var rmse: Double?
        public var mae: Double?
        public var r2: Double?

        package init(auc: Double? = nil, averagePrecision: Double? = nil, logLoss: Double? = nil, ece: Double? = nil, positiveRate: Double? = nil, rmse: Double? = nil, mae: Double? = nil, r2: Double? = nil) {
            self.auc = auc; self.averagePrecision = averagePrecision; self.logLoss = logLoss; self.ece = ece; self.positiveRate = positiveRate; self.rmse = rmse; self.mae = mae; self.r2 = r2
        }
    }

    public struct Driver: Codable, Sendable, Equatable {
        public var feature: String
        /// Share of the mean |contribution| over the test rows, 0…1.
        public var share: Double

        package init(feature: String, share: Double) {
            self.feature = feature; self.share = share
        }
    }

    public var name: String?
    public var createdAt: String
    public var source: String
    public var holdoutRule: String
    public var rows: RowCounts
    public var target: TabularTarget
    public var schema: TabularSchema
    public var excluded: [ExcludedColumn]
    public var selection: Selection
    public var metrics: TestMetrics
    public var drivers: [Driver]
    public var seed: UInt64
    /// Wall-clock seconds of the whole fit, selection included (set by the caller).
    public var fitSeconds: Double?
    /// True when every row with a target was scored out of fold (the pipeline's models)
    /// instead of on the fixed holdout; `holdoutRule` then says how the folds were drawn.
    public var outOfFold: Bool?
    /// How `drivers` were measured, when not TreeSHAP on the test rows.
    public var driversBasis: String?
    /// Anything else a reader should know (e.g. the scale the metrics are on).
    public var notes: [String]?

    package init(name: String? = nil, createdAt: String, source: String, holdoutRule: String, rows: RowCounts, target: TabularTarget, schema: TabularSchema, excluded: [ExcludedColumn], selection: Selection, metrics: TestMetrics, drivers: [Driver], seed: UInt64, fitSeconds: Double? = nil, outOfFold: Bool? = nil, driversBasis: String? = nil, notes: [String]? = nil) {
        self.name = name; self.createdAt = createdAt; self.source = source; self.holdoutRule = holdoutRule; self.rows = rows; self.target = target; self.schema = schema; self.excluded = excluded; self.selection = selection; self.metrics = metrics; self.drivers = drivers; self.seed = seed; self.fitSeconds = fitSeconds; self.outOfFold = outOfFold; self.driversBasis = driversBasis; self.notes = notes
    }

    public static let holdoutText = "row i (0-based, file order, after the header) is a test row when i % 5 == 0"

    public func json(pretty: Bool = true) -> String {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        guard let data = try? e.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public init(json: String) throws {
        do { self = try JSONDecoder().decode(ModelCard.self, from: Data(json.utf8)) } catch {
            throw LearningError.invalidModelBytes("unreadable model card: \(error)")
        }
    }

    package init(name: String?, createdAt: String, source: String, holdoutRule: String, rows: RowCounts, target: TabularTarget,
         schema: TabularSchema, excluded: [ExcludedColumn], selection: Selection, metrics: TestMetrics,
         drivers: [Driver], seed: UInt64, fitSeconds: Double?) {
        self.name = name; self.createdAt = createdAt; self.source = source; self.holdoutRule = holdoutRule
        self.rows = rows; self.target = target; self.schema = schema; self.excluded = excluded
        self.selection = selection; self.metrics = metrics; self.drivers = drivers; self.seed = seed
        self.fitSeconds = fitSeconds
    }
}
