import Foundation
import Testing
@testable import TUI

/// Golden-text comparison in the habit of swift-argument-parser's `assertSnapshot`: the
/// expected text lives in `Golden/NAME.txt` beside the test file. `OPSDECK_RECORD=1`
/// rewrites it and fails on purpose, so a recording run is never left on.
func assertGolden(_ actual: String, named name: String, filePath: String = #filePath,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = dir.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["OPSDECK_RECORD"] != nil {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(file.path); run again without OPSDECK_RECORD", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("Missing golden file \(file.path); record it with OPSDECK_RECORD=1 swift test",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        Issue.record("""
            \(name) differs from \(file.lastPathComponent) at line \(line + 1):
              expected: \(line < e.count ? String(e[line]) : "<end>")
              actual:   \(line < a.count ? String(a[line]) : "<end>")
            Re-record with OPSDECK_RECORD=1 if the change is intended.
            """, sourceLocation: sourceLocation)
    }
}

/// The repository root, found from this file's path (Tests/TUITests/Support/…).
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

extension KeyMap {
    /// The first key bound to `action` in `scope`: tests press keys through the table,
    /// so rebinding a key does not break them.
    func key(for action: Action, in scope: KeyScope = .global) -> Key {
        guard let key = bindings.first(where: { $0.scope == scope && $0.action == action })?.keys.first else {
            Issue.record("no key for \(action) in \(scope)")
            return .char("\u{0}")
        }
        return key
    }
}
