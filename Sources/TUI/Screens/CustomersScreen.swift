import Engine

/// Screen 4: every account, searchable and sortable (segment, NBA, churn, potential,
/// anomaly, channel, territory); `Enter` opens the customer card with the prep script.
public struct CustomersScreen: Screen {
    public let id = ScreenID.customers
    let model: CustomersModel
    let export: CustomerScriptExport
    let data: TableData
    var table: TableState
    var card: CustomerCard?
    var note: String?

    public init(model: CustomersModel, export: CustomerScriptExport) {
        self.model = model
        self.export = export
        data = Self.table(model)
        table = TableState(data: data, sortColumn: 2, ascending: false)
    }

    static func table(_ m: CustomersModel) -> TableData {
        var rows: [[TableCell]] = []
        rows.reserveCapacity(m.count)
        for i in 0..<m.count {
            let churn = Double(m.churn[i]), pot = Double(m.potential[i]), nba = Double(m.nba[i])
            let t = Int(m.territory[i])
            // A CRM's accounts by their name (ids like 0015g00000XyZaB mean nothing to a manager).
            rows.append([TableCell(m.customers[i].name ?? m.customers[i].id), TableCell(m.segment(i)),
                         .number(nba, fixed(nba, 3)), .number(churn, fixed(churn * 100, 1) + "%",
                                                                role: churn >= 0.5 ? .breachRiskHigh : churn >= 0.25 ? .breachRiskMedium : nil),
                         .number(pot, compactAmount(pot)), m.isAnomaly(i) ? TableCell("yes", role: .warning) : TableCell(""),
                         TableCell(m.channelName(i)),
                         .number(Double(t), t >= 0 ? "T\(t + 1)" : "–", role: t >= 0 ? Role.territories[t % Role.territories.count] : nil)])
        }
        return TableData(columns: [
            TableColumn("Account", minWidth: 8, priority: 0), TableColumn("Segment", minWidth: 5, priority: 3),
            TableColumn("NBA", alignment: .right, minWidth: 5, priority: 0), TableColumn("Churn", alignment: .right, minWidth: 5, priority: 1),
            TableColumn("Potential", alignment: .right, minWidth: 6, priority: 1), TableColumn("Anomaly", minWidth: 4, priority: 4),
            TableColumn("Channel", minWidth: 5, maxWidth: 14, priority: 2), TableColumn("Terr", minWidth: 4, priority: 3),
        ], rows: rows)
    }

    public var keyScopes: [KeyScope] { card?.scopes ?? table.scopes }

    public func availability(of action: Action) -> Availability {
        if card == nil, action == .custom("exportScript") { return .disabled("open a customer card first (Enter)") }
        return card == nil ? .enabled : CustomerCard.availability(of: action)
    }

    func tableArea(_ body: Rect) -> Rect {
        let inner = body.inset(dx: 1, dy: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        note = nil
        if var c = card {
            switch action {
            case .back: card = nil
            case .custom("exportScript"): note = c.export(model: model, with: export)
            default:
                let used = c.handle(action, model: model, body: body)
                card = c
                return used
            }
            return true
        }
        if action == .open, let row = table.selectedRow {
            card = CustomerCard(account: row)
            return true
        }
        return table.handle(action, data: data, pageSize: TableView.pageSize(in: tableArea(body), state: table))
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        guard card == nil else { return false }
        return table.type(character, data: data, pageSize: TableView.pageSize(in: tableArea(body), state: table))
    }

    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        guard var c = card else { return table.handleMouse(event, in: tableArea(body)) }
        guard event.kind != .press else { return false }
        let used = c.handle(event.kind == .wheelUp ? .moveUp : .moveDown, model: model, body: body)
        card = c
        return used
    }

    public var statusMessage: String? { note }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        if let card {
            card.draw(model: model, into: &canvas, in: body, trail: "4 Customers")
            return
        }
        canvas.drawBox(body, title: "4 Customers · \(TableView.position(table))")
        TableView.draw(data, state: table, into: &canvas, in: tableArea(body))
    }
}
