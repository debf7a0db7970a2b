import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench learning`: boosted trees against LightGBM and sklearn on the same rows
/// (generated customers, or any CSV), plus isolation forest and k-means timings.
struct BenchLearning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning",
        abstract: "Gradient boosting vs LightGBM, isolation forest and k-means timings.")

    @Option(help: "Generated customers.") var rows = 50_000
    @Option(help: "Generator seed.") var seed: UInt64 = 7
    @Option(help: "Write the customer feature table here (for the Python anchor).") var anchorCsv: String?
    @Option(help: "Benchmark this CSV instead of generated customers.") var csv: String?
    @Option(help: "Target column of --csv.") var target: String?
    @Flag(help: "The --csv target is a regression target.") var regression = false
    @Option(help: "Columns of --csv to leave out, comma-separated.") var drop = ""
    @Option var trees = 300
    @Option var lr = 0.05
    @Option var leaves = 31
    @Option(help: "Timing repeats (median).") var repeats = 3
    @Option(help: "Python with lightgbm for the anchor.") var anchorPython = "/tmp/opsdeck-anchors/bin/python"
    @Option(help: "The anchor script.") var anchorScript = "../shared/anchors/gbm_anchor.py"

    func run() throws {
        try reportingErrors {
            do {
                if let csv { try runCSV(csv) } else { try BenchLearningCustomers.run(self) }
            } catch let e as LearningError {
                throw CLIError(e.description)
            }
        }
    }

    private func runCSV(_ path: String) throws {
        guard let target else { throw CLIError("--csv needs --target") }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError("cannot read \(path)")
        }
        let dropped = drop.split(separator: ",").map(String.init)
        let table = try CSVFeatureTable(text: text)
        let frame = try table.frame(excluding: Set(dropped + [target]))
        let y = try table.target(target, binary: !regression)
        let ours = try BenchLearningSupport.gbm(frame: frame, labels: y,
                                                task: regression ? .regression : .binaryClassification,
                                                trees: trees, lr: lr, leaves: leaves, repeats: repeats)
        let anchor = BenchLearningSupport.anchor(python: anchorPython, script: anchorScript, csv: path, target: target,
                                                 regression: regression, drop: dropped, trees: trees, lr: lr,
                                                 leaves: leaves)
        print("\(path): \(table.rowCount) rows, \(frame.columnCount) features")
        for l in BenchLearningSupport.report(name: target, regression: regression, ours: ours, anchor: anchor) {
            print(l)
        }
    }
}
