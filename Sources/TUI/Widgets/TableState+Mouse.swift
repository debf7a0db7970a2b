extension TableState {
    /// The wheel scrolls three rows; a click inside `rect` selects the row under it.
    /// Returns false for a click outside the table.
    public mutating func handleMouse(_ event: MouseEvent, in rect: Rect) -> Bool {
        let page = TableView.pageSize(in: rect, state: self)
        switch event.kind {
        case .wheelUp: scroll(by: -3, pageSize: page)
        case .wheelDown: scroll(by: 3, pageSize: page)
        case .press:
            guard rect.contains(x: event.x, y: event.y), let row = TableView.visibleRow(at: event.y, in: rect, state: self) else {
                return false
            }
            select(visibleRow: row, pageSize: page)
        }
        return true
    }
}
