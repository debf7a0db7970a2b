/// Everything a key can ask for. Widgets and screens handle actions, never raw keys,
/// so a rebinding changes only the table.
public enum Action: Hashable, Sendable {
    case quit, back, help, redraw, cycleTheme
    case nextTab, previousTab, focusNext
    case showTab(Int)
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, search
    case sortPrevious, sortNext, reverseSort
    case increase, decrease, bigIncrease, bigDecrease, minimum, maximum
    case enterValue
    case confirm, cancel, deleteBackward
    /// An action a screen defines for itself (e.g. "escalate"), named for docs.
    case custom(String)
}

/// Whether an action can run now; a disabled one says why, in the status line.
public enum Availability: Equatable, Sendable {
    case enabled
    case disabled(String)
}

/// Where a binding applies. Lookup walks the active scopes from the innermost (a text
/// field, the focused widget, the current screen) out to `.global`.
public enum KeyScope: Hashable, Sendable {
    case global
    case table
    case slider
    case textEntry
    case help
    case screen(ScreenID)
    /// Screen 1 while its SLA clock runs (a store-backed run): freeze, refresh, alerts.
    case liveClock

    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .table: return "Tables and lists"
        case .slider: return "Sliders"
        case .textEntry: return "Typing a search or a value"
        case .help: return "Help"
        case .screen(let id): return "Screen \(id.number): \(id.title)"
        case .liveClock: return "Screen 1 with the running clock"
        }
    }
}
