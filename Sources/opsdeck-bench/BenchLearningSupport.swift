import Engine
import Foundation

/// Shared pieces of `opsdeck bench learning`: timing, the GBM comparison on one table,
/// and running the Python anchor (LightGBM, sklearn) on the same CSV in the same sitting.
enum BenchLearningSupport {
    /// Median wall time of `repeats` runs, and the last result.
    static func timed<T>(repeats: Int, _ body: () throws -> T) rethrows -> (T, Double) {
        var times: [Double] = []
        var out: T?
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            out = try body()
            let d = ContinuousClock.now - start
            times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        times.sort()
        guard let result = out else { fatalError("repeats ≥ 1") }
        return (result, times[times.count / 2])
    }

    struct GBMResult {
        var metric: Double
        var seconds1: Double
        var seconds2: Double
        var trees: Int
        /// The 2-thread fit built the very same trees.
        var threadsAgree: Bool
    }

    /// Fits on rows i % 5 != 0 and scores rows i % 5 == 0 (the anchor's split rule).
    static func gbm(frame: FeatureFrame, labels: [Double], task: BoostingTask, trees: Int, lr: Double, leaves: Int,
                    repeats: Int) throws -> GBMResult {
        let split = Splits.holdout(rowCount: frame.rowCount)
        let train = frame.rows(split.train), test = frame.rows(split.test)
        let ytr = split.train.map { labels[$0] }, yte = split.test.map { labels[$0] }
        var cfg = GradientBoostingConfig(trees: trees, learningRate: lr, numLeaves: leaves, seed: 42)
        let gb1 = GradientBoosting(task: task, config: cfg)
        let (model, t1) = try timed(repeats: repeats) { try gb1.fit(train, labels: ytr) }
        cfg.threads = 2
        let gb2 = GradientBoosting(task: task, config: cfg)
        let (model2, t2) = try timed(repeats: repeats) { try gb2.fit(train, labels: ytr) }
        let pred = try model.predict(test)
        let metric = task == .binaryClassification ? try Metrics.rocAUC(labels: yte, scores: pred) : try Metrics.rmse(yte, pred)
        return GBMResult(metric: metric, seconds1: t1, seconds2: t2, trees: model.ensemble.treeCount,
                         threadsAgree: model2.ensemble == model.ensemble)
    }

    struct AnchorResult {
        var lightgbm: (metric: Double, seconds: Double)
        var sklearn: (metric: Double, seconds: Double)
    }

    /// Runs `gbm_anchor.py`; nil (with a note on stderr) when Python or the script is absent.
    static func anchor(python: String, script: String, csv: String, target: String, regression: Bool, drop: [String],
                       trees: Int, lr: Double, leaves: Int) -> AnchorResult? {
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: python), fm.fileExists(atPath: script) else {
            FileHandle.standardError.write(Data("anchor skipped: \(python) or \(script) not found\n".utf8))
            return nil
        }
        var args = [script, "--csv", csv, "--target", target, "--task", regression ? "regression" : "classification",
                    "--trees", String(trees), "--lr", String(lr), "--leaves", String(leaves)]
        if !drop.isEmpty { args += ["--drop", drop.joined(separator: ",")] }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch {
            FileHandle.standardError.write(Data("anchor failed to start: \(error)\n".utf8))
            return nil
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0,
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let models = json["models"] as? [String: [String: Any]],
              let lg = models["lightgbm"], let hg = models["sklearn_hist_gb"] else {
            FileHandle.standardError.write(Data("anchor failed (exit \(p.terminationStatus))\n".utf8))
            return nil
        }
        let key = regression ? "rmse" : "auc"
        func pair(_ m: [String: Any]) -> (Double, Double) {
            ((m[key] as? Double) ?? .nan, (m["fit_seconds"] as? Double) ?? .nan)
        }
        return AnchorResult(lightgbm: pair(lg), sklearn: pair(hg))
    }

    static func report(name: String, regression: Bool, ours: GBMResult, anchor: AnchorResult?) -> [String] {
        let m = regression ? "RMSE" : "AUC"
        var lines = [String(format: "%@: OpsDeck %@ %.4f, fit %.3f s (1 thread), %.3f s (2 threads, %@ trees), %d trees",
                            name, m, ours.metric, ours.seconds1, ours.seconds2,
                            ours.threadsAgree ? "same" : "different", ours.trees)]
        if let a = anchor {
            lines.append(String(format: "  LightGBM %@ %.4f, fit %.3f s; sklearn HistGB %@ %.4f, fit %.3f s",
                                m, a.lightgbm.metric, a.lightgbm.seconds, m, a.sklearn.metric, a.sklearn.seconds))
            let quality = regression
                ? String(format: "RMSE ratio %.4f (goal ≤ 1.005)", ours.metric / a.lightgbm.metric)
                : String(format: "AUC − LightGBM %+.4f (goal ≥ −0.003)", ours.metric - a.lightgbm.metric)
            lines.append(String(format: "  %@; time ratio 1 thread %.2f, 2 threads %.2f (goal ≤ 0.8 at 1 thread)",
                                quality, ours.seconds1 / a.lightgbm.seconds, ours.seconds2 / a.lightgbm.seconds))
        }
        return lines
    }
}
