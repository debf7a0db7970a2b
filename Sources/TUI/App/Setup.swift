/// Flags, config file and environment resolved once at start: which theme, which
/// glyphs, which colour mode. Pure apart from reading the config and theme files.
struct Setup {
    let catalog: ThemeCatalog
    let theme: Theme
    let glyphs: Glyphs
    let colorDisabled: Bool
    let colorOverride: ColorMode?
    let maxFrames: Int?
    let environment: [String: String]
    /// Problems in config or theme files, reported on stderr at exit.
    let warnings: [String]

    static func resolve(_ options: CommandCenterOptions) throws -> Setup {
        let config = UserConfig.load(environment: options.environment)
        var warnings = config.warnings.map(\.description)
        let catalog = ThemeCatalog.standard(themeDir: options.themeDirectory ?? config.themeDir,
                                            environment: options.environment,
                                            executablePath: options.executablePath,
                                            currentDirectory: options.currentDirectory)
        let loaded: ThemeParser.Result
        if let name = options.theme {
            loaded = try catalog.load(name)
        } else if let name = config.theme {
            do {
                loaded = try catalog.load(name)
            } catch {
                warnings.append("config: \(error); using the default theme")
                loaded = try catalog.load("default")
            }
        } else {
            loaded = try catalog.load("default")
        }
        warnings += loaded.warnings.map(\.description)
        if let maxFrames = options.maxFrames, maxFrames < 1 {
            throw SetupError.invalidMaxFrames(maxFrames)
        }
        return Setup(catalog: catalog, theme: loaded.theme,
                     glyphs: options.ascii.map { $0 ? .ascii : .unicode } ?? .forEnvironment(options.environment),
                     colorDisabled: options.colorDisabled, colorOverride: options.colorMode,
                     maxFrames: options.maxFrames, environment: options.environment, warnings: warnings)
    }
}

public enum SetupError: Error, CustomStringConvertible {
    case invalidMaxFrames(Int)

    public var description: String {
        switch self {
        case .invalidMaxFrames(let n): return "--max-frames must be at least 1, got \(n)"
        }
    }
}
