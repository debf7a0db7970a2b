import ArgumentParser
import Engine

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write what the command center shows, from the latest saved run, as CSV or JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: ArgumentHelp("What to export: \(ExportRegistry.names.joined(separator: ", ")).", valueName: "what"))
    var what: String
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(help: "Output file (default: standard output).") var out: String?
    @Option(name: .customLong("run"), help: "Run id (default: the latest).") var runId: Int64?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            guard let producer = ExportRegistry.producer(what) else {
                throw CLIError("cannot export '\(what)'; expected one of: \(ExportRegistry.names.joined(separator: ", "))")
            }
            let db = try store.open(create: false)
            let context = try ExportContext(store: db, runId: runId)
            let table = try producer(context)
            let text = format == .csv ? table.csv() : table.json()
            if let out {
                do { try FileSystem.write(out, Array(text.utf8)) } catch { throw CLIError("cannot write \(out): \(error)") }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
