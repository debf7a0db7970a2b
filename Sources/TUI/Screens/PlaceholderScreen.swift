/// A screen whose data is not wired yet: it says plainly what will be there and shows
/// the dataset summary, so an empty command center is still informative.
public struct PlaceholderScreen: Screen {
    public let id: ScreenID

    public init(id: ScreenID) {
        self.id = id
    }

    public func availability(of action: Action) -> Availability {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .search,
             .sortNext, .sortPrevious, .reverseSort:
            return .disabled("\(id.title) has no rows yet")
        case .increase, .decrease, .bigIncrease, .bigDecrease, .minimum, .maximum, .enterValue:
            return .disabled("\(id.title) has no slider yet")
        case .focusNext:
            return .disabled("\(id.title) has one panel")
        default:
            return .enabled
        }
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool { false }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        let inner = canvas.drawBox(body, title: "\(id.number) \(id.title)")
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var lines: [TextLine] = [
            TextLine("Nothing to show here yet.", role: .title, attributes: .bold),
            TextLine(""),
            TextLine("This screen will show:", role: .muted),
        ]
        lines += id.placeholder.map { TextLine("  " + $0) }
        lines.append(TextLine(""))
        lines += id.needs.map { TextLine($0) }
        lines.append(TextLine(""))
        if context.summary.isEmpty {
            lines.append(TextLine("No dataset is loaded.", role: .muted))
        } else {
            lines.append(TextLine("Dataset:", role: .muted))
            lines += context.summary.map { TextLine("  " + $0) }
        }
        TextView.draw(lines, state: TextViewState(), into: &canvas, in: text)
    }
}
