import CNcursesw
import Foundation

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the command center needs a terminal (stdin and stdout must be a TTY)"
        case .cannotOpen(let term):
            return "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term)); try TERM=xterm-256color"
        }
    }
}

/// The only type that calls ncurses. It copies a Canvas to the screen in one pass,
/// writing only the cells that changed since the last frame (`wnoutrefresh` +
/// `doupdate`), and turns ncurses input into `Key`s.
final class Terminal {
    private var previous: Canvas?
    private var palette = Palette(theme: .mono, mode: .mono)
    private var pairs: [Int32: Int16] = [:]
    private var open = false
    /// Keys decoded from one burst of input beyond the first (a paste, Esc then a key).
    private var pending: [Key] = []

    init() throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        opsdeck_setlocale()
        guard let screen = opsdeck_newterm() else {
            throw TerminalError.cannotOpen(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(screen)
        open = true
        opsdeck_install_signal_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(opsdeck_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        mouseinterval(0)
        mousemask(opsdeck_button1_pressed() | opsdeck_button4_pressed() | opsdeck_button5_pressed(), nil)
    }

    deinit { shutdown() }

    func shutdown() {
        guard open else { return }
        open = false
        endwin()
    }

    var size: (width: Int, height: Int) {
        var y: Int32 = 0, x: Int32 = 0
        opsdeck_getmaxyx(opsdeck_stdscr(), &y, &x)
        return (Int(x), Int(y))
    }

    var colorSupport: (colors: Int, canChange: Bool) {
        has_colors() ? (Int(opsdeck_colors()), can_change_color()) : (0, false)
    }

    /// Switches palettes: defines exact colours when the mode allows, forgets pairs.
    func use(_ palette: Palette) {
        self.palette = palette
        pairs = [:]
        for color in palette.customColors {
            init_color(color.index, ColorMapping.curses1000(color.rgb.r), ColorMapping.curses1000(color.rgb.g),
                       ColorMapping.curses1000(color.rgb.b))
        }
        previous = nil
    }

    /// Writes the canvas. `full` repaints every cell from scratch (resize, Ctrl-L).
    func present(_ canvas: Canvas, full: Bool) {
        let screen = opsdeck_stdscr()
        if full || previous?.width != canvas.width || previous?.height != canvas.height {
            previous = nil
            clearok(screen, true)
        }
        for (x, y) in canvas.changedCells(since: previous) { draw(canvas[x, y], x: x, y: y) }
        previous = canvas
        wnoutrefresh(screen)
        doupdate()
    }

    /// Waits for a key; `timeoutMilliseconds` < 0 waits forever. Nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> Key? {
        if !pending.isEmpty { return pending.removeFirst() }
        let screen = opsdeck_stdscr()
        wtimeout(screen, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let result = opsdeck_get_wch(&ch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return functionKey(Int32(ch)) }
        guard ch == 27 else { return KeyDecoder.decode([UInt32(ch)]).first }
        // An escape sequence terminfo did not describe (e.g. ESC [ Z): take what follows.
        var burst: [UInt32] = [27]
        wtimeout(screen, 0)
        while burst.count < 16, opsdeck_get_wch(&ch) == OK { burst.append(UInt32(ch)) }
        var keys = KeyDecoder.decode(burst)
        guard !keys.isEmpty else { return nil }
        let first = keys.removeFirst()
        pending += keys
        return first
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouse()
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func mouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & opsdeck_button4_pressed() != 0 { kind = .wheelUp }
        else if event.bstate & opsdeck_button5_pressed() != 0 { kind = .wheelDown }
        else if event.bstate & opsdeck_button1_pressed() != 0 { kind = .press }
        else { return nil }
        return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let resolved = palette.resolve(cell.style)
        var attrs = opsdeck_a_normal()
        let a = resolved.attributes
        if a.contains(.bold) { attrs |= opsdeck_a_bold() }
        if a.contains(.dim) { attrs |= opsdeck_a_dim() }
        if a.contains(.reverse) { attrs |= opsdeck_a_reverse() }
        if a.contains(.underline) { attrs |= opsdeck_a_underline() }
        if a.contains(.italic) { attrs |= opsdeck_a_italic() }
        let pair = resolved.hasColor ? pairNumber(fg: resolved.fg, bg: resolved.bg) : 0
        var scalars = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        scalars.append(0)
        _ = scalars.withUnsafeBufferPointer { buffer in
            opsdeck_put_wstr(Int32(y), Int32(x), buffer.baseAddress, attrs, pair)
        }
    }

    /// Colour pairs are made on first use; when the terminal runs out, the default pair
    /// keeps the text readable.
    private func pairNumber(fg: Int16, bg: Int16) -> Int16 {
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < min(Int(opsdeck_color_pairs()), Int(Int16.max)) else { return 0 }
        init_pair(Int16(next), fg, bg)
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
