import Testing
@testable import TUI

@Suite struct TUIModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
