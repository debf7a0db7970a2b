import ArgumentParser
import Engine

@main
struct OpsDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A terminal command center for sales-force and support-desk managers.",
        subcommands: [RunCommand.self, ImportCommand.self, ExportCommand.self, GenerateCommand.self, BenchCommand.self]
    )
}
