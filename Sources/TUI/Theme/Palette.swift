/// A cell style turned into what a terminal draws: colour indices (-1 is the
/// terminal default) and attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public let fg: Int16
    public let bg: Int16
    public let attributes: CellAttributes

    public var hasColor: Bool { fg >= 0 || bg >= 0 }
}

/// A theme bound to a colour mode: resolves role-based styles to terminal colours.
/// Pure, so that "mono renders without colour" and the colour mapping are testable
/// without a terminal.
public struct Palette: Sendable {
    public let theme: Theme
    public let mode: ColorMode
    /// Colours to define with `init_color` in `.direct` mode, as (index, rgb).
    public let customColors: [(index: Int16, rgb: RGB)]
    private let indices: [Role: Int16]

    /// `firstCustomIndex`/`maxColors` bound the palette slots `.direct` may redefine;
    /// when they run out the mode falls back to `.xterm256`.
    public init(theme: Theme, mode requested: ColorMode, firstCustomIndex: Int = 16, maxColors: Int = 256) {
        self.theme = theme
        var mode = theme.isMonochrome ? .mono : requested
        var custom: [(Int16, RGB)] = []
        var indices: [Role: Int16] = [:]
        if mode == .direct {
            var byColor: [RGB: Int16] = [:]
            for role in Role.allCases {
                guard case .rgb(let rgb) = theme.color(role) else { continue }
                if byColor[rgb] == nil {
                    let next = firstCustomIndex + byColor.count
                    if next >= maxColors { mode = .xterm256; break }
                    byColor[rgb] = Int16(next)
                    custom.append((Int16(next), rgb))
                }
            }
            if mode == .direct {
                for role in Role.allCases {
                    if case .rgb(let rgb) = theme.color(role) { indices[role] = byColor[rgb] }
                }
            } else {
                custom = []
            }
        }
        if mode != .direct {
            for role in Role.allCases {
                guard case .rgb(let rgb) = theme.color(role) else { continue }
                switch mode {
                case .xterm256: indices[role] = Int16(ColorMapping.xterm256(rgb))
                case .ansi16: indices[role] = Int16(ColorMapping.ansi16(rgb))
                case .ansi8: indices[role] = Int16(ColorMapping.ansi8(rgb))
                case .mono, .direct: break
                }
            }
        }
        self.mode = mode
        self.indices = indices
        self.customColors = custom.map { (index: $0.0, rgb: $0.1) }
    }

    public func index(of role: Role) -> Int16 { indices[role] ?? -1 }

    public func resolve(_ style: CellStyle) -> ResolvedStyle {
        if mode == .mono {
            var attrs = style.attributes.union(style.fg.monoEmphasis)
            // Inactive tabs sit on the reversed bar but must not look like the active tab.
            if style.bg != .mainBg, style.fg != .tabInactive { attrs.formUnion(style.bg.monoEmphasis) }
            return ResolvedStyle(fg: -1, bg: -1, attributes: attrs)
        }
        var fg = index(of: style.fg)
        let bg = index(of: style.bg)
        var attrs = style.attributes
        // A poor palette can merge two colours that meant something different; then the
        // role's attributes keep the distinction (a selection bar must stay visible).
        if style.bg != .mainBg, bg == index(of: .mainBg) { attrs.formUnion(style.bg.monoEmphasis) }
        if fg == bg, style.fg != style.bg {
            fg = -1
            attrs.formUnion(style.fg.monoEmphasis)
        }
        return ResolvedStyle(fg: fg, bg: bg, attributes: attrs)
    }
}
