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
    @Option(help: ArgumentHelp("Follow a help-desk export (a CSV file, or a folder of them) into the SLA queue as it changes; R refits.",
                               valueName: "file|dir"))
    var follow: String?
    @OptionGroup(title: "Follow") var followOptions: FollowOptions

    /// Huge pages first (a restart of the process before anything runs), then the command.
    static func main() {
        HugePages.restartWithTunableIfUseful()
        FreedMemory.mapLargeArraysAlone()
        main(nil)
    }

    func run() throws {
        try reportingErrors {
            let db = try store.open()
            let run = try DemoBootstrap.latestOrDemo(store: db, seed: seed)
            // Screen 1 first, from the run record and its SLA snapshot; the rest loads behind it.
            let rows = try CommandCenterContextBuilder.rows(store: db, run: run)
            var context = CommandCenterContextBuilder.build(run: run, rows: rows)
            var sla = try SLAScreenLoader.load(store: db, run: run, user: Terminal.user)
            if let note = sla.note { context.summary.insert(note, at: 0) }
            if let note = sla.clockNote { context.summary.append(note) }
            if let follow {
                guard let screen = sla.screen else { throw CLIError("--follow needs the SLA screen: \(sla.note ?? "run \(run.id) has no SLA queue")") }
                let session = try FollowSession.start(path: follow, store: db, run: run, options: followOptions)
                context.summary.insert(contentsOf: session.notes, at: 0)
                sla.screen = screen.following(SLAFollowSource(ingest: session.ingest, refit: session.refit, pollSeconds: followOptions.pollSeconds,
                                                              refitEverySeconds: followOptions.refitSeconds, label: follow))
            }
            try screen.open(context: context, screens: [sla.screen].compactMap { $0 },
                            loading: RunScreensLoader.loading(store: db, run: run, rows: (rows.customers, rows.tickets)))
        }
    }
}
