/// A headline number: a label, the value, and an optional detail line (e.g. "+3.2% vs
/// backtest"). The role colours the value (savings_positive, breach_risk_high, …).
public struct KPITile: Sendable {
    public var label: String
    public var value: String
    public var detail: String?
    public var role: Role

    public init(label: String, value: String, detail: String? = nil, role: Role = .mainFg) {
        self.label = label
        self.value = value
        self.detail = detail
        self.role = role
    }
}

public enum KPITilesView {
    /// Draws tiles side by side in `rect`: framed with the label in the border when there
    /// are four or more rows, otherwise label over value without a frame.
    public static func draw(_ tiles: [KPITile], into canvas: inout Canvas, in rect: Rect) {
        guard !tiles.isEmpty, rect.height > 0 else { return }
        let g = canvas.glyphs
        for (tile, area) in zip(tiles, rect.columns(tiles.count, gap: 1)) where area.width > 2 {
            var inner = area
            if area.height >= 4 {
                inner = canvas.drawBox(area, title: nil)
                canvas.write(" " + tile.label.truncated(toCells: area.width - 4, ellipsis: g.ellipsis) + " ",
                             x: area.x + 1, y: area.y, style: CellStyle(fg: .muted), maxX: area.maxX - 1)
            } else {
                canvas.write(tile.label.truncated(toCells: inner.width, ellipsis: g.ellipsis), x: inner.x, y: inner.y,
                             style: CellStyle(fg: .muted), maxX: inner.maxX)
                inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            }
            guard inner.height > 0 else { continue }
            canvas.write(tile.value.truncated(toCells: inner.width, ellipsis: g.ellipsis), x: inner.x + (area.height >= 4 ? 1 : 0),
                         y: inner.y, style: CellStyle(fg: tile.role, attributes: .bold), maxX: inner.maxX)
            if let detail = tile.detail, inner.height > 1 {
                canvas.write(detail.truncated(toCells: inner.width, ellipsis: g.ellipsis), x: inner.x + (area.height >= 4 ? 1 : 0),
                             y: inner.y + 1, style: CellStyle(fg: .muted), maxX: inner.maxX)
            }
        }
    }
}
