import Foundation
import Testing
@testable import Engine
@testable import TUI

/// Several managers on one store: a field-day change made in one command center shows on the
/// other's route screens at its next idle tick, with who and when.
@Suite struct RouteFeedTests {
    /// One decision log two command centers share, as the store's table is.
    final class SharedLog: @unchecked Sendable {
        private let lock = NSLock()
        private var log: [Decision] = []

        func decisions(as user: String) -> RouteDecisions {
            RouteDecisions(record: { [self] a, s, v in
                lock.withLock { log.append(Decision(id: Int64(log.count + 1), runId: 1, at: "2026-12-02 14:31:05", user: user,
                                                    action: a, subject: s, value: v)) }
                return nil
            }, history: { [self] in lock.withLock { log } }, newest: { [self] in lock.withLock { Int64(log.count) } }, user: user)
        }
    }

    @Test func anotherManagersDoneStopShowsAtTheNextIdleTick() throws {
        var data = try SalesScreensFixture.screens()
        data.routes.fieldNow = 11 * 3600
        let log = SharedLog()
        let export = Recorder().export
        let position = try #require(data.routes.reps.indices.max { data.routes.reps[$0].days[0].count < data.routes.reps[$1].days[0].count })
        var ana = AppState(screens: data.screens(decisions: log.decisions(as: "ana"), export: export), themeNames: BuiltinThemes.names,
                           theme: "default", width: 160, height: 48)
        var bob = AppState(screens: data.screens(decisions: log.decisions(as: "bob"), export: export), themeNames: BuiltinThemes.names,
                           theme: "default", width: 160, height: 48)
        let quiet = bob.idle()
        #expect(!quiet, "nothing new yet")

        ana.press(.showTab(ScreenID.repsRoutes.number))
        for _ in 0..<position { ana.press(.moveDown, in: .table) }
        ana.press(.open, in: .table)
        ana.press(.custom("stopDone"), in: .screen(.repsRoutes))
        let first = data.routes.reps[position].days[0][0].account

        let took = bob.idle()
        #expect(took, "bob's route screen took ana's decision")
        bob.press(.showTab(ScreenID.repsRoutes.number))
        let screen = try #require(bob.screen as? RepsScreen)
        #expect(screen.routes.field.state(rep: position, day: 0, account: first) == .done)
        let message = try #require(screen.statusMessage)
        #expect(message.contains("marked done by ana 14:31"), "\(message)")
        let again = bob.idle()
        #expect(!again, "the same decision is taken once")

        // Ana's own screen does not announce her own change back to her.
        ana.press(.back)
        _ = ana.idle()
        let own = try #require(ana.screen as? RepsScreen)
        #expect(own.statusMessage?.contains("by ana") != true)
    }
}
