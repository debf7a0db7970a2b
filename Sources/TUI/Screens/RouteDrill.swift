import Engine

/// The drill-down of Reps & routes: a rep's day, then a stop's customer card. `Esc` climbs
/// back one level at a time.
struct RouteDrill {
    private(set) var day: RouteDay?
    private(set) var card: CustomerCard?
    private(set) var message: String?
    /// A re-plan solving in the background; its result lands in the routes when `poll` sees it done.
    private(set) var replan: ReplanJob?

    var isOpen: Bool { day != nil }
    var isBusy: Bool { replan != nil }
    /// The status line: the re-plan's progress while it runs, else the last message.
    var status: String? { replan?.progressLine ?? message }

    var scopes: [KeyScope] { card?.scopes ?? day?.scopes ?? [] }

    mutating func open(repPosition: Int, routes: RoutesModel, customers: CustomersModel) {
        day = RouteDay(routes: routes, customers: customers, repPosition: repPosition)
        card = nil
        message = nil
    }

    /// Back to the rep list (another screen asked for a rep).
    mutating func close() {
        day = nil
        card = nil
        message = nil
    }

    func availability(of action: Action) -> Availability {
        if card == nil, action == .custom("exportScript") { return .disabled("open a customer card first") }
        if replan != nil, [.custom("lockStop"), .custom("replan"), .custom("replanTeam"), .custom("urgentVisit"), .custom("stopDone"),
                           .custom("stopNoShow"), .custom("stopCancelled")].contains(action) {
            return .disabled("a re-plan is running; it ends within \(fixed(RouteDay.replanSeconds, 1)) s")
        }
        if card != nil { return CustomerCard.availability(of: action) }
        return .enabled
    }


    mutating func handle(_ action: Action, routes: inout RoutesModel, customers: CustomersModel, decisions: RouteDecisions,
                         export: CustomerScriptExport, body: Rect) -> Bool {
        message = nil
        if var c = card {
            switch action {
            case .back: card = nil
            case .custom("exportScript"): message = c.export(model: customers, with: export)
            default:
                let used = c.handle(action, model: customers, body: body)
                card = c
                return used
            }
            return true
        }
        guard var d = day else { return false }
        var used = true
        if d.urgentEntry != nil {
            switch action {
            case .confirm: message = d.confirmUrgent(routes: &routes, customers: customers, decisions: decisions)
            case .cancel, .back: d.cancelUrgent()
            case .deleteBackward: d.eraseUrgent()
            default: used = false
            }
            day = d
            return used
        }
        switch action {
        case .back:
            day = nil
            return true
        case .open:
            if let stop = d.selectedStop(routes) { card = CustomerCard(account: stop.account) } else { message = "this day has no stops" }
        case .custom("nextDay"): d.show(day: d.day + 1, routes: routes, customers: customers)
        case .custom("previousDay"): d.show(day: d.day - 1, routes: routes, customers: customers)
        case .custom("lockStop"): message = d.toggleLock(routes: routes, customers: customers, decisions: decisions)
        case .custom("replan"):
            switch d.startReplan(routes: routes, customers: customers) {
            case .success(let job): replan = job
            case .failure(let refusal): message = refusal.message
            }
        case .custom("stopDone"): message = d.mark(.done, routes: &routes, customers: customers, decisions: decisions)
        case .custom("stopNoShow"): message = d.mark(.noShow, routes: &routes, customers: customers, decisions: decisions)
        case .custom("stopCancelled"): message = d.mark(.cancelled, routes: &routes, customers: customers, decisions: decisions)
        case .custom("urgentVisit"): d.beginUrgent()
        case .custom("replanTeam"): message = d.replanTeam(routes: &routes, customers: customers, decisions: decisions)
        default: used = d.table.handle(action, data: d.data, pageSize: TableView.pageSize(in: RouteDay.layout(body).table, state: d.table))
        }
        day = d
        return used
    }

    /// Takes a finished re-plan's result into the routes (and the day, when it shows that day).
    mutating func poll(routes: inout RoutesModel, customers: CustomersModel) {
        guard let r = replan, r.job.isFinished else { return }
        replan = nil
        message = RouteDay.finish(r, routes: &routes)
        if var d = day, d.repPosition == r.repPosition {
            d.refresh(routes, customers)
            day = d
        }
    }

    mutating func type(_ character: Character, body: Rect) -> Bool {
        guard card == nil, var d = day else { return false }
        if d.urgentEntry != nil {
            d.typeUrgent(character)
            day = d
            return true
        }
        let used = d.table.type(character, data: d.data, pageSize: TableView.pageSize(in: RouteDay.layout(body).table, state: d.table))
        day = d
        return used
    }

    /// The wheel scrolls the card or the stops; a click selects a stop.
    mutating func handleMouse(_ event: MouseEvent, customers: CustomersModel, body: Rect) -> Bool {
        if var c = card {
            guard event.kind != .press else { return false }
            let used = c.handle(event.kind == .wheelUp ? .moveUp : .moveDown, model: customers, body: body)
            card = c
            return used
        }
        guard var d = day else { return false }
        let used = d.table.handleMouse(event, in: RouteDay.layout(body).table)
        day = d
        return used
    }

    func draw(routes: RoutesModel, customers: CustomersModel, region: Region, into canvas: inout Canvas, in body: Rect, trail: String) {
        guard let d = day else { return }
        let rep = routes.reps[d.repPosition].rep
        if let card {
            card.draw(model: customers, into: &canvas, in: body, trail: "\(trail) › \(rep.id) day \(d.day + 1)")
        } else {
            d.draw(routes: routes, customers: customers, region: region, into: &canvas, in: body, trail: trail)
        }
    }
}
