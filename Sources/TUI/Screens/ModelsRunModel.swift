import Engine
import Foundation

/// The Models & run screen's inputs: this run's KPIs, model charts, gates and trace, and the
/// KPIs of earlier runs in the store for drift.
public struct ModelsRunModel: Sendable {
    public struct CalibrationPoint: Sendable, Equatable {
        public var predicted: Double
        public var observed: Double
        public var accounts: Int
        public init(predicted: Double, observed: Double, accounts: Int) {
            self.predicted = predicted; self.observed = observed; self.accounts = accounts
        }
    }

    /// One gate finding: the gates table's own row.
    public typealias GateRow = GatesTable.Row

    public struct HistoryRun: Sendable, Equatable {
        public var id: Int64
        public var createdAt: String
        public var kpis: [KPI]
        public init(id: Int64, createdAt: String, kpis: [KPI]) { self.id = id; self.createdAt = createdAt; self.kpis = kpis }
    }

    public var runId: Int64
    public var kpis: [KPI]
    /// True-positive rate at false-positive rates 0, 1/(n-1), …, 1 (from saved scores and labels).
    public var roc: [Double]
    public var calibration: [CalibrationPoint]
    public var importance: [(name: String, gain: Double)]
    public var gates: [GateRow]
    /// The gate report as the run rendered it (per dataset: rows read, kept, findings).
    public var gateReport: [String]
    public var trace: Trace
    /// Oldest first, this run last.
    public var history: [HistoryRun]
    /// The run's churn and value model cards (empty for runs saved before cards existed).
    public var modelCards: [ModelCard] = []

    public init(runId: Int64, kpis: [KPI], roc: [Double], calibration: [CalibrationPoint], importance: [(name: String, gain: Double)],
                gates: [GateRow], gateReport: [String], trace: Trace, history: [HistoryRun]) {
        self.runId = runId; self.kpis = kpis; self.roc = roc; self.calibration = calibration; self.importance = importance
        self.gates = gates; self.gateReport = gateReport; self.trace = trace; self.history = history
    }
}

extension ModelsRunModel {
    /// The cards the run saved; none when it saved no `model_card.json`. An unreadable file
    /// is an error: it means the store was edited by hand.
    static func cards(store: Store, run: Int64) throws -> [ModelCard] {
        guard let bytes = try store.artifact(run: run, name: Pipeline.modelCardJSON) else { return [] }
        do { return try JSONDecoder().decode([ModelCard].self, from: Data(bytes)) } catch {
            throw StoreError("run \(run): \(Pipeline.modelCardJSON) is unreadable: \(error)")
        }
    }
}
