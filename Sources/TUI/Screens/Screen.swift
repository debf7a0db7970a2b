/// A screen of the command center. It holds its own widget state, handles actions
/// the binding table resolved for it, and draws from that state and the context it is
/// given — never computing a model itself.
public protocol Screen {
    var id: ScreenID { get }
    /// Key scopes for lookup, innermost first (a text field, the focused widget, the
    /// screen's own scope); `.global` is added by the app.
    var keyScopes: [KeyScope] { get }
    /// Whether an action can run now, and if not, why (shown in the status line).
    func availability(of action: Action) -> Availability
    /// Returns true when the screen used the action; `body` is the area it draws in.
    mutating func handle(_ action: Action, body: Rect) -> Bool
    /// A printable key while the screen has a text field open.
    mutating func type(_ character: Character, body: Rect) -> Bool
    mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool
    func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext)
    /// A one-line status of the screen's own (e.g. a refused slider entry), if any.
    var statusMessage: String? { get }
    /// After an action: a request to show another screen (the app switches to it and hands
    /// it the request), taken once.
    mutating func takeRequest() -> ScreenRequest?
    /// A request another screen made of this one, just before it is shown.
    mutating func receive(_ request: ScreenRequest, body: Rect)
    /// Whether a background job of the screen is running: the app then redraws on a timer
    /// (the screen's progress line) instead of waiting for a key.
    var isBusy: Bool { get }
    /// Called by the app on each redraw while busy: collects a finished job's result.
    mutating func poll()
    /// How long (ms) the app may wait for a key before calling `idle()`; nil: no timer.
    var idleInterval: Int? { get }
    /// The app's idle tick (no key for `idleInterval`): a running clock, a store poll.
    /// Returns whether the screen changed (the app then redraws).
    mutating func idle() -> Bool
    /// Short texts for the right of the status line (e.g. the clock and the alert count).
    var statusFields: [String] { get }
}

/// What one screen asks of another.
public enum ScreenRequest: Sendable, Equatable {
    /// Reps & routes with this rep (index into the run's reps) selected.
    case showRep(Int)

    public var screen: ScreenID {
        switch self {
        case .showRep: return .repsRoutes
        }
    }
}

extension Screen {
    public var keyScopes: [KeyScope] { [] }
    public func availability(of action: Action) -> Availability { .enabled }
    public mutating func type(_ character: Character, body: Rect) -> Bool { false }
    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool { false }
    public var statusMessage: String? { nil }
    public mutating func takeRequest() -> ScreenRequest? { nil }
    public mutating func receive(_ request: ScreenRequest, body: Rect) {}
    public var isBusy: Bool { false }
    public mutating func poll() {}
    public var idleInterval: Int? { nil }
    public mutating func idle() -> Bool { false }
    public var statusFields: [String] { [] }
}
