import ArgumentParser
import Engine
import Foundation

/// `opsdeck model fit`: types inferred, fixed holdout, cross-validated model choice, report.
struct ModelFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit and evaluate a model on a CSV table.",
        discussion: """
        Test rows follow a fixed rule: row i (0-based, file order, after the header) is a test \
        row when i % 5 == 0, as in ../shared/anchors/gbm_anchor.py. With --model auto the family \
        and its settings are chosen by k-fold cross-validation on the training rows only. \
        Dates become age in days before --as-of (default: the latest date in the file).
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The table (CSV with a header row).") var csv: String
    @Option(help: "The column to predict.") var target: String
    @Option(help: "classification or regression (default: inferred from the target).") var task: String?
    @Option(help: "Columns to leave out, comma-separated.") var drop = ""
    @Option(help: "Columns to treat as categories, comma-separated.") var categorical = ""
    @Option(help: "The column that names each row (left out of the features).") var id: String?
    @Option(help: "auto, gbm, forest or logistic.") var model = "auto"
    @Option(help: "The positive class of a two-class target (default: inferred).") var positive: String?
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD for date ages.") var asOf: String?
    @Option(help: "Seed for folds and trees.") var seed: UInt64 = 0
    @Option(help: "Save the model and its card in the store under this name.") var save: String?
    @Flag(help: "Print the model card as JSON.") var json = false

    func run() throws {
        try reportingModelErrors {
            var o = TabularOptions(target: target)
            o.drop = Self.list(drop)
            o.categorical = Self.list(categorical)
            o.id = id
            o.positive = positive
            if let task {
                guard let t = TabularTask(rawValue: task) else { throw CLIError("--task must be classification or regression") }
                o.task = t
            }
            if let asOf {
                guard let d = CivilDate.parseDay(Substring(asOf)) else { throw CLIError("--as-of must be a date YYYY-MM-DD") }
                o.asOfDay = d
            }
            let family: TabularFamily?
            if model == "auto" { family = nil } else {
                guard let f = TabularFamily(rawValue: model) else { throw CLIError("--model must be auto, gbm, forest or logistic") }
                family = f
            }
            try InputPath.check(csv, "table")
            let db = try save.map { _ in try store.open() }
            let start = WallClock.monotonic()
            let data = try TabularDataset(RawTable(path: csv), options: o)
            var result = try TabularFit.fit(data, family: family, seed: seed)
            result.card.fitSeconds = WallClock.monotonic() - start
            if let save, let db {
                try db.saveModel(name: save, card: result.card, bytes: result.model.serialized(), user: Terminal.user)
                result.card.name = save
            }
            if json { print(result.card.json()) } else { ModelReport.lines(result.card).forEach { print($0) } }
        }
    }

    static func list(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
