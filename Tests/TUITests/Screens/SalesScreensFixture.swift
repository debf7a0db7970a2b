import Foundation
import Testing
import OpsDeckTestSupport
@testable import Engine
@testable import TUI

/// A small saved run, built once per test process from a fixed seed, loaded the way the
/// command center loads it. Stage timings are replaced by fixed values so the Models screen
/// draws the same text every time.
enum SalesScreensFixture {
    static let config: PipelineConfig = {
        var s = SalesConfig.fastForTests
        s.planningDays = 3
        return PipelineConfig(customers: 400, reps: 4, tickets: 800, seed: 11, sales: s)
    }()

    static let loaded: Result<SalesScreens, FixtureError> = {
        do {
            let store = try Store.inMemory()
            var outcome = try Pipeline.run(config: config, input: .synthetic, store: store)
            try Pipeline.save(&outcome, to: store)
            guard let run = try store.latestRun(), var screens = try SalesScreens.load(store: store, run: run) else {
                return .failure(FixtureError(message: "the run saved no sales artifacts"))
            }
            for k in screens.models.trace.stages.indices {
                screens.models.trace.stages[k].seconds = Double(k + 1) / 100
                screens.models.trace.stages[k].start = 0
            }
            return .success(screens)
        } catch {
            return .failure(FixtureError(message: "\(error)"))
        }
    }()

    struct FixtureError: Error { let message: String }

    static func screens() throws -> SalesScreens {
        switch loaded {
        case .success(let s): return s
        case .failure(let e): throw e
        }
    }
}

/// Keeps decisions and exports in memory.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _decisions: [(String, String, String)] = []
    private var _exports: [(String, String)] = []

    var decisions: [(String, String, String)] { lock.withLock { _decisions } }
    var exports: [(String, String)] { lock.withLock { _exports } }

    var routeDecisions: RouteDecisions {
        RouteDecisions { [self] a, s, v in
            lock.withLock { _decisions.append((a, s, v)) }
            return nil
        }
    }

    var export: CustomerScriptExport {
        CustomerScriptExport { [self] id, text in
            lock.withLock { _exports.append((id, text)) }
            return "/tmp/\(id).txt"
        }
    }
}

extension SalesScreens {
    func app(_ recorder: Recorder = Recorder(), width: Int = 160, height: Int = 48) -> AppState {
        AppState(screens: screens(decisions: recorder.routeDecisions, export: recorder.export), themeNames: BuiltinThemes.names,
                 theme: "default", width: width, height: height)
    }
}

extension AppState {
    func rendered() -> String {
        CommandCenterView.render(self, context: CommandCenterContext(title: "OpsDeck", summary: ["fixture run"]), width: width,
                                 height: height, glyphs: .unicode).text()
    }

    /// Presses the first key the binding table gives `action` in `scope`.
    mutating func press(_ action: Action, in scope: KeyScope = .global) {
        _ = handle(keyMap.key(for: action, in: scope))
    }
}
