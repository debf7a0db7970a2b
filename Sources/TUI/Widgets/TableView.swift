/// Draws a table: a header with the sort arrow, the visible rows with the selection
/// highlighted, and, while searching or filtered, a `/query` line at the bottom.
public enum TableView {
    /// Rows of data that fit in `rect` (header and search line excluded).
    public static func pageSize(in rect: Rect, state: TableState) -> Int {
        max(0, rect.height - 1 - (showsSearchLine(state) ? 1 : 0))
    }

    public static func draw(_ data: TableData, state: TableState, into canvas: inout Canvas, in rect: Rect,
                            focused: Bool = true) {
        guard rect.width > 0, rect.height > 0 else { return }
        let g = canvas.glyphs
        let widths = TableLayout.widths(for: data, available: rect.width)
        let header = CellStyle(fg: .title, attributes: .bold)
        var x = rect.x
        for (c, column) in data.columns.enumerated() {
            guard let w = widths[c] else { continue }
            var title = column.title
            if state.sortColumn == c { title += String(state.ascending ? g.sortAscending : g.sortDescending) }
            let text = title.padded(toCells: w, alignRight: column.alignment == .right, ellipsis: g.ellipsis)
            canvas.write(text, x: x, y: rect.y, style: header, maxX: rect.maxX)
            x += w + 1
        }
        let page = pageSize(in: rect, state: state)
        if state.order.isEmpty, page > 0 {
            let text = state.query.isEmpty ? "No rows." : "No rows match \"\(state.query)\"."
            canvas.write(text, x: rect.x, y: rect.y + 1, style: CellStyle(fg: .muted), maxX: rect.maxX)
        }
        for line in 0..<page {
            let i = state.offset + line
            guard i < state.order.count else { break }
            let r = state.order[i]
            let y = rect.y + 1 + line
            let isSelected = i == state.selected
            let rowBg: Role = isSelected && focused ? .selection : .mainBg
            if isSelected {
                canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1),
                            style: CellStyle(fg: .selectionFg, bg: rowBg, attributes: focused ? [] : .underline))
            }
            x = rect.x
            for (c, column) in data.columns.enumerated() {
                guard let w = widths[c] else { continue }
                let cell = data.cell(r, c)
                let fg: Role = isSelected && focused ? .selectionFg : (cell.role ?? .mainFg)
                let style = CellStyle(fg: fg, bg: rowBg, attributes: isSelected && !focused ? .underline : [])
                let text = cell.text.padded(toCells: w, alignRight: column.alignment == .right, ellipsis: g.ellipsis)
                canvas.write(text, x: x, y: y, style: style, maxX: rect.maxX)
                x += w + 1
            }
        }
        if showsSearchLine(state) {
            let prompt = "/" + state.query + (state.isSearching ? "_" : "")
            let count = "  \(state.order.count) of \(data.rows.count)"
            let y = rect.maxY - 1
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .normal)
            let used = canvas.write(prompt, x: rect.x, y: y, style: CellStyle(fg: .hiFg, attributes: .bold), maxX: rect.maxX)
            canvas.write(count, x: rect.x + used, y: y, style: CellStyle(fg: .muted), maxX: rect.maxX)
        }
    }

    /// "12/340" for a title or status line.
    public static func position(_ state: TableState) -> String {
        state.order.isEmpty ? "0/0" : "\(state.selected + 1)/\(state.order.count)"
    }

    /// The visible row under screen row `y`, for mouse clicks.
    public static func visibleRow(at y: Int, in rect: Rect, state: TableState) -> Int? {
        let line = y - rect.y - 1
        guard line >= 0, line < pageSize(in: rect, state: state), state.offset + line < state.order.count else { return nil }
        return line
    }

    private static func showsSearchLine(_ state: TableState) -> Bool { state.isSearching || !state.query.isEmpty }
}
