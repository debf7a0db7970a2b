import Foundation
import Testing
@testable import TUI

@Suite struct KeyMapTests {
    let keys = KeyMap.standard

    @Test func noKeyIsBoundTwiceInOneScope() {
        #expect(keys.conflicts().isEmpty, "\(keys.conflicts())")
    }

    @Test func conventionsUsersExpect() {
        #expect(keys.action(for: .char("q"), in: [.global]) == .quit)
        #expect(keys.action(for: .char("?"), in: [.global]) == .help)
        #expect(keys.action(for: .function(1), in: [.global]) == .help)
        #expect(keys.action(for: .backTab, in: [.global]) == .previousTab)
        #expect(keys.action(for: .ctrl("l"), in: [.global]) == .redraw)
        #expect(keys.action(for: .char("t"), in: [.global]) == .cycleTheme)
        for n in 1...6 { #expect(keys.action(for: .char(Character(String(n))), in: [.global]) == .showTab(n)) }
        #expect(keys.action(for: .char("j"), in: [.table, .global]) == .moveDown)
        #expect(keys.action(for: .up, in: [.table, .global]) == .moveUp)
        #expect(keys.action(for: .char("/"), in: [.table, .global]) == .search)
    }

    @Test func innerScopesWin() {
        // `<` sorts in a table and steps a slider; whichever is focused decides.
        #expect(keys.action(for: .char("<"), in: [.table, .slider, .global]) == .sortPrevious)
        #expect(keys.action(for: .char("<"), in: [.slider, .table, .global]) == .decrease)
        #expect(keys.action(for: .pageUp, in: [.slider, .table]) == .bigIncrease)
        #expect(keys.action(for: .escape, in: [.textEntry, .table, .global]) == .cancel)
        #expect(keys.action(for: .escape, in: [.table, .global]) == .back)
    }

    @Test func barShowsOnlyUnshadowedBindings() {
        let bar = keys.barBindings(for: [.textEntry, .table, .global])
        #expect(bar.contains { $0.action == .confirm })
        #expect(!bar.contains { $0.action == .open }) // Enter is taken by the text field
        #expect(bar.contains { $0.action == .quit })
    }

    @Test func helpListsEveryBinding() {
        let help = keys.helpLines().joined(separator: "\n")
        for b in keys.bindings {
            #expect(help.contains(b.description), "help is missing \(b.description)")
            #expect(help.contains(b.keyText), "help is missing \(b.keyText)")
        }
        for scope in keys.scopesInOrder { #expect(help.contains(scope.title)) }
    }

    /// docs/keys.md is generated from the table; re-record with OPSDECK_RECORD=1.
    @Test func docsKeysMarkdownIsUpToDate() throws {
        let generated = keys.markdown()
        for b in keys.bindings { #expect(generated.contains(b.description)) }
        let file = repositoryRoot().appendingPathComponent("docs/keys.md")
        if ProcessInfo.processInfo.environment["OPSDECK_RECORD"] != nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(file.path); run again without OPSDECK_RECORD")
            return
        }
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(onDisk == generated, "docs/keys.md is stale: OPSDECK_RECORD=1 swift test --filter KeyMapTests")
    }
}
