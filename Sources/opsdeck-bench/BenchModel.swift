import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench model`: `opsdeck model fit --model auto` against LightGBM (the anchor's
/// settings, one thread) and a one-hot logistic regression (C = 1) on the same CSVs, the same
/// holdout and in the same sitting. Goal per set: auto test AUC ≥ the better of the two −
/// 0.005, and auto's whole fit (selection included) ≤ 3 × one LightGBM fit.
struct BenchModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Bring-your-own-data fit (auto) vs LightGBM and one-hot logistic regression.")

    @Option(name: .customLong("set"), help: ArgumentHelp("A CSV and its two-class target, FILE:TARGET (repeatable).",
                                                          valueName: "file:target"))
    var sets: [String]
    @Option(help: "Columns to leave out of every set (also passed to the anchor), comma-separated.") var drop = ""
    @Option(help: "Timing repeats (median).") var repeats = 3
    @Option(help: "Seed for folds and trees.") var seed: UInt64 = 0
    @Option(help: "Python with lightgbm for the anchor.") var anchorPython = "/tmp/opsdeck-anchors/bin/python"
    @Option(help: "The anchor script.") var anchorScript = "../shared/anchors/gbm_anchor.py"

    func run() throws {
        try reportingModelErrors {
            let dropped = drop.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var rows = [["set", "rows", "LightGBM AUC", "logistic AUC", "auto AUC", "goal AUC", "auto model",
                         "LightGBM s", "auto s", "ratio", "goal"]]
            var allMet = true
            for spec in sets {
                guard let colon = spec.lastIndex(of: ":") else { throw CLIError("--set wants FILE:TARGET, got \(spec)") }
                let path = String(spec[..<colon]), target = String(spec[spec.index(after: colon)...])
                var o = TabularOptions(target: target)
                o.drop = dropped
                let (fit, seconds) = try BenchLearningSupport.timed(repeats: repeats) { () throws -> TabularFit.Result in
                    try TabularFit.fit(TabularDataset(RawTable(path: path), options: o), seed: seed)
                }
                let data = try TabularDataset(RawTable(path: path), options: o)
                let logistic = try Self.logisticAUC(data)
                guard let anchor = BenchLearningSupport.anchor(
                    python: anchorPython, script: anchorScript, csv: path, target: target, regression: false,
                    drop: dropped, trees: 300, lr: 0.05, leaves: 31) else { throw CLIError("the LightGBM anchor did not run") }
                let auc = fit.card.metrics.auc ?? .nan
                let goal = max(anchor.lightgbm.metric, logistic) - 0.005
                let ratio = seconds / anchor.lightgbm.seconds
                let met = auc >= goal && ratio <= 3
                allMet = allMet && met
                rows.append([URL(fileURLWithPath: path).lastPathComponent, String(data.frame.rowCount),
                             ModelReport.fixed(anchor.lightgbm.metric, 4), ModelReport.fixed(logistic, 4),
                             ModelReport.fixed(auc, 4), "≥ " + ModelReport.fixed(goal, 4),
                             fit.card.selection.chosen.family.rawValue, ModelReport.fixed(anchor.lightgbm.seconds, 3),
                             ModelReport.fixed(seconds, 3), ModelReport.fixed(ratio, 2) + "×", met ? "met" : "MISSED"])
            }
            ModelReport.table(rows).forEach { print($0) }
            print(allMet ? "goal met on every set" : "goal missed on at least one set")
        }
    }

    /// The baseline: one-hot, standardised logistic regression with C = 1 (L2 = 1) on the
    /// training rows of the same holdout, test AUC.
    static func logisticAUC(_ data: TabularDataset) throws -> Double {
        let split = TabularFit.holdout(rowCount: data.frame.rowCount)
        let train = split.train.filter { !data.labels[$0].isNaN }, test = split.test.filter { !data.labels[$0].isNaN }
        let m = try LogisticRegression(l2: 1).fit(data.frame.rows(train), labels: train.map { data.labels[$0] })
        return try Metrics.rocAUC(labels: test.map { data.labels[$0] }, scores: m.predictProbability(data.frame.rows(test)))
    }
}
