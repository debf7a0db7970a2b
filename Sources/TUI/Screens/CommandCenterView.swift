import Foundation

/// Draws a whole frame from the app state: tab bar, the current screen, status line
/// and key hints, the help on top when open — or a plain "terminal too small" notice.
/// Pure: the same state and size give the same canvas, which golden tests compare.
public enum CommandCenterView {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// The area a screen draws in: everything but the tab row and the two bottom rows.
    public static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }

    public static func render(_ state: AppState, context: CommandCenterContext, width: Int, height: Int,
                              glyphs: Glyphs) -> Canvas {
        var canvas = Canvas(width: width, height: height, glyphs: glyphs)
        guard width >= minimumWidth, height >= minimumHeight else {
            drawTooSmall(into: &canvas)
            return canvas
        }
        TabBar.draw(active: state.current, into: &canvas, row: 0)
        if let last = TabBar.layout(width: width).last {
            let free = width - (last.x + last.text.cellWidth) - 2
            if free > 4, !context.title.isEmpty {
                canvas.writeRight(context.title.truncated(toCells: free, ellipsis: glyphs.ellipsis) + " ", maxX: width,
                                  y: 0, style: CellStyle(fg: .statusFg, bg: .statusBar, attributes: .dim))
            }
        }
        let body = body(width: width, height: height)
        state.screen.draw(into: &canvas, in: body, context: context)
        let summary = context.summary.isEmpty ? "No dataset loaded" : context.summary.joined(separator: " · ")
        let message = state.message ?? state.screen.statusMessage
        StatusBar.drawStatus(left: message ?? summary, right: StatusBar.fitted(state.statusFields + [state.themeLock == nil ? "theme: \(state.themeName)" : "no colour (NO_COLOR)"], width: width), isMessage: message != nil,
                             into: &canvas, row: height - 2)
        let disabled = Set(state.keyMap.bindings.map(\.action).filter {
            if case .disabled = state.availability(of: $0) { return true }
            return false
        })
        StatusBar.drawHints(state.keyMap.barBindings(for: state.scopes), disabled: disabled,
                            into: &canvas, row: height - 1)
        if state.helpOpen {
            HelpModal.draw(state.keyMap, state: state.help, into: &canvas)
        }
        return canvas
    }

    static func drawTooSmall(into canvas: inout Canvas) {
        let lines = [
            "Terminal too small: \(canvas.width)×\(canvas.height).",
            "OpsDeck needs at least \(minimumWidth)×\(minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        // Wrapped to the width, so a narrow window still reads every word; the first
        // sentence keeps the warning style on all its rows.
        let glyphs = canvas.glyphs
        let rows = lines.enumerated().flatMap { i, line in
            wrap(glyphs.isUnicode ? line : line.replacingOccurrences(of: "×", with: "x"), width: canvas.width).map { (i, $0) }
        }
        let shown = rows.prefix(canvas.height)
        let top = max(0, (canvas.height - shown.count) / 2)
        for (k, (i, text)) in shown.enumerated() {
            canvas.writeCentered(text, in: canvas.bounds, y: top + k,
                                 style: CellStyle(fg: i == 0 ? .warning : .mainFg, attributes: i == 0 ? .bold : []))
        }
    }

    /// Greedy word wrap to `width` columns (≥ 1); a word longer than the width is split.
    static func wrap(_ text: String, width: Int) -> [String] {
        let w = max(1, width)
        var out: [String] = [], line = ""
        for word in text.split(separator: " ") {
            var rest = Substring(word)
            while rest.count > w {
                if !line.isEmpty { out.append(line); line = "" }
                out.append(String(rest.prefix(w))); rest = rest.dropFirst(w)
            }
            if rest.isEmpty { continue }
            if line.isEmpty { line = String(rest) } else if line.count + 1 + rest.count <= w { line += " " + rest } else {
                out.append(line); line = String(rest)
            }
        }
        if !line.isEmpty { out.append(line) }
        return out
    }
}
