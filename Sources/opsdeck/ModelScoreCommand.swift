import ArgumentParser
import Engine
import Foundation

/// `opsdeck model score`: a saved model on a new table, with each row's top three reasons.
struct ModelScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a CSV table with a saved model (probabilities or values, top three reasons per row).",
        discussion: """
        The file needs every feature column the model was fitted on (other columns are ignored). \
        Categories the model never saw and unreadable cells are scored as missing, with a note \
        on stderr. Reasons are the features with the largest contributions (TreeSHAP for trees).
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The table to score.") var csv: String
    @Option(help: "A saved model's name (see opsdeck model list).") var model: String
    @Option(help: "Write the scores here instead of standard output.") var out: String?
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD for date ages (default: the fit's).")
    var asOf: String?

    func run() throws {
        try reportingModelErrors {
            guard let saved = try store.open(create: false).model(named: model) else {
                throw CLIError("no saved model named \(model) (see opsdeck model list)")
            }
            var asOfDay: Int?
            if let asOf {
                guard let d = CivilDate.parseDay(Substring(asOf)) else { throw CLIError("--as-of must be a date YYYY-MM-DD") }
                asOfDay = d
            }
            let card = saved.card
            let fitted = try TabularModel(serialized: saved.bytes)
            let raw = try RawTable(path: csv)
            let input = try TabularScoringInput(raw, schema: card.schema, asOfDay: asOfDay)
            for note in input.notes { Terminal.warn(note) }
            let scores = try fitted.predict(input.frame)
            let contributions = try fitted.contributions(input.frame)
            let names = input.frame.names
            let rawColumns = names.map { raw.column(named: $0) }
            let scoreName = card.target.task == .classification
                ? "p_\(card.target.column)_\(card.target.positive ?? "1")" : "predicted_\(card.target.column)"
            let rowName = card.schema.idColumn ?? "row"
            let writer = try CSVWriter(path: out ?? "-")
            writer.write(row: [rowName, scoreName, "reason_1", "reason_2", "reason_3"])
            for r in 0..<input.frame.rowCount {
                let reasons = contributions.topReasons(row: r, count: 3).map { reason -> String in
                    let cell = rawColumns[reason.column].map { $0.values[Int($0.codes[r])] } ?? ""
                    let shown = cell.isEmpty ? "(missing)" : cell
                    return "\(names[reason.column])=\(shown) (\(reason.value >= 0 ? "+" : "")\(String(format: "%.3f", reason.value)))"
                }
                let padded = reasons + Array(repeating: "", count: 3 - reasons.count)
                writer.write(row: [input.ids?[r] ?? String(r), String(format: "%.6g", scores[r])] + padded)
            }
            try writer.close()
            if let out { Terminal.warn("scored \(input.frame.rowCount) rows with \(model) → \(out)") }
        }
    }
}
