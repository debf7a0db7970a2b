import ArgumentParser
import Engine
import Foundation
import TUI

@main
struct OpsDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A terminal command center for sales-force and support-desk managers.",
        discussion: """
        With no command, opens the command center on the store's latest run. On an empty \
        store it first builds the seeded demo (a Barcelona-like region) and runs the pipeline.
        """,
        subcommands: [RunCommand.self, ImportCommand.self, ExportCommand.self, GenerateCommand.self, RouteCommand.self,
                      ModelCommand.self, SLACommand.self, AlertsCommand.self, RouteDayCommand.self, BenchLauncher.self,
                      WatchCommand.self]
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions
    @Option(name: .customLong("demo-seed"), help: "Seed for the demo built on an empty store.") var seed: UInt64 = 42

    func run() throws {
        try reportingErrors {
            let db = try store.open()
            let run = try DemoBootstrap.latestOrDemo(store: db, seed: seed)
            var context = try CommandCenterContextBuilder.build(store: db, run: run)
            let sla = try SLAScreenLoader.load(store: db, run: run, user: Terminal.user)
            if let note = sla.note { context.summary.insert(note, at: 0) }
            try screen.open(context: context, screens: [sla.screen].compactMap { $0 } + RunScreensLoader.screens(store: db, run: run))
        }
    }
}
