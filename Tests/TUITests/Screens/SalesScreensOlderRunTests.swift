import Testing
@testable import Engine
@testable import TUI

/// Issue 21, item 1: a run saved by an older OpsDeck (its routes without their schedule, no
/// ROC) gives one clear message, never a crash or a silently empty screen.
@Suite struct SalesScreensOlderRunTests {
    @Test func aRunInTheOlderFormatSaysToRunAgain() throws {
        let store = try Store.inMemory()
        var outcome = try Pipeline.run(config: SalesScreensFixture.config, input: .synthetic, store: store)
        try Pipeline.save(&outcome, to: store)
        let current = try #require(try store.latestRun())
        var artifacts = Pipeline.artifacts(outcome)
        // The previous routes.csv: the same stops, without the schedule's columns.
        let old = DataTable(columns: ["rep", "day", "sequence", "account", "arrival", "prize", "nba_percentile", "kind"],
                            rows: RoutesTable.table(try RoutesTable.load(store, run: current.id)).rows.map { Array($0.prefix(8)) })
        artifacts[RoutesTable.artifact] = old.csvBytes()
        var record = current
        record.createdAt = ""
        let id = try store.saveRun(record, artifacts: artifacts)
        let run = try #require(try store.run(id: id))
        do { _ = try SalesScreens.load(store: store, run: run); Issue.record("an older run loaded") } catch {
            #expect(error.description
                    == "run \(id) was saved by an older OpsDeck; run `opsdeck run` again (artifact routes.csv has no column travel_km)")
        }
        // The run saved in the current format still opens.
        #expect(try SalesScreens.load(store: store, run: current) != nil)
    }
}
