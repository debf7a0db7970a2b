/// A named set of colours by role. Roles a theme file leaves out fall back to the
/// built-in default theme, so a partial file still gives a complete theme.
public struct Theme: Equatable, Sendable {
    public let name: String
    public let colors: [Role: ThemeColor]

    public init(name: String, colors: [Role: ThemeColor]) {
        self.name = name
        self.colors = colors
    }

    public func color(_ role: Role) -> ThemeColor {
        colors[role] ?? Theme.fallback.colors[role] ?? .terminalDefault
    }

    /// True when every role uses the terminal's default colour: emphasis then comes
    /// only from attributes.
    public var isMonochrome: Bool {
        Role.allCases.allSatisfy { color($0) == .terminalDefault }
    }

    /// The compiled-in dark default, also the source of fallbacks for missing keys.
    public static let fallback: Theme = {
        let parsed = ThemeParser.parse(BuiltinThemes.source(for: "default") ?? "", name: "default", fillMissing: false)
        return parsed.theme
    }()

    /// A theme with no colour at all: what `NO_COLOR` forces.
    public static let mono = Theme(
        name: "mono",
        colors: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, ThemeColor.terminalDefault) })
    )
}
