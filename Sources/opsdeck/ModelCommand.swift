import ArgumentParser
import Engine
import Foundation

/// `opsdeck model …`: fit, score and list models on any customer or ticket table.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Train, evaluate and score models on your own CSV tables.",
        subcommands: [ModelFitCommand.self, ModelScoreCommand.self, ModelListCommand.self]
    )
}

/// `opsdeck model list`: saved models with their task, family and test metric.
struct ModelListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved models.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the model cards as JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let models = try store.open(create: false).models()
            if json {
                print("[" + models.map { $0.card.json() }.joined(separator: ",\n") + "]")
                return
            }
            if models.isEmpty { print("no saved models (save one with: opsdeck model fit … --save NAME)"); return }
            var rows = [["name", "saved", "target", "task", "model", "test metric", "source"]]
            for m in models {
                let c = m.card
                let metric = c.target.task == .classification
                    ? "AUC " + ModelReport.fixed(c.metrics.auc, 3) : "RMSE " + ModelReport.fixed(c.metrics.rmse, 4)
                rows.append([m.name, m.createdAt, c.target.column, c.target.task.rawValue,
                             c.selection.chosen.family.rawValue, metric, c.source])
            }
            ModelReport.table(rows).forEach { print($0) }
        }
    }
}
