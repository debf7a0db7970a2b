import Foundation

/// Why a theme could not be chosen.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case unknown(name: String, available: [String])
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknown(let name, let available):
            return "unknown theme \"\(name)\"; available: \(available.joined(separator: ", "))"
        case .unreadable(let path, let reason):
            return "cannot read theme file \(path): \(reason)"
        }
    }
}

/// Finds theme files. Search order: `--theme-dir`, `$XDG_CONFIG_HOME/opsdeck/themes`
/// (else `~/.config/opsdeck/themes`), the repository's `themes/` found next to the
/// executable or the current directory, then the compiled-in themes.
public struct ThemeCatalog: Sendable {
    public let directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard search path for a process with this environment.
    public static func standard(themeDir: String?, environment env: [String: String],
                                executablePath: String?, currentDirectory: String) -> ThemeCatalog {
        var dirs: [String] = []
        if let themeDir { dirs.append(themeDir) }
        if let config = UserConfig.configDirectory(environment: env) { dirs.append(config + "/themes") }
        if let exe = executablePath, let repo = repositoryThemes(near: (exe as NSString).deletingLastPathComponent) {
            dirs.append(repo)
        }
        if let repo = repositoryThemes(near: currentDirectory) { dirs.append(repo) }
        var seen = Set<String>()
        return ThemeCatalog(directories: dirs.filter { seen.insert($0).inserted })
    }

    /// Theme names in cycling order: built-ins first, then other files alphabetically.
    public func names() -> [String] {
        var extra = Set<String>()
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".theme") {
                extra.insert(String(file.dropLast(".theme".count)))
            }
        }
        return BuiltinThemes.names + extra.subtracting(BuiltinThemes.names).sorted()
    }

    /// Loads a theme by name: the first directory holding `NAME.theme`, else the built-in.
    public func load(_ name: String) throws -> ThemeParser.Result {
        for dir in directories {
            let path = dir + "/" + name + ".theme"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return ThemeParser.parse(text, name: name, source: path)
            } catch {
                throw ThemeError.unreadable(path: path, reason: error.localizedDescription)
            }
        }
        if let text = BuiltinThemes.source(for: name) {
            return ThemeParser.parse(text, name: name, source: "built-in \(name).theme")
        }
        throw ThemeError.unknown(name: name, available: names())
    }

    /// Walks up from `start` (at most six levels: `.build/debug/` sits three below the
    /// root) looking for a `themes/default.theme`.
    static func repositoryThemes(near start: String) -> String? {
        var dir = start
        for _ in 0..<6 {
            let candidate = dir + "/themes"
            if FileManager.default.fileExists(atPath: candidate + "/default.theme") { return candidate }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        return nil
    }
}
