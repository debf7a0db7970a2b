/// The event loop: read a key, let `AppState` handle it, render a frame into a Canvas,
/// hand it to `Terminal`. Everything but the terminal calls is in `AppState` and
/// `CommandCenterView`, so they are tested without one.
final class App {
    private let setup: Setup
    private let context: CommandCenterContext
    private var state: AppState
    private let terminal: Terminal
    private var warnings: [String] = []

    private let loading: ScreenLoading?

    init(setup: Setup, context: CommandCenterContext, screens: [any Screen], loading: ScreenLoading? = nil) throws {
        self.setup = setup
        self.context = context
        self.loading = loading
        terminal = try Terminal()
        let size = terminal.size
        let lock = setup.colorDisabled ? "colours are off (NO_COLOR or --no-color)" : nil
        state = AppState(screens: screens, themeNames: setup.catalog.names(), theme: setup.theme.name, themeLock: lock,
                         width: size.width, height: size.height,
                         message: setup.warnings.isEmpty ? nil
                             : "\(setup.warnings.count) config/theme warning(s); listed on exit", loading: loading)
        applyTheme(setup.theme)
    }

    /// Runs until quit or `maxFrames`; returns warnings met on the way (theme files
    /// loaded by cycling).
    func run() -> [String] {
        defer { terminal.shutdown() }
        var frames = 0
        var full = true
        // With a frame budget the loop ticks even when idle, so a headless run ends; while a
        // screen runs a background job it ticks too, so its progress line moves.
        // A screen with a running clock asks for an idle tick; one that changed nothing at the
        // same size needs no new frame (idle CPU stays near zero).
        let idleTick = setup.maxFrames == nil ? state.idleInterval ?? -1 : 100
        var skipFrame = false
        while true {
            if state.isBusy { state.tick() }
            let size = terminal.size
            if !(skipFrame && size.width == state.width && size.height == state.height) {
                state.width = size.width
                state.height = size.height
                let canvas = CommandCenterView.render(state, context: state.frameContext(context), width: size.width,
                                                      height: size.height, glyphs: setup.glyphs)
                terminal.present(canvas, full: full)
                full = false
                // The first frame is on screen: now read the rest behind it.
                if frames == 0 { loading?.start() }
                frames += 1
                if let max = setup.maxFrames, frames >= max { return warnings }
            }
            skipFrame = false
            guard let key = terminal.readKey(timeoutMilliseconds: state.isBusy ? 100 : idleTick) else {
                let changed = state.idle()
                skipFrame = setup.maxFrames == nil && !changed && !state.isBusy
                continue
            }
            switch state.handle(key) {
            case .none: break
            case .quit: return warnings
            case .repaint: full = true
            case .theme(let name):
                do {
                    let loaded = try setup.catalog.load(name)
                    warnings += loaded.warnings.map(\.description)
                    applyTheme(loaded.theme)
                } catch {
                    warnings.append("\(error)")
                }
                full = true
            }
        }
    }

    private func applyTheme(_ theme: Theme) {
        let info = terminal.colorSupport
        let mode = setup.colorDisabled ? .mono
            : setup.colorOverride ?? ColorMode.detect(colors: info.colors, canChangeColor: info.canChange, noColor: false,
                                                    environment: setup.environment)
        terminal.use(Palette(theme: theme, mode: mode, maxColors: info.colors))
    }
}
