/// The tab bar on the top row: "OpsDeck" then the six screens with their digits.
/// Titles shorten when the terminal is narrow.
public enum TabBar {
    public struct Tab: Equatable, Sendable {
        public let id: ScreenID
        public let x: Int
        public let text: String
    }

    public static let brand = " OpsDeck "

    /// Where each tab sits on a row of `width` cells, for drawing and mouse clicks.
    public static func layout(width: Int) -> [Tab] {
        for long in [true, false] {
            var x = brand.cellWidth + 1
            var tabs: [Tab] = []
            for id in ScreenID.allCases {
                let text = " \(id.number) \(long ? id.title : id.shortTitle) "
                tabs.append(Tab(id: id, x: x, text: text))
                x += text.cellWidth + 1
            }
            if x <= width || !long { return tabs }
        }
        return []
    }

    public static func tab(at x: Int, width: Int) -> ScreenID? {
        layout(width: width).first { x >= $0.x && x < $0.x + $0.text.cellWidth }?.id
    }

    public static func draw(active: ScreenID, into canvas: inout Canvas, row y: Int) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: CellStyle(fg: .statusFg, bg: .statusBar))
        canvas.write(brand, x: 0, y: y, style: CellStyle(fg: .title, bg: .statusBar, attributes: .bold))
        for tab in layout(width: canvas.width) {
            let style = tab.id == active
                ? CellStyle(fg: .tabActive, bg: .tabActiveBg, attributes: .bold)
                : CellStyle(fg: .tabInactive, bg: .statusBar)
            canvas.write(tab.text, x: tab.x, y: y, style: style)
        }
    }
}
