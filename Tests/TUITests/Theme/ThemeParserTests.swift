import Foundation
import Testing
@testable import TUI

@Suite struct ThemeParserTests {
    @Test func readsRolesAndWarnsOnUnknownKeys() {
        let text = """
            # comment
            theme[main_fg]="#112233"
            theme[selection]="default"
            theme[no_such_role]="#000000"
            theme[title]="blue"
            garbage line
            """
        let result = ThemeParser.parse(text, name: "t")
        #expect(result.theme.color(.mainFg) == .rgb(RGB(0x11, 0x22, 0x33)))
        #expect(result.theme.color(.selection) == .terminalDefault)
        #expect(result.warnings.count == 3)
        #expect(result.warnings[0].line == 4)
        #expect(result.warnings[0].message.contains("no_such_role"))
        #expect(result.warnings[1].message.contains("title"))
        #expect(result.warnings[2].line == 6)
    }

    @Test func missingKeysFallBackToTheDefaultTheme() {
        let result = ThemeParser.parse("theme[main_bg]=\"#ffffff\"\n", name: "partial")
        #expect(result.warnings.isEmpty)
        #expect(result.theme.color(.mainBg) == .rgb(RGB(255, 255, 255)))
        #expect(result.theme.color(.breachRiskHigh) == Theme.fallback.color(.breachRiskHigh))
        #expect(Role.allCases.allSatisfy { result.theme.colors[$0] != nil })
    }

    @Test func hexParsing() {
        #expect(RGB(hex: "#A0b1C2") == RGB(0xA0, 0xB1, 0xC2))
        #expect(RGB(hex: "a0b1c2") == RGB(0xA0, 0xB1, 0xC2))
        #expect(RGB(hex: "#abc") == nil)
        #expect(RGB(hex: "#gg0000") == nil)
        #expect(RGB(0x0A, 0, 0xFF).description == "#0A00FF")
    }

    @Test func shippedThemesParseCleanlyAndMatchTheBuiltIns() throws {
        let dir = repositoryRoot().appendingPathComponent("themes")
        for name in BuiltinThemes.names {
            let text = try String(contentsOf: dir.appendingPathComponent(name + ".theme"), encoding: .utf8)
            let file = ThemeParser.parse(text, name: name)
            #expect(file.warnings.isEmpty, "\(name): \(file.warnings)")
            #expect(Role.allCases.allSatisfy { text.contains("theme[\($0.rawValue)]") }, "\(name) names every role")
            #expect(text == BuiltinThemes.source(for: name).map { $0 + "\n" }, "\(name).theme and the built-in differ")
        }
        #expect(ThemeParser.parse(BuiltinThemes.mono, name: "mono").theme.isMonochrome)
        #expect(!Theme.fallback.isMonochrome)
    }

    @Test func catalogSearchesDirectoriesBeforeBuiltIns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "theme[title]=\"#010203\"\n".write(to: dir.appendingPathComponent("default.theme"), atomically: true, encoding: .utf8)
        try "theme[title]=\"#0a0b0c\"\n".write(to: dir.appendingPathComponent("ocean.theme"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [dir.path])
        #expect(catalog.names() == ["default", "light", "high-contrast", "mono", "ocean"])
        #expect(try catalog.load("default").theme.color(.title) == .rgb(RGB(1, 2, 3)))
        #expect(try catalog.load("light").theme.color(.mainBg) == .rgb(RGB(255, 255, 255)))
        #expect(throws: ThemeError.self) { try catalog.load("nope") }
    }

    @Test func configFileSetsThemeAndWarnsOnUnknownSettings() {
        let config = UserConfig.parse("# mine\ntheme = \"light\"\ncolour = red\n", source: "config")
        #expect(config.theme == "light")
        #expect(config.warnings.count == 1)
        #expect(config.warnings.first?.line == 3)
        #expect(UserConfig.configDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/opsdeck")
        #expect(UserConfig.configDirectory(environment: ["HOME": "/h"]) == "/h/.config/opsdeck")
    }
}
