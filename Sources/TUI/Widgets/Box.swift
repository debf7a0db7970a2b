extension Canvas {
    /// Draws a frame around `rect` with an optional title in the top border and returns
    /// the inner rectangle. Too small a rectangle gets no frame.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String? = nil, focused: Bool = false) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        let border = CellStyle(fg: focused ? .title : .border)
        let g = glyphs
        for x in rect.x + 1..<rect.maxX - 1 {
            put(g.horizontal, x: x, y: rect.y, style: border)
            put(g.horizontal, x: x, y: rect.maxY - 1, style: border)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put(g.vertical, x: rect.x, y: y, style: border)
            put(g.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        put(g.topLeft, x: rect.x, y: rect.y, style: border)
        put(g.topRight, x: rect.maxX - 1, y: rect.y, style: border)
        put(g.bottomLeft, x: rect.x, y: rect.maxY - 1, style: border)
        put(g.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        if let title, rect.width > 6 {
            let text = " " + title.truncated(toCells: rect.width - 6, ellipsis: g.ellipsis) + " "
            write(text, x: rect.x + 2, y: rect.y, style: CellStyle(fg: .title, attributes: .bold), maxX: rect.maxX - 2)
        }
        return rect.inset(dx: 1, dy: 1)
    }

    /// Writes text at the right end of a row, returning the x where it starts.
    @discardableResult
    public mutating func writeRight(_ string: String, maxX: Int, y: Int, style: CellStyle) -> Int {
        let x = maxX - string.cellWidth
        write(string, x: x, y: y, style: style, maxX: maxX)
        return x
    }

    /// Writes text centred in `rect` on row `y`.
    public mutating func writeCentered(_ string: String, in rect: Rect, y: Int, style: CellStyle) {
        let text = string.truncated(toCells: rect.width, ellipsis: glyphs.ellipsis)
        write(text, x: rect.x + max(0, (rect.width - text.cellWidth) / 2), y: y, style: style, maxX: rect.maxX)
    }
}
