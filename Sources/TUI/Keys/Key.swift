/// A key press or mouse event, after decoding. `Terminal` produces them; the binding
/// table maps them to actions.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    /// Alt (Meta) with a key: the terminal sends ESC then the key. Kept apart from Esc
    /// so that Alt-x never reads as "Esc, then x" (which would go back or quit).
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case resize
    case mouse(MouseEvent)

    /// How the key is written in the bottom bar, the help and docs/keys.md.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }

    /// The character a text field would take from this key, if any.
    public var printable: Character? {
        if case .char(let c) = self, !c.isNewline { return c }
        return nil
    }
}

/// A mouse event in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public let x: Int
    public let y: Int
    public let kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}
