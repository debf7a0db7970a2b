import Engine
import Foundation

extension SalesScreens {
    /// Points on the ROC curve the run saved for the chart.
    static let rocPoints = RocTable.points

    static func modelsModel(store: Store, run: RunRecord, calibration: [CalibrationBin], importance: [ImportanceTable.Row],
                            gates: [GatesTable.Row]) throws -> ModelsRunModel {
        let history = try store.kpiHistory(upTo: run.id, limit: 50).map {
            ModelsRunModel.HistoryRun(id: $0.id, createdAt: $0.createdAt, kpis: $0.kpis)
        }
        let cal = calibration.map { ModelsRunModel.CalibrationPoint(predicted: $0.meanPredicted, observed: $0.observedRate, accounts: $0.count) }
        let imp = importance.map { (name: $0.feature, gain: $0.churnGain) }
        let report = try store.artifact(run: run.id, name: "gates.txt").map { String(decoding: $0, as: UTF8.self) } ?? ""
        var model = ModelsRunModel(runId: run.id, kpis: run.kpis, roc: try RocTable.load(store, run: run.id).map(\.tpr), calibration: cal, importance: imp, gates: gates,
                                   gateReport: report.split(separator: "\n").map(String.init), trace: run.trace, history: history)
        model.modelCards = try ModelsRunModel.cards(store: store, run: run.id)
        return model
    }
}
