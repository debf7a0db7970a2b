/// Which panel of a screen has the keyboard. A screen lists its panels in order; `f`
/// (`.focusNext`) moves on, a click can jump. The focused panel's key scope is looked
/// up first, so `<`/`>` sort a focused list and step a focused slider.
public struct FocusRing<Panel: Hashable & Sendable>: Sendable {
    public let panels: [Panel]
    public private(set) var current: Panel

    public init(_ panels: [Panel]) {
        precondition(!panels.isEmpty, "a focus ring needs at least one panel")
        self.panels = panels
        current = panels[0]
    }

    public mutating func next() {
        let i = panels.firstIndex(of: current) ?? 0
        current = panels[(i + 1) % panels.count]
    }

    public mutating func focus(_ panel: Panel) {
        if panels.contains(panel) { current = panel }
    }

    public func isFocused(_ panel: Panel) -> Bool { current == panel }
}
