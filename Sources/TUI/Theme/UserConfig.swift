import Engine
import Foundation

/// Settings from `$XDG_CONFIG_HOME/opsdeck/config` (else `~/.config/opsdeck/config`):
/// `key = value` lines, `#` comments. Flags override it.
public struct UserConfig: Equatable, Sendable {
    public var theme: String?
    public var themeDir: String?
    public var warnings: [ThemeWarning] = []

    public init(theme: String? = nil, themeDir: String? = nil) {
        self.theme = theme
        self.themeDir = themeDir
    }

    public static func configDirectory(environment env: [String: String]) -> String? {
        UserPaths.configDirectory(environment: env)
    }

    /// Reads the config file if there is one; a missing file is an empty config.
    public static func load(environment env: [String: String]) -> UserConfig {
        guard let dir = configDirectory(environment: env) else { return UserConfig() }
        let path = dir + "/config"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return UserConfig() }
        return parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) -> UserConfig {
        var config = UserConfig()
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                config.warnings.append(ThemeWarning(source: source, line: lineNumber, message: "expected key = value"))
                continue
            }
            let key = line[..<eq].trimmingBlanks()
            var value = line[line.index(after: eq)...].trimmingBlanks()
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            switch key {
            case "theme": config.theme = value
            case "theme_dir": config.themeDir = value
            default:
                config.warnings.append(ThemeWarning(source: source, line: lineNumber, message: "unknown setting \"\(key)\" ignored"))
            }
        }
        return config
    }
}
