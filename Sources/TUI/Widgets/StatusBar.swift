/// The two bottom rows: a status line (dataset summary or a message, theme name) and a
/// key-hint bar built from the binding table.
public enum StatusBar {
    public static func drawStatus(left: String, right: String, isMessage: Bool, into canvas: inout Canvas, row y: Int) {
        let base = CellStyle(fg: .statusFg, bg: .statusBar)
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: base)
        let rightText = " " + right + " "
        let rightX = canvas.width - rightText.cellWidth
        let leftStyle = isMessage ? CellStyle(fg: .warning, bg: .statusBar, attributes: .bold) : base
        canvas.write(" " + left.truncated(toCells: max(0, rightX - 2), ellipsis: canvas.glyphs.ellipsis),
                     x: 0, y: y, style: leftStyle, maxX: max(0, rightX - 1))
        if rightX > canvas.width / 2 { canvas.write(rightText, x: rightX, y: y, style: base.with(.dim)) }
    }

    /// The right-hand fields joined with " · ", dropping the last ones (the theme first) until
    /// they fit the right half of a `width`-cell line: the clock and the alert count stay.
    public static func fitted(_ fields: [String], width: Int) -> String {
        var shown = fields
        while shown.count > 1, shown.joined(separator: " · ").cellWidth + 2 >= width - width / 2 { shown.removeLast() }
        return shown.joined(separator: " · ")
    }

    /// "q quit  ? help  Tab next …": keys in the highlight colour, labels plain; as many
    /// as fit. Hints whose action is disabled are drawn muted.
    public static func drawHints(_ bindings: [Binding], disabled: Set<Action> = [], into canvas: inout Canvas, row y: Int) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: .normal)
        var x = 1
        var seenLabels = Set<String>()
        for b in bindings where seenLabels.insert(b.label).inserted {
            let key = b.shortKeyText
            let width = key.cellWidth + 1 + b.label.cellWidth + 2
            if x + width > canvas.width { break }
            let off = disabled.contains(b.action)
            canvas.write(key, x: x, y: y, style: CellStyle(fg: off ? .muted : .hiFg, attributes: off ? [] : .bold))
            canvas.write(b.label, x: x + key.cellWidth + 1, y: y, style: CellStyle(fg: .muted))
            x += width
        }
    }
}
