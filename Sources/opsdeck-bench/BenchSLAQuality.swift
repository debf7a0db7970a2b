import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench sla-quality`: breach-model quality on a desk in the Zendesk shape (group,
/// tags, creation hours, each group's load): the product's out-of-fold AUC and calibration
/// (overall and per priority), with and without the group-load feature, and LightGBM on the
/// very same feature table and split in the same sitting (`gbm_anchor.py`).
struct BenchSLAQuality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla-quality",
        abstract: "Breach AUC and calibration on a Zendesk-shaped desk, beside LightGBM on the same features.")

    @Option(help: "Tickets to generate.") var tickets = 50_000
    @Option(help: "Days the tickets span.") var days = 180
    @Option(help: "Seed for the desk and the folds.") var seed: UInt64 = 42
    @Option(help: "Python with lightgbm (../shared/anchors/setup.sh builds one).")
    var python = (ProcessInfo.processInfo.environment["OPSDECK_ANCHOR_VENV"] ?? "/tmp/opsdeck-anchors") + "/bin/python"
    @Option(help: "The anchor script.") var anchor = "../shared/anchors/gbm_anchor.py"
    @Option(help: "Where the shared feature table is written.") var csv = NSTemporaryDirectory() + "opsdeck-sla-quality.csv"

    func validate() throws {
        guard tickets >= 2000 else { throw ValidationError("--tickets must be at least 2000") }
        guard days >= 14 else { throw ValidationError("--days must be at least 14") }
    }

    func run() throws {
        var t0 = ContinuousClock.now
        let desk = try BenchSLAQualityDesk.generate(count: tickets, days: days, seed: seed)
        print("desk: \(desk.tickets.count) tickets over \(days) days (Zendesk shape: group, tags, hours; seed \(seed)), "
              + String(format: "generated in %.2f s", seconds(since: t0)))
        t0 = ContinuousClock.now
        let a = try Pipeline.supportAnalysis(tickets: desk.tickets, policy: SLAPolicy(), seed: seed, extras: desk.extras)
        let built = seconds(since: t0)
        print("\(a.resolvedRows.count) resolved, \(a.metrics.positives) breaches (\(String(format: "%.1f", 100 * Double(a.metrics.positives) / Double(max(1, a.metrics.count)))) %), "
              + "\(a.queue.entries.count) open; model \(a.modelName); analysis \(String(format: "%.2f", built)) s")
        print("features: " + a.features.names.joined(separator: ", "))
        // Without the load feature: the group column renamed, so it stays a feature but no
        // group load is derived from it.
        var noLoadExtras = desk.extras
        noLoadExtras.columns[0].name = "desk"
        let noLoad = try Pipeline.supportAnalysis(tickets: desk.tickets, policy: SLAPolicy(), seed: seed, extras: noLoadExtras)
        print(String(format: "out of fold (3 folds): AUC %.4f, calibration error %.4f (goal ≤ 0.02); without group load: AUC %.4f, ECE %.4f",
                     a.metrics.auc, a.metrics.ece, noLoad.metrics.auc, noLoad.metrics.ece))
        print("calibration per priority (out of fold):")
        for c in a.metrics.byPriority {
            print("  " + c.priority.padding(toLength: 8, withPad: " ", startingAt: 0)
                  + String(format: " %6d tickets, breach rate %.3f, mean p %.3f, ECE %.4f", c.count, c.observedRate, c.meanPredicted, c.ece))
        }

        // The anchor's split on the same rows: row k of the table is a test row when k % 5 == 0.
        let rows = a.resolvedRows
        let y = a.labels.map { $0 ?? 0 }
        try featureTable(a, rows: rows, labels: y).write(toFile: csv, atomically: true, encoding: .utf8)
        let test = rows.indices.filter { $0 % 5 == 0 }.map { rows[$0] }
        let train = rows.indices.filter { $0 % 5 != 0 }.map { rows[$0] }
        var cfg = GradientBoostingBreachTrainer.defaultConfig
        // As `Pipeline.supportAnalysis` fits it.
        cfg.seed = seed; cfg.maxBins = 63; cfg.trees = 30; cfg.learningRate = 0.3; cfg.numLeaves = 7
        t0 = ContinuousClock.now
        let (_, p) = try GradientBoostingBreachTrainer(config: cfg).fit(a.features, labels: y, rows: train, scoring: test)
        let fit = seconds(since: t0)
        let holdout = BreachMetrics.evaluate(p, test.map { y[$0] })
        print(String(format: "anchor split (%d train, %d test): OpsDeck AUC %.4f, ECE %.4f, fit+score %.2f s",
                     train.count, test.count, holdout.auc, holdout.ece, fit))
        guard let ref = BenchLearningSupport.anchor(python: python, script: anchor, csv: csv, target: "breach", regression: false,
                                                    drop: [], trees: 300, lr: 0.05, leaves: 31) else { return }
        print(String(format: "  LightGBM AUC %.4f (fit %.2f s); sklearn HistGB AUC %.4f (fit %.2f s)",
                     ref.lightgbm.metric, ref.lightgbm.seconds, ref.sklearn.metric, ref.sklearn.seconds))
        print(String(format: "  AUC − LightGBM: anchor split %+.4f, out of fold %+.4f (goal ≥ −0.01)",
                     holdout.auc - ref.lightgbm.metric, a.metrics.auc - ref.lightgbm.metric))
    }

    /// The breach model's features for `rows` as one CSV: categorical features by their level
    /// label, numeric ones by value, then `breach` yes/no.
    private func featureTable(_ a: SupportAnalysis, rows: [Int], labels: [UInt8]) -> String {
        let f = a.features
        func quoted(_ s: String) -> String {
            s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = (f.names.map(quoted) + ["breach"]).joined(separator: ",") + "\n"
        for i in rows {
            var cells: [String] = []
            for j in 0..<f.featureCount {
                if f.categorical[j] {
                    let c = Int(f.codes[j][i])
                    // A letter first, so pandas reads every level as a category.
                    cells.append(quoted("c_" + (c < f.levels[j].count ? f.levels[j][c] : "?")))
                } else {
                    cells.append(String(f.numeric[j][i]))
                }
            }
            cells.append(labels[i] == 1 ? "yes" : "no")
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
