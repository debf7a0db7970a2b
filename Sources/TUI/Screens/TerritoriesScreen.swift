import Engine

/// Screen 2: the region's balanced territories on a braille map (the demo's coast and land;
/// a plain background for a region fitted to the data; each territory in its colour, rep
/// homes, the strongest anomalies) beside a table per territory; the title names the region.
/// `Enter` switches to Reps & routes with the territory's rep selected.
public struct TerritoriesScreen: Screen {
    enum Panel: Hashable, Sendable { case map, table }

    public let id = ScreenID.territories
    let model: TerritoriesModel
    let data: TableData
    var table: TableState
    var viewport: MapViewport
    var focus = FocusRing<Panel>([.table, .map])
    var note: String?
    /// Set by `Enter`: the app shows this rep on Reps & routes.
    var request: ScreenRequest?
    /// The map's cells for the current viewport and size (the model never changes).
    let mapCache = MapCache()
    /// Anomalies marked on the map: the strongest few, so marks do not hide the territories.
    static let markedAnomalies = 12

    public init(model: TerritoriesModel) {
        self.model = model
        data = Self.table(model)
        table = TableState(data: data)
        viewport = MapViewport(region: model.region)
    }

    static func table(_ m: TerritoriesModel) -> TableData {
        let rows: [[TableCell]] = m.rows.map { r in
            let role = Role.territories[(r.number - 1) % Role.territories.count]
            return [.number(Double(r.number), "T\(r.number)", role: role), TableCell(r.repName),
                    .number(Double(r.accounts), String(r.accounts)), .number(r.workloadHours, fixed(r.workloadHours, 0)),
                    .number(r.balance, (r.balance >= 0 ? "+" : "") + fixed(r.balance * 100, 1) + "%",
                            role: abs(r.balance) > 0.1 ? .warning : nil),
                    .number(r.potential, compactAmount(r.potential, inThousands: true)),
                    .number(r.churn, fixed(r.churn * 100, 1) + "%", role: r.churn >= 0.3 ? .breachRiskHigh : nil)]
        }
        return TableData(columns: [
            TableColumn("Terr", minWidth: 4, priority: 0), TableColumn("Rep", minWidth: 6, maxWidth: 18, priority: 1, flexible: true),
            TableColumn("Accts", alignment: .right, minWidth: 5, priority: 2),
            TableColumn("Hours", alignment: .right, minWidth: 5, priority: 0),
            TableColumn("Bal", alignment: .right, minWidth: 6, priority: 0),
            TableColumn("Potential", alignment: .right, minWidth: 6, priority: 3),
            TableColumn("Churn", alignment: .right, minWidth: 5, priority: 2),
        ], rows: rows)
    }

    public var keyScopes: [KeyScope] {
        if table.isSearching { return table.scopes + [.screen(.territories)] }
        return focus.isFocused(.map) ? [.screen(.territories), .table] : [.table, .screen(.territories)]
    }

    public func availability(of action: Action) -> Availability {
        if action == .custom("exportScript") { return .disabled("open a customer card first") }
        return .enabled
    }

    func layout(_ body: Rect) -> (map: Rect, legend: Rect, table: Rect) {
        let inner = body.inset(dx: 1, dy: 1)
        let (left, right) = inner.sliceLeft(inner.width * 11 / 20)
        let (map, legend) = left.sliceBottom(1)
        return (map, legend, Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height))
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        note = nil
        switch action {
        case .focusNext: focus.next()
        case .custom("zoomIn"): viewport.zoom(by: 1.5)
        case .custom("zoomOut"): viewport.zoom(by: 1 / 1.5)
        case .custom("panLeft"): viewport.pan(dx: -1, dy: 0, region: model.region)
        case .custom("panRight"): viewport.pan(dx: 1, dy: 0, region: model.region)
        case .custom("panUp"): viewport.pan(dx: 0, dy: 1, region: model.region)
        case .custom("panDown"): viewport.pan(dx: 0, dy: -1, region: model.region)
        case .custom("resetMap"): viewport = MapViewport(region: model.region)
        case .open:
            guard let row = table.selectedRow else { return true }
            let t = model.rows[row]
            guard t.rep >= 0 else {
                note = "territory \(t.number) has no rep"
                return true
            }
            request = .showRep(t.rep)
        default:
            return table.handle(action, data: data, pageSize: TableView.pageSize(in: layout(body).table, state: table))
        }
        return true
    }

    public mutating func takeRequest() -> ScreenRequest? {
        defer { request = nil }
        return request
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        return table.type(character, data: data, pageSize: TableView.pageSize(in: layout(body).table, state: table))
    }

    /// The wheel over the map zooms; over the table it scrolls; a click focuses what it hits.
    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        let l = layout(body)
        if l.map.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .wheelUp: viewport.zoom(by: 1.5)
            case .wheelDown: viewport.zoom(by: 1 / 1.5)
            case .press: focus.focus(.map)
            }
            return true
        }
        if event.kind == .press, l.table.contains(x: event.x, y: event.y) { focus.focus(.table) }
        return table.handleMouse(event, in: l.table)
    }

    public var statusMessage: String? { note }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        // Accounts without reps have no territories: say what brings them.
        let count = model.rows.isEmpty && model.reps.isEmpty ? "no reps (opsdeck import reps FILE, then opsdeck run)"
            : "\(model.rows.count) territories"
        canvas.drawBox(body, title: "2 Territories · \(count) · \(model.region.name)")
        let l = layout(body)
        drawMap(into: &canvas, in: l.map)
        let legend = "H rep home · ! anomaly · \(fixed(viewport.zoom, 1))× · " + (focus.isFocused(.map) ? "map has keys" : "f: map keys")
        canvas.write(legend, x: l.legend.x, y: l.legend.y, style: CellStyle(fg: .muted), maxX: l.legend.maxX - 1)
        TableView.draw(data, state: table, into: &canvas, in: l.table, focused: focus.isFocused(.table))
    }

    func drawMap(into canvas: inout Canvas, in rect: Rect) {
        var marks: [BrailleMap.Mark] = model.anomalies.prefix(Self.markedAnomalies).map {
            BrailleMap.Mark(lat: model.lat[$0], lon: model.lon[$0], glyph: "!", role: .warning)
        }
        for t in model.rows where t.rep >= 0 && t.rep < model.reps.count {
            marks.append(BrailleMap.Mark(lat: model.reps[t.rep].homeLat, lon: model.reps[t.rep].homeLon, glyph: "H", role: .hiFg))
        }
        if let row = table.selectedRow {
            let t = model.rows[row]
            marks.append(BrailleMap.Mark(lat: t.centreLat, lon: t.centreLon, glyph: "+", role: .marker))
        }
        BrailleMap(region: model.region, lat: model.lat, lon: model.lon, group: model.territory, groupRoles: Role.territories,
                   marks: marks).draw(viewport, into: &canvas, in: rect, cache: mapCache)
    }
}
