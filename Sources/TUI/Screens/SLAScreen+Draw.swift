import Engine
import Foundation

/// Layout and drawing of the SLA screen. Wide terminals get the queue on the left and the
/// capture curve over the heatmap on the right; narrow ones stack the charts under the
/// queue when there is height for them and leave them out otherwise.
extension SLAScreen {
    struct Layout {
        var tiles: Rect
        var slider: Rect
        var cost: Rect
        var effectiveness: Rect
        /// Economics, the two rankings and the roster (`SLAScreen+Economics`).
        var economics: Rect
        var tableBox: Rect
        var table: Rect
        var chartBox: Rect?
        var heatBox: Rect?
        /// Where the ticket detail replaces the queue and charts.
        var detail: Rect
    }

    func layout(_ body: Rect) -> Layout {
        let inner = body.inset(dx: 1, dy: 1)
        let tall = inner.height >= 30
        let (tiles, rest) = inner.sliceTop(tall ? 4 : 3)
        let (slider, rest2) = rest.sliceTop(2)
        let (params, rest3) = rest2.sliceTop(1)
        let (economics, lower) = rest3.sliceTop(Self.economicsRows(tall: tall, below: rest3.height))
        let halves = params.columns(2, gap: 3)
        var l = Layout(tiles: tiles, slider: slider, cost: halves[0], effectiveness: halves[1], economics: economics, tableBox: lower,
                       table: lower.inset(dx: 1, dy: 1), chartBox: nil, heatBox: nil, detail: lower)
        if lower.width >= 120 {
            let (left, right) = lower.sliceLeft(lower.width * 11 / 20)
            let (chart, heat) = right.sliceTop(max(6, right.height - 7))
            l.tableBox = left
            l.chartBox = chart
            l.heatBox = heat
        } else if lower.height >= 24 {
            let (top, bottom) = lower.sliceBottom(9)
            let (chart, heat) = bottom.sliceLeft(bottom.width / 2)
            l.tableBox = top
            l.chartBox = chart
            l.heatBox = heat
        }
        l.table = l.tableBox.inset(dx: 1, dy: 1)
        return l
    }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        let s = snapshot
        let days = s.backtest.days.count
        canvas.drawBox(body, title: "1 SLA queue · \(s.rows.count) open · backtest \(days) days of \(s.resolvedTickets) "
                       + "resolved · \(s.modelName), AUC " + String(format: "%.2f", s.quality.auc))
        let l = layout(body)
        drawTiles(into: &canvas, in: l.tiles)
        // The replay panel covers the sliders and everything under them.
        if let panel = replay {
            drawReplay(panel, into: &canvas, in: body)
            return
        }
        SliderView.draw(capacity, into: &canvas, in: l.slider, focused: focus.isFocused(.capacity))
        SliderView.draw(cost, into: &canvas, in: l.cost, focused: focus.isFocused(.cost))
        SliderView.draw(effectiveness, into: &canvas, in: l.effectiveness, focused: focus.isFocused(.effectiveness))
        drawEconomics(into: &canvas, in: l.economics)
        if let live, live.alertsOpen {
            let holding = live.alertState.activeCount
            let inner = canvas.drawBox(l.detail, title: "Alerts · \(holding) holding · \(live.fired.count) fired · Esc back", focused: true)
            TextView.draw(alertLines(), state: live.alertScroll, into: &canvas, in: inner.inset(dx: 1, dy: 0))
            return
        }
        if let row = detailRow {
            let inner = canvas.drawBox(l.detail, title: "Ticket \(s.rows[row].id) · Esc back · e escalate", focused: true)
            TextView.draw(detailLines(row), state: detailScroll, into: &canvas, in: inner.inset(dx: 1, dy: 0))
            return
        }
        let n = Int(capacity.value)
        let caught = capture.isEmpty ? 0 : capture[min(n, capture.count - 1)]
        let title = "Open tickets by expected loss · \(TableView.position(table)) · top \(n)/day catch "
            + String(format: "%.0f%%", caught) + " of breach cost"
        canvas.drawBox(l.tableBox, title: title, focused: focus.isFocused(.queue))
        TableView.draw(data, state: table, into: &canvas, in: l.table, focused: focus.isFocused(.queue))
        if let box = l.chartBox {
            let inner = canvas.drawBox(box, title: "Breach cost caught (%) by escalations/day · backtest")
            LineChart(values: capture, area: true, yRange: 0...100, marker: capacity.value,
                      xLabels: ("0", String(format: "%.0f/day", capacity.maximum)))
                .draw(into: &canvas, in: inner.inset(dx: 1, dy: 0))
        }
        if let box = l.heatBox {
            let inner = canvas.drawBox(box, title: "Breach rate · priority × channel · resolved")
            heatmap.draw(into: &canvas, in: inner.inset(dx: 1, dy: 0))
        }
    }

    /// Five tiles: the backtest figure large, today's open queue under it.
    func drawTiles(into canvas: inout Canvas, in rect: Rect) {
        let b = view.backtest, o = view.openQueue
        KPITilesView.draw([
            KPITile(label: "Reviews", value: SLAFormat.count(Double(b.reviews)), detail: "today \(o.reviews)"),
            KPITile(label: rect.width >= 100 ? "Breaches prevented" : "Prevented", value: SLAFormat.count(b.breachesPrevented),
                    detail: "today " + SLAFormat.count(o.breachesPrevented)),
            KPITile(label: rect.width >= 100 ? "Operations cost" : "Ops cost", value: SLAFormat.money(b.operationsCost),
                    detail: "today " + SLAFormat.money(o.operationsCost)),
            KPITile(label: "Net savings", value: SLAFormat.money(b.netSavings),
                    detail: "today " + SLAFormat.money(o.netSavings),
                    role: b.netSavings >= 0 ? .savingsPositive : .savingsNegative),
            KPITile(label: "ROI", value: SLAFormat.roi(b.roi), detail: "today " + SLAFormat.roi(o.roi)),
        ], into: &canvas, in: rect)
    }

    var heatmap: Heatmap {
        // Most urgent first; the desk's own labels, long ones cut to their first word.
        let rows = Array(snapshot.heatmapPriorities.indices.reversed())
        let channels = snapshot.heatmapChannels
        let values: [[Double?]] = rows.map { r in
            channels.indices.map { c in
                guard r < snapshot.heatmapCount.count, c < snapshot.heatmapCount[r].count,
                      snapshot.heatmapCount[r][c] > 0 else { return nil }
                return snapshot.heatmapRate[r][c]
            }
        }
        func short(_ s: String) -> String { s.count > 10 ? String(s.split(separator: " ").first ?? Substring(s.prefix(10))) : s }
        return Heatmap(rowLabels: rows.map { short(snapshot.heatmapPriorities[$0]) }, columnLabels: channels.map(short),
                       values: values, format: "%.0f%%", scale: 100)
    }
}
