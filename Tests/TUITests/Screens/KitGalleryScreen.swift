import Foundation
@testable import TUI

/// A screen built only from the kit, laid out like the SLA screen will be (queue table,
/// capacity slider with a suggested marker, KPI tiles, capture curve with the capacity
/// marker, priority × channel heatmap). Its numbers are fixed sample values: it proves
/// the widgets compose and shows the focus pattern a real screen follows.
struct KitGalleryScreen: Screen {
    enum Panel: Hashable, Sendable { case queue, capacity }

    let id = ScreenID.sla
    let data: TableData
    var table: TableState
    var slider = SliderState(label: "Capacity", value: 40, minimum: 0, maximum: 120, step: 5, bigStep: 20,
                             unit: "/day", marker: 60)
    var focus = FocusRing<Panel>([.queue, .capacity])
    /// Tickets captured (of 120) by reviewing the top N, N = 0…120: a concave curve.
    let capture: [Double] = (0...120).map { n in 120 * (1 - exp(-Double(n) / 35)) }

    init() {
        let priorities = ["Critical", "High", "Medium", "Low"]
        let channels = ["Email", "Phone", "Chat", "Social"]
        let rows: [[TableCell]] = (0..<30).map { i in
            let loss = Double((i * 37) % 101) * 12.5
            let p = Double((i * 53) % 97) / 97
            return [TableCell(String(format: "T-%04d", 1000 + i)),
                    TableCell(priorities[i % 4]), TableCell(channels[(i / 4) % 4]),
                    .number(p, String(format: "%.2f", p), role: p > 0.7 ? .breachRiskHigh : p > 0.4 ? .breachRiskMedium : .breachRiskLow),
                    .number(loss, String(format: "%.1f", loss))]
        }
        data = TableData(columns: [
            TableColumn("Ticket", minWidth: 6, priority: 0),
            TableColumn("Priority", priority: 2),
            TableColumn("Channel", priority: 3),
            TableColumn("p(breach)", alignment: .right, minWidth: 5, priority: 1),
            TableColumn("Exp. loss", alignment: .right, minWidth: 7, priority: 0),
        ], rows: rows)
        table = TableState(data: data, sortColumn: 4, ascending: false)
    }

    var keyScopes: [KeyScope] {
        let tableScopes = table.scopes
        let sliderScopes = slider.scopes
        if sliderScopes.first == .textEntry { return sliderScopes + [.table] }
        if tableScopes.first == .textEntry { return tableScopes + [.slider] }
        return focus.isFocused(.queue) ? [.table, .slider] : [.slider, .table]
    }

    func layout(_ body: Rect) -> (tiles: Rect, slider: Rect, table: Rect, chart: Rect, heat: Rect) {
        let inner = body.inset(dx: 1, dy: 1)
        let (tiles, rest) = inner.sliceTop(4)
        let (slider, rest2) = rest.sliceTop(2)
        let (left, right) = rest2.sliceLeft(rest2.width * 11 / 20)
        let (chart, heat) = right.sliceTop(max(4, right.height - 6))
        return (tiles, slider, left, chart, heat)
    }

    mutating func handle(_ action: Action, body: Rect) -> Bool {
        if action == .focusNext { focus.next(); return true }
        let page = TableView.pageSize(in: layout(body).table, state: table)
        if keyScopes.first == .slider || keyScopes.first == .textEntry && slider.entry != nil {
            return slider.handle(action) || table.handle(action, data: data, pageSize: page)
        }
        return table.handle(action, data: data, pageSize: page) || slider.handle(action)
    }

    mutating func type(_ character: Character, body: Rect) -> Bool {
        if slider.entry != nil { return slider.type(character) }
        return table.type(character, data: data, pageSize: TableView.pageSize(in: layout(body).table, state: table))
    }

    /// The wheel scrolls the queue; a click selects a row and focuses the queue, a click
    /// on the slider row focuses the slider.
    mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        let l = layout(body)
        let page = TableView.pageSize(in: l.table, state: table)
        switch event.kind {
        case .wheelUp: table.scroll(by: -3, pageSize: page)
        case .wheelDown: table.scroll(by: 3, pageSize: page)
        case .press:
            if let row = TableView.visibleRow(at: event.y, in: l.table, state: table), l.table.contains(x: event.x, y: event.y) {
                table.select(visibleRow: row, pageSize: page)
                focus.focus(.queue)
            } else if l.slider.contains(x: event.x, y: event.y) {
                focus.focus(.capacity)
            } else {
                return false
            }
        }
        return true
    }

    var statusMessage: String? { slider.entryError }

    /// Net savings at capacity N: tickets captured × 40 saved, minus N reviews × 25.
    func netSavings(_ n: Double) -> Double { capture[Int(n)] * 40 - n * 25 }

    func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        canvas.drawBox(body, title: "1 SLA queue · kit gallery")
        let l = layout(body)
        let n = slider.value
        let net = netSavings(n)
        KPITilesView.draw([
            KPITile(label: "Reviews/day", value: String(format: "%.0f", n)),
            KPITile(label: "Breaches prevented", value: String(format: "%.1f", capture[Int(n)])),
            KPITile(label: "Net savings", value: String(format: "%.0f", net),
                    role: net >= 0 ? .savingsPositive : .savingsNegative),
            KPITile(label: "ROI", value: n > 0 ? String(format: "%.1f×", net / (n * 25)) : "–"),
        ], into: &canvas, in: l.tiles)
        SliderView.draw(slider, into: &canvas, in: l.slider, focused: focus.isFocused(.capacity))
        TableView.draw(data, state: table, into: &canvas, in: l.table, focused: focus.isFocused(.queue))
        let chartArea = Rect(x: l.chart.x + 1, y: l.chart.y, width: l.chart.width - 1, height: l.chart.height)
        LineChart(values: capture, area: true, marker: n, xLabels: ("0", "120/day"))
            .draw(into: &canvas, in: chartArea)
        Heatmap(rowLabels: ["Critical", "High", "Medium", "Low"], columnLabels: ["Email", "Phone", "Chat", "Social"],
                values: [[0.62, 0.55, 0.48, 0.7], [0.41, 0.33, 0.3, 0.52], [0.2, 0.16, 0.12, 0.25], [0.08, 0.05, nil, 0.1]],
                range: 0...0.7, format: "%.0f%%", scale: 100)
            .draw(into: &canvas, in: Rect(x: l.heat.x + 1, y: l.heat.y + 1, width: l.heat.width - 1, height: l.heat.height - 1))
    }
}
