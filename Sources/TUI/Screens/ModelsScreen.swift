import Engine

/// Screen 6: the run's KPIs against their targets, ROC and calibration of the churn model,
/// feature importance, the quality-gate report, the stage trace with durations, and the
/// selected KPI across the store's runs (drift). `m` swaps in the churn and value models'
/// cards (ModelsScreen+Card.swift).
public struct ModelsScreen: Screen {
    public let id = ScreenID.models
    let model: ModelsRunModel
    let data: TableData
    var table: TableState
    /// The model cards are shown instead of the run overview, scrolled to `cardScroll`.
    var showingCards = false
    var cardScroll = TextViewState()

    public init(model: ModelsRunModel) {
        self.model = model
        data = Self.table(model)
        table = TableState(data: data)
    }

    static func duration(_ s: Double) -> String {
        s < 1 ? fixed(s * 1000, 0) + " ms" : fixed(s, 2) + " s"
    }

    static func number(_ v: Double) -> String {
        abs(v) >= 100 || v == v.rounded() ? fixed(v, 0) : fixed(v, 3)
    }

    static func table(_ m: ModelsRunModel) -> TableData {
        let rows: [[TableCell]] = m.kpis.map { k in
            [TableCell(k.name), .number(k.value, number(k.value), role: k.target == nil ? nil : k.met ? .savingsPositive : .breachRiskHigh),
             k.target.map { .number($0, (k.higherIsBetter ? "≥ " : "≤ ") + number($0)) } ?? TableCell("", sortKey: .missing),
             TableCell(k.target == nil ? "" : k.met ? "met" : "missed", role: k.met ? nil : .breachRiskHigh)]
        }
        return TableData(columns: [
            TableColumn("KPI", minWidth: 10, maxWidth: 30, priority: 0, flexible: true),
            TableColumn("Value", alignment: .right, minWidth: 6, priority: 0),
            TableColumn("Target", alignment: .right, minWidth: 6, priority: 1), TableColumn("", minWidth: 6, priority: 2),
        ], rows: rows)
    }

    public var keyScopes: [KeyScope] { showingCards ? [.screen(.models)] : table.scopes + [.screen(.models)] }

    public func availability(of action: Action) -> Availability {
        if action == .custom("modelCard") { return .enabled }
        if case .custom = action { return .disabled("Models has no such action") }
        if action == .open { return .disabled("the KPI's drift across runs is drawn on the right") }
        return .enabled
    }

    func layout(_ body: Rect) -> (kpis: Rect, trace: Rect, gates: Rect, roc: Rect, calibration: Rect, importance: Rect, drift: Rect) {
        let inner = body.inset(dx: 1, dy: 1)
        let (left, right) = inner.sliceLeft(inner.width / 2)
        let (kpis, lower) = left.sliceTop(max(4, left.height / 2))
        let (trace, gates) = lower.sliceTop(max(3, lower.height * 3 / 5))
        let (charts, rest) = right.sliceTop(max(4, right.height * 2 / 5))
        let (roc, cal) = charts.sliceLeft(charts.width / 2)
        let (importance, drift) = rest.sliceTop(max(3, rest.height / 2))
        return (Rect(x: kpis.x + 1, y: kpis.y, width: kpis.width - 2, height: kpis.height), trace, gates, roc, cal, importance, drift)
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        if action == .custom("modelCard") {
            showingCards.toggle()
            cardScroll = TextViewState()
            return true
        }
        if showingCards { return handleCards(action, body: body) }
        return table.handle(action, data: data, pageSize: TableView.pageSize(in: layout(body).kpis, state: table))
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        guard !showingCards else { return false }
        return table.type(character, data: data, pageSize: TableView.pageSize(in: layout(body).kpis, state: table))
    }

    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        guard showingCards else { return table.handleMouse(event, in: layout(body).kpis) }
        switch event.kind {
        case .wheelUp: return handleCards(.moveUp, body: body)
        case .wheelDown: return handleCards(.moveDown, body: body)
        case .press: return false
        }
    }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        if showingCards { drawCards(into: &canvas, in: body); return }
        let met = model.kpis.filter { $0.target != nil && $0.met }.count, targeted = model.kpis.filter { $0.target != nil }.count
        canvas.drawBox(body, title: "6 Models & run · run \(model.runId) · \(met) of \(targeted) targets met")
        let l = layout(body)
        TableView.draw(data, state: table, into: &canvas, in: l.kpis)
        drawTrace(into: &canvas, in: l.trace)
        drawGates(into: &canvas, in: l.gates)
        let roc = canvas.drawBox(l.roc, title: "ROC · churn")
        LineChart(values: model.roc, area: true, yRange: 0...1, xLabels: ("FPR 0", "1"), yDecimals: 1)
            .draw(into: &canvas, in: roc)
        let cal = canvas.drawBox(l.calibration, title: "Calibration · observed by bin")
        LineChart(values: model.calibration.map(\.observed), yRange: 0...1,
                  xLabels: (fixed(model.calibration.first?.predicted ?? 0, 2), fixed(model.calibration.last?.predicted ?? 1, 2)),
                  yDecimals: 1).draw(into: &canvas, in: cal)
        drawImportance(into: &canvas, in: l.importance)
        drawDrift(into: &canvas, in: l.drift)
    }

    func drawTrace(into canvas: inout Canvas, in rect: Rect) {
        let inner = canvas.drawBox(rect, title: "Execution trace · \(Self.duration(model.trace.totalSeconds)) total")
        let longest = model.trace.stages.map(\.seconds).max() ?? 0
        let nameWidth = min(22, model.trace.stages.map(\.name.count).max() ?? 8)
        for (k, s) in model.trace.stages.enumerated() where k < inner.height {
            let y = inner.y + k
            canvas.write(s.name.padded(toCells: nameWidth), x: inner.x + 1, y: y, style: .normal, maxX: inner.maxX)
            let time = Self.duration(s.seconds)
            canvas.writeRight(time, maxX: inner.x + nameWidth + 11, y: y, style: CellStyle(fg: .muted))
            let room = inner.maxX - (inner.x + nameWidth + 13)
            if room > 0, longest > 0 {
                let cells = max(s.seconds > 0 ? 1 : 0, Int((s.seconds / longest * Double(room)).rounded()))
                canvas.write(String(repeating: canvas.glyphs.blocks[8], count: cells), x: inner.x + nameWidth + 12, y: y,
                             style: CellStyle(fg: s.warnings.isEmpty ? .chartFill : .warning), maxX: inner.maxX)
            }
        }
    }

    func drawGates(into canvas: inout Canvas, in rect: Rect) {
        let findings = model.gates.count
        let inner = canvas.drawBox(rect, title: findings == 0 ? "Quality gates · all passed" : "Quality gates · \(findings) findings")
        let lines = model.gateReport.isEmpty ? ["The run saved no gate report."] : model.gateReport
        for (k, line) in lines.enumerated() where k < inner.height {
            let finding = line.hasPrefix("  ") && !line.contains("all gates passed") && !line.contains("empty cells")
            canvas.write(line, x: inner.x + 1, y: inner.y + k, style: CellStyle(fg: finding ? .warning : line.hasPrefix(" ") ? .muted : .mainFg),
                         maxX: inner.maxX)
        }
    }

    func drawImportance(into canvas: inout Canvas, in rect: Rect) {
        let inner = canvas.drawBox(rect, title: "Feature importance · churn gain")
        let top = model.importance.first?.gain ?? 0
        let nameWidth = min(18, model.importance.map(\.name.count).max() ?? 8)
        for (k, f) in model.importance.enumerated() where k < inner.height {
            let y = inner.y + k
            canvas.write(f.name.padded(toCells: nameWidth), x: inner.x + 1, y: y, style: .normal, maxX: inner.maxX)
            let room = inner.maxX - (inner.x + nameWidth + 3)
            if room > 0, top > 0 {
                let cells = max(1, Int((f.gain / top * Double(room)).rounded()))
                canvas.write(String(repeating: canvas.glyphs.blocks[8], count: cells), x: inner.x + nameWidth + 2, y: y,
                             style: CellStyle(fg: .chartFill), maxX: inner.maxX)
            }
        }
    }

    func drawDrift(into canvas: inout Canvas, in rect: Rect) {
        guard let row = table.selectedRow else { return }
        let name = model.kpis[row].name
        let values = model.history.compactMap { run in run.kpis.first { $0.name == name }?.value }
        let inner = canvas.drawBox(rect, title: "Drift · \(name) over \(values.count) runs")
        if values.count < 2 {
            canvas.write("One run so far; drift shows from the second run on.", x: inner.x + 1, y: inner.y, style: CellStyle(fg: .muted),
                         maxX: inner.maxX)
            return
        }
        let first = model.history.first?.id ?? 0
        // A flat series gets a margin of its own size, not the chart's default ±1.
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        let margin = hi > lo ? 0 : max(abs(lo) * 0.1, 0.001)
        LineChart(values: values, yRange: (lo - margin)...(hi + margin), xLabels: ("run \(first)", "run \(model.runId)"),
                  yDecimals: values.allSatisfy { $0 == $0.rounded() } && margin == 0 ? 0 : 3)
            .draw(into: &canvas, in: inner)
    }
}
