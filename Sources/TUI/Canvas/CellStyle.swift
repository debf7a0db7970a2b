/// Text attributes a cell may carry, independent of colour.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
    public static let italic = CellAttributes(rawValue: 1 << 4)
}

/// How a cell looks, by semantic role: the theme decides the actual colours.
public struct CellStyle: Hashable, Sendable {
    public var fg: Role
    public var bg: Role
    public var attributes: CellAttributes

    public init(fg: Role = .mainFg, bg: Role = .mainBg, attributes: CellAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let normal = CellStyle()

    public func with(_ extra: CellAttributes) -> CellStyle {
        CellStyle(fg: fg, bg: bg, attributes: attributes.union(extra))
    }

    public func on(_ background: Role) -> CellStyle {
        CellStyle(fg: fg, bg: background, attributes: attributes)
    }
}

/// One terminal cell. A wide character occupies its cell (`width == 2`) and the next
/// one, which is a continuation (`width == 0`) and never printed on its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var width: UInt8
    public var style: CellStyle

    public init(character: Character = " ", width: UInt8 = 1, style: CellStyle = .normal) {
        self.character = character
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }
}
