import Engine
import Foundation

extension SalesScreens {
    /// Points on the ROC curve kept for the chart.
    static let rocPoints = 41

    static func modelsModel(store: Store, run: RunRecord, accounts: CustomersModel, calibration: [CalibrationBin], importance: [ImportanceTable.Row],
                            gates: [GatesTable.Row]) throws -> ModelsRunModel {
        let history = try store.kpiHistory(upTo: run.id, limit: 50).map {
            ModelsRunModel.HistoryRun(id: $0.id, createdAt: $0.createdAt, kpis: $0.kpis)
        }
        let cal = calibration.map { ModelsRunModel.CalibrationPoint(predicted: $0.meanPredicted, observed: $0.observedRate, accounts: $0.count) }
        let imp = importance.map { (name: $0.feature, gain: $0.churnGain) }
        let report = try store.artifact(run: run.id, name: "gates.txt").map { String(decoding: $0, as: UTF8.self) } ?? ""
        var model = ModelsRunModel(runId: run.id, kpis: run.kpis, roc: roc(accounts), calibration: cal, importance: imp, gates: gates,
                                   gateReport: report.split(separator: "\n").map(String.init), trace: run.trace, history: history)
        model.modelCards = try ModelsRunModel.cards(store: store, run: run.id)
        return model
    }

    /// The churn model's ROC from its saved out-of-fold scores and the labels in the customer
    /// dataset (the run saves AUC, not the curve): TPR at evenly spaced FPRs.
    static func roc(_ m: CustomersModel) -> [Double] {
        var scored: [(Float, Bool)] = []
        scored.reserveCapacity(m.count)
        for i in 0..<m.count { if let y = m.customers[i].churned { scored.append((m.churn[i], y)) } }
        let positives = scored.filter(\.1).count, negatives = scored.count - positives
        guard positives > 0, negatives > 0 else { return [] }
        scored.sort { $0.0 > $1.0 }
        var out = [Double](repeating: 0, count: rocPoints)
        var tp = 0, fp = 0, k = 0
        while k < scored.count {
            var j = k
            while j < scored.count, scored[j].0 == scored[k].0 {
                if scored[j].1 { tp += 1 } else { fp += 1 }
                j += 1
            }
            let fpr = Double(fp) / Double(negatives), tpr = Double(tp) / Double(positives)
            // Each grid FPR takes the best TPR reached at or below it.
            let bucket = min(rocPoints - 1, Int((fpr * Double(rocPoints - 1)).rounded(.down)))
            for b in bucket..<rocPoints where out[b] < tpr { out[b] = tpr }
            k = j
        }
        return out
    }
}
