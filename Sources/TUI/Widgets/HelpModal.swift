/// The `?` help: a centred frame over the screen listing every binding of the table,
/// scrollable, closed with Esc, `q` or `?`.
public enum HelpModal {
    /// The frame the help occupies on a screen of `size`.
    public static func frame(in bounds: Rect) -> Rect {
        let width = min(bounds.width - 4, 96)
        let height = bounds.height - 5
        return Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + 2, width: width, height: height)
    }

    public static func lines(_ keyMap: KeyMap) -> [TextLine] {
        keyMap.helpLines().map { line in
            line.hasPrefix(" ") || line.isEmpty ? TextLine(line) : TextLine(line, role: .title, attributes: .bold)
        }
    }

    /// Visible rows of text inside the frame.
    public static func pageSize(in bounds: Rect) -> Int { max(1, frame(in: bounds).height - 2) }

    public static func draw(_ keyMap: KeyMap, state: TextViewState, into canvas: inout Canvas) {
        let box = frame(in: canvas.bounds)
        guard box.width > 10, box.height > 4 else { return }
        canvas.fill(box, style: .normal)
        let all = lines(keyMap)
        let inner = canvas.drawBox(box, title: "Keys", focused: true)
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        TextView.draw(all, state: state, into: &canvas, in: text)
        let total = TextView.wrap(all, width: text.width).count
        let hint = total > text.height
            ? " \(min(total, state.offset + text.height))/\(total) · Esc closes "
            : " Esc closes "
        canvas.writeRight(hint, maxX: box.maxX - 2, y: box.maxY - 1, style: CellStyle(fg: .muted))
    }
}
