import Engine

/// The Models screen's second view: the run's churn and value model cards as text, side by
/// side when the terminal is wide enough, else one after the other; both scroll together.
extension ModelsScreen {
    /// Below this inner width the cards share one column.
    static let twoPaneWidth = 140

    func cardPanes(_ body: Rect) -> [Rect] {
        let inner = body.inset(dx: 1, dy: 1)
        guard model.modelCards.count > 1, inner.width >= Self.twoPaneWidth else { return [inner] }
        let (left, right) = inner.sliceLeft(inner.width / 2)
        return [left, right]
    }

    /// The text of each pane, before wrapping.
    func cardText(panes: Int) -> [[TextLine]] {
        if model.modelCards.isEmpty {
            return [[TextLine("This run saved no model cards (it was saved before runs kept them); run the pipeline again.",
                              role: .muted)]]
        }
        let cards = model.modelCards.map { ModelCardText.lines($0).map(Self.styled) }
        if panes > 1 { return cards }
        return [cards.enumerated().flatMap { k, lines in (k > 0 ? [TextLine("")] : []) + lines }]
    }

    static func styled(_ line: String) -> TextLine {
        if line.hasPrefix("model card") { return TextLine(line, role: .title, attributes: .bold) }
        if line.contains("leakage guard") { return TextLine(line, role: .warning) }
        if line.hasPrefix("note:") || line.hasPrefix("  evaluation:") || line.hasPrefix("  holdout:") {
            return TextLine(line, role: .muted)
        }
        return TextLine(line)
    }

    /// Wrapped line count of the longest pane and the rows a pane shows.
    func cardExtent(_ body: Rect) -> (total: Int, page: Int) {
        let panes = cardPanes(body)
        let text = cardText(panes: panes.count)
        let total = zip(panes, text).map { pane, lines in TextView.wrap(lines, width: pane.width - 2).count }.max() ?? 0
        return (total, (panes.first?.height ?? 2) - 2)
    }

    mutating func handleCards(_ action: Action, body: Rect) -> Bool {
        if action == .back {
            showingCards = false
            return true
        }
        let (total, page) = cardExtent(body)
        return cardScroll.handle(action, total: total, page: page)
    }

    func drawCards(into canvas: inout Canvas, in body: Rect) {
        let n = model.modelCards.count
        canvas.drawBox(body, title: "6 Models & run · run \(model.runId) · \(n) model card\(n == 1 ? "" : "s") · m returns")
        let panes = cardPanes(body)
        let text = cardText(panes: panes.count)
        for (k, (pane, lines)) in zip(panes, text).enumerated() {
            let title = panes.count > 1 ? (model.modelCards[k].name ?? "model") + " model" : "churn and value models"
            let inner = canvas.drawBox(pane, title: title)
            TextView.draw(lines, state: cardScroll, into: &canvas, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2,
                                                                           height: inner.height))
        }
    }
}
