import ArgumentParser
import BenchSupport
import Engine
import Foundation

/// The customer part of `opsdeck bench learning`: generated accounts, churn classifier and
/// future-value regressor against LightGBM on the very same table (written to
/// `--anchor-csv`), then isolation forest and k-means timings.
enum BenchLearningCustomers {
    static func run(_ b: BenchLearning) throws {
        guard b.rows >= 10 else { throw CLIError("--rows must be at least 10") }
        let gen = CustomerGenerator(seed: b.seed)
        let customers = gen.generate(count: b.rows)
        let frame = try CustomerFeatures.frame(customers, asOfDay: gen.asOfDay)
        let churn = try CustomerFeatures.churnLabels(customers)
        let spend = try CustomerFeatures.futureSpend(customers)
        let csvPath = b.anchorCsv ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdeck-bench-customers-\(b.rows)-\(b.seed).csv").path
        let text = frame.csv(extra: [("churned", churn), ("future_spend_6m", spend)])
        do { try text.write(toFile: csvPath, atomically: true, encoding: .utf8) } catch {
            throw CLIError("cannot write \(csvPath)")
        }
        print("customers: \(b.rows) rows (seed \(b.seed)), \(frame.columnCount) features, table in \(csvPath)")
        let c = try BenchLearningSupport.gbm(frame: frame, labels: churn, task: .binaryClassification,
                                             trees: b.trees, lr: b.lr, leaves: b.leaves, repeats: b.repeats)
        let ca = BenchLearningSupport.anchor(python: b.anchorPython, script: b.anchorScript, csv: csvPath,
                                             target: "churned", regression: false, drop: ["future_spend_6m"],
                                             trees: b.trees, lr: b.lr, leaves: b.leaves)
        BenchLearningSupport.report(name: "churn", regression: false, ours: c, anchor: ca).forEach { print($0) }
        let r = try BenchLearningSupport.gbm(frame: frame, labels: spend, task: .regression,
                                             trees: b.trees, lr: b.lr, leaves: b.leaves, repeats: b.repeats)
        let ra = BenchLearningSupport.anchor(python: b.anchorPython, script: b.anchorScript, csv: csvPath,
                                             target: "future_spend_6m", regression: true, drop: ["churned"],
                                             trees: b.trees, lr: b.lr, leaves: b.leaves)
        BenchLearningSupport.report(name: "future spend", regression: true, ours: r, anchor: ra).forEach { print($0) }
        try isolationForest(customers, repeats: b.repeats)
        try kMeans(seed: b.seed, repeats: b.repeats)
    }

    static func isolationForest(_ customers: [Customer], repeats: Int) throws {
        let rows = Array(customers.prefix(50_000))
        var f = FeatureFrame(rowCount: rows.count)
        try f.addNumeric("lifetime_value", rows.map { Float($0.lifetimeValue) })
        try f.addNumeric("digital_engagement", rows.map { Float($0.digitalEngagement) })
        try f.addNumeric("web_sessions_30d", rows.map { Float($0.webSessions30d) })
        try f.addNumeric("support_tickets_90d", rows.map { Float($0.supportTickets90d) })
        for threads in [1, 2] {
            let forest = IsolationForest(trees: 100, sampleSize: 256, seed: 1, threads: threads)
            let (_, secs) = try BenchLearningSupport.timed(repeats: max(3, repeats)) {
                let m = try forest.fit(f)
                return try m.scores(f, threads: threads)
            }
            print(String(format: "isolation forest 100 trees on %d × 4, fit + score, %d thread%@: %.4f s (goal ≤ 0.1 s, ratio %.2f)",
                         rows.count, threads, threads == 1 ? "" : "s", secs, secs / 0.1))
        }
    }

    static func kMeans(seed: UInt64, repeats: Int) throws {
        let pts = CustomerGenerator(seed: seed &+ 1).generate(count: 100_000)
        let km = PlanarProjection(around: pts.map(\.lat), lon: pts.map(\.lon)).points(lat: pts.map(\.lat), lon: pts.map(\.lon))
        for (restarts, threads) in [(1, 1), (3, 1), (3, 2)] {
            let algo = KMeans(k: 20, restarts: restarts, seed: 1, threads: threads)
            let (res, secs) = try BenchLearningSupport.timed(repeats: max(3, repeats)) { try algo.fit(km) }
            print(String(format: "k-means k = 20 on %d points, %d restart%@, %d thread%@: %.4f s, inertia %.0f km², %d iterations (goal ≤ 0.05 s, ratio %.2f)",
                         km.count, restarts, restarts == 1 ? "" : "s", threads, threads == 1 ? "" : "s", secs,
                         res.inertia, res.iterations, secs / 0.05))
        }
    }
}
