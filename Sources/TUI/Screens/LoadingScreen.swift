/// A screen whose data is still being read behind the first frame (`ScreenLoading`): it says
/// what it waits for and how far the load is, keeps the tab keys working, and is replaced by
/// the real screen as soon as the load hands it over. A request another screen made of it
/// (a customer's rep) is kept and passed on to the real screen.
public struct LoadingScreen: Screen {
    public let id: ScreenID
    let loading: ScreenLoading
    /// A request made while loading, handed to the real screen when it arrives.
    public private(set) var request: ScreenRequest?

    public init(id: ScreenID, loading: ScreenLoading) {
        self.id = id
        self.loading = loading
    }

    /// "loading customers… 40 %", or why the load stopped.
    public var line: String {
        if let failure = loading.failure { return "\(id.title) could not be loaded: \(failure)" }
        let p = loading.progress
        return "loading \(p.step)… \(p.percent) %"
    }

    public func availability(of action: Action) -> Availability {
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .search,
             .sortNext, .sortPrevious, .reverseSort, .increase, .decrease, .bigIncrease, .bigDecrease,
             .minimum, .maximum, .enterValue, .focusNext:
            return .disabled(loading.failure == nil ? "\(id.title) is still loading (\(loading.progress.percent) %)"
                                                    : "\(id.title) could not be loaded")
        default:
            return .enabled
        }
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool { false }

    public mutating func receive(_ request: ScreenRequest, body: Rect) { self.request = request }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        let inner = canvas.drawBox(body, title: "\(id.number) \(id.title)")
        let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var lines: [TextLine]
        if let failure = loading.failure {
            lines = [TextLine("\(id.title) could not be loaded.", role: .warning, attributes: .bold), TextLine(""),
                     TextLine(failure)]
        } else {
            let p = loading.progress
            lines = [TextLine("Loading \(id.title)…", role: .title, attributes: .bold), TextLine(""),
                     TextLine("reading \(p.step): \(p.percent) % of the run's sales screens", role: .muted),
                     TextLine(""),
                     TextLine("Screen 1 (SLA queue) is ready; this one appears here as soon as its data is read.")]
        }
        lines.append(TextLine(""))
        lines.append(TextLine("This screen will show:", role: .muted))
        lines += id.placeholder.map { TextLine("  " + $0) }
        TextView.draw(lines, state: TextViewState(), into: &canvas, in: text)
    }
}
