import Foundation

/// What the command center shows. For now a title and dataset summary lines; engine
/// results join it as screens are wired (a screen never computes a model).
public struct CommandCenterContext: Sendable {
    public var title: String
    public var summary: [String]

    public init(title: String = "", summary: [String] = []) {
        self.title = title
        self.summary = summary
    }

    public static let empty = CommandCenterContext()
}

/// Choices from flags, config and environment. Flags override the config file.
public struct CommandCenterOptions: Sendable {
    public var theme: String?
    public var themeDirectory: String?
    /// Exit after this many frames (for headless CI under tmux); idle ticks count.
    public var maxFrames: Int?
    public var noColor: Bool
    /// Forces a colour mode instead of asking the terminal.
    public var colorMode: ColorMode?
    /// Forces ASCII glyphs; nil decides from the locale.
    public var ascii: Bool?
    public var environment: [String: String]
    public var executablePath: String?
    public var currentDirectory: String

    public init(theme: String? = nil, themeDirectory: String? = nil, maxFrames: Int? = nil, noColor: Bool = false,
                colorMode: ColorMode? = nil, ascii: Bool? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = Bundle.main.executablePath,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.theme = theme
        self.themeDirectory = themeDirectory
        self.maxFrames = maxFrames
        self.noColor = noColor
        self.colorMode = colorMode
        self.ascii = ascii
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
    }

    /// `NO_COLOR` (any non-empty value, per no-color.org) or `--no-color`.
    public var colorDisabled: Bool { noColor || !(environment["NO_COLOR"] ?? "").isEmpty }
}

/// The command center's front door.
public enum CommandCenter {
    /// Opens the command center in the terminal and returns when the user quits (or
    /// after `maxFrames`). Throws for a bad theme name or when there is no terminal.
    /// `loading`: screens read behind the first frame (started once it is drawn).
    public static func run(options: CommandCenterOptions, context: CommandCenterContext,
                           screens: [any Screen] = [], loading: ScreenLoading? = nil) throws {
        let setup = try Setup.resolve(options)
        let app = try App(setup: setup, context: context, screens: screens, loading: loading)
        let warnings = app.run()
        for warning in setup.warnings + warnings {
            FileHandle.standardError.write(Data(("opsdeck: warning: \(warning)\n").utf8))
        }
    }
}
