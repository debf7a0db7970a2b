import Foundation
import Testing
@testable import TUI

/// Flags, config file and environment: flags win, the config file is read from
/// $XDG_CONFIG_HOME/opsdeck/config, NO_COLOR turns colour off.
@Suite struct SetupTests {
    private func withConfig(_ text: String?, _ body: ([String: String]) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-setup-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("opsdeck")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        if let text { try text.write(to: dir.appendingPathComponent("config"), atomically: true, encoding: .utf8) }
        try body(["XDG_CONFIG_HOME": root.path, "LANG": "C.UTF-8"])
    }

    private func options(_ env: [String: String], theme: String? = nil, noColor: Bool = false) -> CommandCenterOptions {
        CommandCenterOptions(theme: theme, noColor: noColor, environment: env, executablePath: nil,
                             currentDirectory: "/nonexistent")
    }

    @Test func configChoosesTheThemeAndTheFlagOverridesIt() throws {
        try withConfig("theme = light\n") { env in
            let fromConfig = try Setup.resolve(options(env))
            #expect(fromConfig.theme.name == "light")
            let fromFlag = try Setup.resolve(options(env, theme: "high-contrast"))
            #expect(fromFlag.theme.name == "high-contrast")
        }
    }

    @Test func unknownThemeInConfigWarnsButAFlagFails() throws {
        try withConfig("theme = nope\nshade = 3\n") { env in
            let setup = try Setup.resolve(options(env))
            #expect(setup.theme.name == "default")
            #expect(setup.warnings.count == 2)
            #expect(setup.warnings.contains { $0.contains("unknown theme \"nope\"") })
            #expect(throws: ThemeError.self) { try Setup.resolve(options(env, theme: "nope")) }
        }
    }

    @Test func noColorFromEnvironmentOrFlag() throws {
        try withConfig(nil) { env in
            let plain = try Setup.resolve(options(env))
            #expect(!plain.colorDisabled)
            let noColorSet = try Setup.resolve(options(env.merging(["NO_COLOR": "1"]) { $1 }))
            #expect(noColorSet.colorDisabled)
            let noColorEmpty = try Setup.resolve(options(env.merging(["NO_COLOR": ""]) { $1 }))
            #expect(!noColorEmpty.colorDisabled)
            let flagged = try Setup.resolve(options(env, noColor: true))
            #expect(flagged.colorDisabled)
        }
    }

    @Test func themeDirectoryFromConfigIsSearchedFirst() throws {
        try withConfig(nil) { env in
            let themes = URL(fileURLWithPath: env["XDG_CONFIG_HOME"] ?? "").appendingPathComponent("opsdeck/themes")
            try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
            try "theme[title]=\"#123456\"\ntheme[bogus]=\"#000000\"\n"
                .write(to: themes.appendingPathComponent("night.theme"), atomically: true, encoding: .utf8)
            let setup = try Setup.resolve(options(env, theme: "night"))
            #expect(setup.theme.color(.title) == .rgb(RGB(0x12, 0x34, 0x56)))
            #expect(setup.warnings.count == 1)
            #expect(setup.catalog.names().last == "night")
        }
    }

    @Test func glyphsFollowLocaleUnlessForced() throws {
        try withConfig(nil) { env in
            let utf8 = try Setup.resolve(options(env))
            #expect(utf8.glyphs.isUnicode)
            let cLocale = try Setup.resolve(options(env.merging(["LANG": "C"]) { $1 }))
            #expect(!cLocale.glyphs.isUnicode)
        }
    }
}

