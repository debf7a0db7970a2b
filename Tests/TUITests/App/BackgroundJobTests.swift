import Foundation
import Testing
@testable import TUI

/// A screen's bounded background job: progress is readable while it runs, the app is busy
/// (so its loop redraws on a timer) until a tick collects the result.
@Suite struct BackgroundJobTests {
    /// Holds the job between its two progress reports until the test opens it.
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var open = false
        func release() { lock.withLock { open = true } }
        var isOpen: Bool { lock.withLock { open } }
    }

    struct CountingScreen: Screen {
        let id = ScreenID.channels
        var job: BackgroundJob<Int, String>?
        var done: String?

        mutating func handle(_ action: Action, body: Rect) -> Bool { false }

        mutating func start(gate: Gate) {
            job = BackgroundJob(initial: 0) { report in
                report(1)
                while !gate.isOpen { usleep(1_000) }
                report(2)
                return "counted to 2"
            }
        }

        var statusMessage: String? { job.map { "counting… \($0.progress)" } ?? done }
        var isBusy: Bool { job != nil }
        mutating func poll() {
            guard let j = job, let result = j.result else { return }
            done = result
            job = nil
        }
        func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {}
    }

    @Test func progressIsReadWhileRunningAndTheResultTakenOnATick() throws {
        let gate = Gate()
        var screen = CountingScreen()
        screen.start(gate: gate)
        var app = AppState(screens: [screen], themeNames: BuiltinThemes.names, theme: "default", width: 80, height: 24)
        #expect(app.isBusy)
        let job = try #require((app.screens[ScreenID.channels.rawValue - 1] as? CountingScreen)?.job)
        #expect(!job.wait(seconds: 0.05), "the job waits for the gate")
        #expect(job.progress == 1)
        app.tick()
        #expect(app.isBusy, "a tick before the job ends changes nothing")
        gate.release()
        #expect(job.wait(seconds: 5))
        #expect(job.progress == 2)
        app.tick()
        #expect(!app.isBusy)
        #expect(app.screens[ScreenID.channels.rawValue - 1].statusMessage == "counted to 2")
    }
}
