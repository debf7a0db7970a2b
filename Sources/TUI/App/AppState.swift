/// What the command center shows and how keys change it, without a terminal: the app
/// loop feeds it keys and draws `CommandCenterView.render(self, …)`; tests do the same.
public struct AppState {
    public enum Effect: Equatable, Sendable {
        case none
        case quit
        /// Repaint every cell (Ctrl-L, resize).
        case repaint
        /// The theme changed to the one named.
        case theme(String)
    }

    public let keyMap: KeyMap
    public private(set) var current: ScreenID = .sla
    public private(set) var screens: [any Screen]
    public private(set) var helpOpen = false
    public private(set) var help = TextViewState()
    /// A one-frame message in the status line (a disabled key says why here).
    public private(set) var message: String?
    public private(set) var themeNames: [String]
    public private(set) var themeIndex: Int
    /// Why `t` is disabled (NO_COLOR), if it is.
    public let themeLock: String?
    public var width: Int
    public var height: Int
    /// The screens still loading behind the first frame (nil once all are in).
    public private(set) var loading: ScreenLoading?

    /// `loading`: screens read behind the first frame; each screen it will deliver shows its
    /// loading state until then (the caller starts it, after the first frame).
    public init(screens: [any Screen], themeNames: [String], theme: String, themeLock: String? = nil,
                keyMap: KeyMap = .standard, width: Int = 80, height: Int = 24, message: String? = nil,
                loading: ScreenLoading? = nil) {
        self.keyMap = keyMap
        self.screens = ScreenID.allCases.map { id in
            if let s = screens.first(where: { $0.id == id }) { return s }
            if let loading, loading.pending.contains(id) { return LoadingScreen(id: id, loading: loading) }
            return PlaceholderScreen(id: id)
        }
        self.loading = loading
        self.themeNames = themeNames.contains(theme) ? themeNames : themeNames + [theme]
        self.themeIndex = self.themeNames.firstIndex(of: theme) ?? 0
        self.themeLock = themeLock
        self.width = width
        self.height = height
        self.message = message
    }

    public var themeName: String { themeNames[themeIndex] }
    public var screen: any Screen { screens[current.rawValue - 1] }
    var body: Rect { CommandCenterView.body(width: width, height: height) }
    var isTooSmall: Bool { width < CommandCenterView.minimumWidth || height < CommandCenterView.minimumHeight }

    /// Scopes for key lookup, innermost first.
    public var scopes: [KeyScope] {
        helpOpen ? [.help] : screen.keyScopes + [.global]
    }

    public func availability(of action: Action) -> Availability {
        if action == .cycleTheme, let themeLock { return .disabled(themeLock) }
        return screen.availability(of: action)
    }

    public mutating func handle(_ key: Key) -> Effect {
        message = nil
        switch key {
        case .resize: return .repaint
        case .mouse(let event): return handleMouse(event)
        default: break
        }
        if isTooSmall {
            return keyMap.action(for: key, in: [.global]) == .quit ? .quit : .none
        }
        if helpOpen { return handleHelp(key) }
        let scopes = self.scopes
        if scopes.first == .textEntry, let c = key.printable, keyMap.action(for: key, in: [.textEntry]) == nil {
            _ = screens[current.rawValue - 1].type(c, body: body)
            return .none
        }
        guard let action = keyMap.action(for: key, in: scopes) else {
            explainUnbound(key)
            return .none
        }
        if case .disabled(let reason) = availability(of: action) {
            message = "\(label(of: action)): \(reason)"
            return .none
        }
        if screens[current.rawValue - 1].handle(action, body: body) {
            if let request = screens[current.rawValue - 1].takeRequest() {
                current = request.screen
                screens[current.rawValue - 1].receive(request, body: body)
            }
            return .none
        }
        return handleGlobal(action)
    }

    /// Whether a screen runs a background job, or screens are still loading: the loop then
    /// redraws on a timer.
    public var isBusy: Bool { loading != nil || screens.contains { $0.isBusy } }

    /// One redraw tick while busy: every busy screen collects what its job finished, and
    /// screens the load has built take the place of their loading screens.
    public mutating func tick() {
        for i in screens.indices where screens[i].isBusy { screens[i].poll() }
        collectLoaded()
    }

    /// The progress line while screens load ("loading customers… 40 %"), nil once done.
    public var loadingLine: String? {
        guard let loading else { return nil }
        if let failure = loading.failure { return "sales screens could not be loaded: \(failure)" }
        let p = loading.progress
        return "loading \(p.step)… \(p.percent) %"
    }

    /// The context a frame is drawn with: the progress line leads the status line while
    /// screens load.
    public func frameContext(_ base: CommandCenterContext) -> CommandCenterContext {
        guard let line = loadingLine else { return base }
        var c = base
        c.summary.insert(line, at: 0)
        return c
    }

    /// Swaps delivered screens in (each once); when the work has ended, screens it did not
    /// deliver become placeholders, or keep saying why the load failed.
    private mutating func collectLoaded() {
        guard let loading else { return }
        let ended = loading.workEnded
        for s in loading.take() {
            let i = s.id.rawValue - 1
            var incoming = s
            if let waiting = screens[i] as? LoadingScreen, let request = waiting.request { incoming.receive(request, body: body) }
            screens[i] = incoming
        }
        guard ended else { return }
        if let failure = loading.failure {
            message = "sales screens could not be loaded: \(failure)"
        } else {
            for i in screens.indices where screens[i] is LoadingScreen { screens[i] = PlaceholderScreen(id: screens[i].id) }
        }
        self.loading = nil
    }

    /// The shortest idle timer any screen asks for (ms); nil when none runs a clock.
    public var idleInterval: Int? { screens.compactMap(\.idleInterval).min() }

    /// No key for `idleInterval`: every screen's idle tick (the SLA clock runs on any tab).
    /// Returns whether a screen changed.
    public mutating func idle() -> Bool {
        var changed = false
        for i in screens.indices where screens[i].idleInterval != nil { changed = screens[i].idle() || changed }
        return changed
    }

    /// Every screen's status fields, for the right of the status line.
    public var statusFields: [String] { screens.flatMap(\.statusFields) }

    private mutating func handleGlobal(_ action: Action) -> Effect {
        switch action {
        case .quit, .back: return .quit
        case .help:
            helpOpen = true
            help = TextViewState()
        case .nextTab: current = current.next()
        case .previousTab: current = current.previous()
        case .showTab(let n): current = ScreenID(rawValue: n) ?? current
        case .redraw: return .repaint
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            return .theme(themeName)
        default:
            message = "\(label(of: action)): nothing to do on \(current.title)"
        }
        return .none
    }

    private mutating func handleHelp(_ key: Key) -> Effect {
        if key == .function(1) { helpOpen = false; return .none }
        guard let action = keyMap.action(for: key, in: [.help]) else {
            if keyMap.action(for: key, in: [.global]) == .quit { return .quit }
            return .none
        }
        if action == .back {
            helpOpen = false
            return .none
        }
        let bounds = Rect(x: 0, y: 0, width: width, height: height)
        let total = TextView.wrap(HelpModal.lines(keyMap), width: HelpModal.frame(in: bounds).width - 4).count
        _ = help.handle(action, total: total, page: HelpModal.pageSize(in: bounds))
        return .none
    }

    private mutating func handleMouse(_ event: MouseEvent) -> Effect {
        if helpOpen {
            switch event.kind {
            case .wheelUp: return handleHelp(.up)
            case .wheelDown: return handleHelp(.down)
            case .press: helpOpen = false
            }
            return .none
        }
        if event.y == 0, event.kind == .press, let id = TabBar.tab(at: event.x, width: width) {
            current = id
            return .none
        }
        _ = screens[current.rawValue - 1].handleMouse(event, body: body)
        return .none
    }

    /// A key with no action here: if the table binds it elsewhere, say why it is off.
    private mutating func explainUnbound(_ key: Key) {
        if let b = keyMap.bindings.first(where: { $0.keys.contains(key) }) {
            if case .disabled(let reason) = availability(of: b.action) {
                message = "\(key.name) \(b.label): \(reason)"
            } else {
                message = "\(key.name) \(b.label): not available on \(current.title)"
            }
        } else {
            message = "\(key.name) is not bound; press ? for the keys"
        }
    }

    private func label(of action: Action) -> String {
        keyMap.bindings.first { $0.action == action }?.label ?? "key"
    }
}
