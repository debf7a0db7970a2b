import Engine

/// Screen 3: every rep with territory, visits planned (and fill-ins), km, hours and NBA captured; `Enter`
/// opens the rep's day (stops, mini-map, day selector, the distance-only comparison, lock and
/// re-plan), then a stop's customer card.
public struct RepsScreen: Screen {
    public let id = ScreenID.repsRoutes
    let customers: CustomersModel
    var routes: RoutesModel
    let region: Region
    let decisions: RouteDecisions
    let export: CustomerScriptExport
    var data: TableData
    var table: TableState
    var drill = RouteDrill()
    /// The newest decision id this screen has seen, and the last change another user made.
    var seen: Int64
    var feedMessage: String?

    public init(routes: RoutesModel, customers: CustomersModel, region: Region, decisions: RouteDecisions,
                export: CustomerScriptExport) {
        seen = decisions.newest?() ?? 0
        var routes = routes
        RouteDay.apply(decisions.history(), to: &routes, customers: customers)
        self.routes = routes
        self.customers = customers
        self.region = region
        self.decisions = decisions
        self.export = export
        data = Self.table(routes)
        table = TableState(data: data)
    }

    static func table(_ m: RoutesModel) -> TableData {
        let rows: [[TableCell]] = m.reps.map { r in
            let capturedText = r.comparison.map { "\(r.highNBAVisits) vs \($0.highNBAVisitsDistance)" } ?? String(r.highNBAVisits)
            let first = r.highNBAVisits(day: 0, inDistanceOnly: false), firstDistance = r.highNBAVisits(day: 0, inDistanceOnly: true)
            let hasDistance = !r.distanceDays.isEmpty
            return [TableCell(r.rep.id), TableCell(r.rep.name),
                    .number(Double(r.territory), r.territory > 0 ? "T\(r.territory)" : "–",
                            role: r.territory > 0 ? Role.territories[(r.territory - 1) % Role.territories.count] : nil),
                    .number(Double(r.visits), String(r.visits)),
                    .number(Double(r.fillIns), String(r.fillIns), role: r.fillIns > 0 ? .warning : nil),
                    .number(r.km, fixed(r.km, 1)), .number(r.hours, fixed(r.hours, 1)),
                    .number(Double(r.highNBAVisits), capturedText,
                            role: (r.comparison.map { r.highNBAVisits > $0.highNBAVisitsDistance } ?? false) ? .savingsPositive : nil),
                    .number(Double(first), hasDistance ? "\(first) vs \(firstDistance)" : String(first),
                            role: hasDistance && first > firstDistance ? .savingsPositive : nil)]
        }
        return TableData(columns: [
            TableColumn("Rep", minWidth: 4, priority: 0), TableColumn("Name", minWidth: 8, maxWidth: 24, priority: 2, flexible: true),
            TableColumn("Terr", minWidth: 4, priority: 1), TableColumn("Visits", alignment: .right, minWidth: 6, priority: 0),
            TableColumn("Fill-ins", alignment: .right, minWidth: 4, priority: 1),
            TableColumn("Km", alignment: .right, minWidth: 5, priority: 0), TableColumn("Hours", alignment: .right, minWidth: 5, priority: 1),
            TableColumn("High-NBA week", alignment: .right, minWidth: 9, priority: 0),
            TableColumn("Day 1", alignment: .right, minWidth: 8, priority: 3),
        ], rows: rows)
    }

    public var keyScopes: [KeyScope] { drill.isOpen ? drill.scopes : table.scopes }

    public func availability(of action: Action) -> Availability {
        if drill.isOpen { return drill.availability(of: action) }
        switch action {
        case .custom("exportScript"): return .disabled("open a customer card first")
        case .custom("lockStop"), .custom("replan"), .custom("nextDay"), .custom("previousDay"), .custom("stopDone"), .custom("stopNoShow"),
             .custom("stopCancelled"), .custom("urgentVisit"), .custom("replanTeam"):
            return .disabled("open a rep's day first (Enter)")
        default: return .enabled
        }
    }

    func tableArea(_ body: Rect) -> Rect {
        let inner = body.inset(dx: 1, dy: 1)
        return Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
    }

    public mutating func handle(_ action: Action, body: Rect) -> Bool {
        if drill.isOpen {
            return drill.handle(action, routes: &routes, customers: customers, decisions: decisions, export: export, body: body)
        }
        if action == .open, let row = table.selectedRow {
            drill.open(repPosition: row, routes: routes, customers: customers)
            return true
        }
        return table.handle(action, data: data, pageSize: TableView.pageSize(in: tableArea(body), state: table))
    }

    public mutating func type(_ character: Character, body: Rect) -> Bool {
        if drill.isOpen { return drill.type(character, body: body) }
        return table.type(character, data: data, pageSize: TableView.pageSize(in: tableArea(body), state: table))
    }

    public mutating func handleMouse(_ event: MouseEvent, body: Rect) -> Bool {
        drill.isOpen ? drill.handleMouse(event, customers: customers, body: body) : table.handleMouse(event, in: tableArea(body))
    }

    public var statusMessage: String? { drill.status ?? feedMessage }

    /// Another command center's field-day decisions (done, cancelled, urgent, re-plan) show
    /// within the idle tick, applied on this screen's days as on open; this manager's own
    /// changes (locks, a rep's re-plan) stay.
    public var idleInterval: Int? { decisions.newest == nil ? nil : 1500 }

    public mutating func idle() -> Bool {
        // An open day is the manager's own what-if: it is rebuilt when they close it.
        guard !drill.isOpen, !drill.isBusy, let newest = decisions.newest?(), newest > seen else { return false }
        let previous = seen
        seen = newest
        let theirs = decisions.history().filter { $0.id > previous && $0.user != decisions.user }
        guard !theirs.isEmpty else { return false }
        RouteDay.apply(theirs, to: &routes, customers: customers)
        data = Self.table(routes)
        table.refresh(data)  // the manager's sort, search and selection stay
        let last = theirs[theirs.count - 1]
        let what = theirs.count == 1 ? Self.describe(last) : "\(theirs.count) route changes, last \(Self.describe(last))"
        feedMessage = "\(what) by \(last.user) \(last.at.dropFirst(11).prefix(5))"
        return true
    }

    static func describe(_ d: Decision) -> String {
        switch d.action {
        case "field-stop": "stop \(d.subject.split(separator: "/").last.map(String.init) ?? d.subject) marked \(d.value)"
        case "field-urgent": "urgent visit \(d.subject.split(separator: "/").last.map(String.init) ?? d.subject) added"
        case "field-replan": "team re-planned (\(d.subject))"
        default: "\(d.action) \(d.subject)"
        }
    }

    public var isBusy: Bool { drill.isBusy }

    public mutating func poll() { drill.poll(routes: &routes, customers: customers) }

    /// Territories' `Enter`: back to the rep list with that rep selected.
    public mutating func receive(_ request: ScreenRequest, body: Rect) {
        guard case .showRep(let index) = request else { return }
        drill.close()
        if let position = routes.position(ofRep: index) {
            table.select(dataRow: position, data: data, pageSize: TableView.pageSize(in: tableArea(body), state: table))
        }
    }

    public func draw(into canvas: inout Canvas, in body: Rect, context: CommandCenterContext) {
        if drill.isOpen {
            drill.draw(routes: routes, customers: customers, region: region, into: &canvas, in: body, trail: "3 Reps & routes")
            return
        }
        let inner = canvas.drawBox(body, title: "3 Reps & routes · \(routes.reps.count) reps · \(routes.planningDays) days")
        let total = routes.reps.map(\.visits).reduce(0, +)
        let km = routes.reps.map(\.km).reduce(0, +)
        let fillIns = routes.reps.map(\.fillIns).reduce(0, +)
        let why = inner.width >= 110 ? " (\(fillIns) fill-ins taken over from other channels)" : " (\(fillIns) fill-ins)"
        let legend = inner.width >= 140 ? " · high-NBA: NBA plan vs distance-only" : ""
        canvas.write("\(total) visits planned" + why + " · \(fixed(km, 0)) km" + legend + " · Enter opens a rep's day", x: inner.x + 1, y: inner.y,
                     style: CellStyle(fg: .muted), maxX: inner.maxX)
        TableView.draw(data, state: table, into: &canvas, in: tableArea(body))
    }
}
