import Engine

/// A rep's day, drilled into from the rep list or a territory: the ordered stops, the route
/// on a mini-map, the week's day selector, and the NBA-aware plan against the distance-only one.
struct RouteDay {
    let repPosition: Int
    private(set) var day: Int
    private(set) var data: TableData
    var table: TableState
    /// Locked stops (accounts) of this rep.
    private(set) var locked: Set<Int> = []
    /// The urgent visit's account id being typed (`u`), nil when no prompt is open.
    var urgentEntry: String?

    init(routes: RoutesModel, customers: CustomersModel, repPosition: Int, day: Int = 0) {
        self.repPosition = repPosition
        self.day = day
        data = RouteDay.table(routes.reps[repPosition], day: day, customers: customers, locked: [], field: routes.field,
                              repPosition: repPosition)
        table = TableState(data: data)
    }

    static let columns = [
        TableColumn("#", alignment: .right, minWidth: 2, priority: 0),
        TableColumn("Arrive", minWidth: 5, priority: 0),
        TableColumn("Window", minWidth: 11, priority: 3),
        TableColumn("Wait", alignment: .right, minWidth: 4, priority: 4),
        TableColumn("Visit", alignment: .right, minWidth: 4, priority: 5),
        TableColumn("Km", alignment: .right, minWidth: 4, priority: 2),
        TableColumn("Customer", minWidth: 8, priority: 0, flexible: true),
        TableColumn("NBA", alignment: .right, minWidth: 4, priority: 1),
        TableColumn("Kind", minWidth: 8, priority: 1),
        TableColumn("Dist", minWidth: 4, priority: 3),
        TableColumn("Channel", minWidth: 5, priority: 6),
        TableColumn("Lock", minWidth: 4, priority: 2),
    ]

    /// Kind: "field" (allocated to the field) or "fill-in" (taken over from another channel, that contact released);
    /// Dist: the day the distance-only plan visits the account ("d3"), or "no" — a
    /// high-NBA "no" is a visit NBA-aware routing gains.
    static func table(_ rep: RepRoutes, day: Int, customers: CustomersModel, locked: Set<Int>, field: FieldDayLive = FieldDayLive(),
                      repPosition: Int = -1) -> TableData {
        let stops = day < rep.days.count ? rep.days[day] : []
        let distanceDay = rep.dayOfAccount(inDistanceOnly: true)
        let rows: [[TableCell]] = stops.map { s in
            let other = distanceDay[s.account]
            return [.number(Double(s.sequence), String(s.sequence)), TableCell(clock(s.arrivalMinute)),
                    TableCell(clock(s.windowStart) + "–" + clock(s.windowEnd)),
                    .number(Double(s.waitMinutes), "\(s.waitMinutes)m"), .number(Double(s.serviceMinutes), "\(s.serviceMinutes)m"),
                    .number(s.travelKm, fixed(s.travelKm, 1)), TableCell(customers.customers[s.account].id),
                    .number(s.nbaPercentile, "p" + String(Int((s.nbaPercentile * 100).rounded())),
                            role: s.isHighNBA ? .savingsPositive : nil),
                    TableCell(s.fillIn ? "+fill-in" : "field", role: s.fillIn ? .warning : nil),
                    TableCell(other.map { "d\($0 + 1)" } ?? "no", role: other == nil && s.isHighNBA ? .savingsPositive : .muted),
                    TableCell(s.channel), TableCell(locked.contains(s.account) ? "yes" : "", role: .warning)]
        }
        guard field.isLive(day: day) else { return TableData(columns: columns, rows: rows) }
        // The field day: each stop's state, and what the last re-plan moved (highlighted).
        let live = zip(stops, rows).map { s, row -> [TableCell] in
            let state = field.state(rep: repPosition, day: day, account: s.account)
            if let moved = field.moved[day]?[s.account] {
                return row.map { TableCell($0.text, sortKey: $0.sortKey, role: .hiFg) } + [TableCell("moved " + moved, role: .warning)]
            }
            let role: Role? = state == .done ? .savingsPositive : state == .planned ? .muted : .breachRiskHigh
            return row + [TableCell(state.rawValue, role: role)]
        }
        return TableData(columns: columns + [TableColumn("State", minWidth: 7, priority: 0)], rows: live)
    }

    var scopes: [KeyScope] {
        if urgentEntry != nil { return [.textEntry, .screen(.repsRoutes)] }
        return table.isSearching ? table.scopes + [.screen(.repsRoutes)] : [.screen(.repsRoutes), .table]
    }

    func selectedStop(_ routes: RoutesModel) -> RouteStop? {
        let stops = routes.reps[repPosition].days[safe: day] ?? []
        return table.selectedRow.flatMap { stops[safe: $0] }
    }

    mutating func show(day d: Int, routes: RoutesModel, customers: CustomersModel) {
        let count = max(1, routes.reps[repPosition].days.count)
        day = (d + count) % count
        refresh(routes, customers)
        table = TableState(data: data)
    }

    mutating func refresh(_ routes: RoutesModel, _ customers: CustomersModel) {
        data = RouteDay.table(routes.reps[repPosition], day: day, customers: customers, locked: locked, field: routes.field,
                              repPosition: repPosition)
        table.refresh(data)
    }

    /// Locks or unlocks the selected stop; the decision goes to the store. Returns the status line.
    mutating func toggleLock(routes: RoutesModel, customers: CustomersModel, decisions: RouteDecisions) -> String {
        guard let stop = selectedStop(routes) else { return "lock: no stop selected" }
        let rep = routes.reps[repPosition].rep
        let id = customers.customers[stop.account].id
        let wasLocked = locked.contains(stop.account)
        if let error = decisions.record(wasLocked ? "unlock-stop" : "lock-stop", "\(rep.id)/day\(day + 1)/\(id)",
                                        "stop \(stop.sequence) at \(clock(stop.arrivalMinute))") {
            return "lock: \(error)"
        }
        if wasLocked { locked.remove(stop.account) } else { locked.insert(stop.account) }
        refresh(routes, customers)
        return wasLocked ? "\(id) unlocked on day \(day + 1)" : "\(id) locked on day \(day + 1) (saved as a decision)"
    }

    func draw(routes: RoutesModel, customers: CustomersModel, region: Region, into canvas: inout Canvas, in body: Rect,
              trail: String) {
        let rr = routes.reps[repPosition]
        canvas.drawBox(body, title: "\(trail) › \(rr.rep.id) \(rr.rep.name) · day \(day + 1) of \(rr.days.count)",
                                   focused: true)
        let stops = rr.days[safe: day] ?? []
        let km = stops.map(\.travelKm).reduce(0, +)
        let end = stops.last.map { $0.arrivalMinute + $0.serviceMinutes } ?? rr.rep.dayStartMinute
        var days = ""
        for d in 0..<rr.days.count { days += d == day ? "[\(d + 1)]" : " \(d + 1) " }
        let l = RouteDay.layout(body)
        let fillIns = stops.filter(\.fillIn).count
        let distance = rr.distanceDays[safe: day] ?? []
        canvas.write("Week " + days, x: l.head.x + 1, y: l.head.y, style: CellStyle(fg: .title, attributes: .bold), maxX: l.head.maxX)
        canvas.write("\(stops.count) stops (\(fillIns) fill-ins) · \(fixed(km, 1)) km · \(clock(rr.rep.dayStartMinute))–\(clock(end))"
                     + " · territory \(rr.territory)", x: l.head.x + 1, y: l.head.y + 1, style: CellStyle(fg: .muted), maxX: l.head.maxX)
        let compare = "Day \(day + 1) high-NBA: NBA-aware \(stops.filter(\.isHighNBA).count)/\(stops.count) stops · "
            + "distance-only \(distance.filter(\.isHighNBA).count)/\(distance.count), \(fixed(distance.map(\.travelKm).reduce(0, +), 1)) km"
        let legend = " · Dist: the day distance-only visits it"
        if let entry = urgentEntry {
            canvas.write("Urgent visit, account id: " + entry + "_  (Enter adds it and re-plans the team's day, Esc cancels)",
                         x: l.head.x + 1, y: l.head.y + 2, style: CellStyle(fg: .hiFg, attributes: .bold), maxX: l.head.maxX)
        } else if let moved = routes.field.summary[day] {
            canvas.write("Re-plan at \(clock(RouteDay.now(routes) / 60)): " + moved, x: l.head.x + 1, y: l.head.y + 2,
                         style: CellStyle(fg: .warning, attributes: .bold), maxX: l.head.maxX)
        } else {
            canvas.write(compare + (compare.count + legend.count < l.head.width ? legend : ""),
                         x: l.head.x + 1, y: l.head.y + 2, style: CellStyle(fg: .muted), maxX: l.head.maxX)
        }
        TableView.draw(data, state: table, into: &canvas, in: l.table)
        guard let right = l.side else { return }
        let (mapBox, cmpBox) = right.sliceTop(max(8, right.height * 2 / 5))
        let mapInner = canvas.drawBox(mapBox, title: "Route")
        let home = (lat: rr.rep.homeLat, lon: rr.rep.homeLon)
        let pts = stops.map { (lat: customers.customers[$0.account].lat, lon: customers.customers[$0.account].lon) }
        var v = MapViewport(region: region)
        // In the region's frame, so a day on both sides of ±180 gets a narrow box across it.
        let lats = pts.map(\.lat) + [home.lat], lons = (pts.map(\.lon) + [home.lon]).map(region.unwrappedLongitude)
        if let la0 = lats.min(), let la1 = lats.max(), let lo0 = lons.min(), let lo1 = lons.max() {
            v.centreLat = (la0 + la1) / 2
            v.centreLon = (lo0 + lo1) / 2
            let zl = (region.latRange.upperBound - region.latRange.lowerBound) / max(0.01, (la1 - la0) * 1.3)
            let zo = (region.lonRange.upperBound - region.lonRange.lowerBound) / max(0.01, (lo1 - lo0) * 1.3)
            v.zoom = max(1, min(MapViewport.maximumZoom, min(zl, zo)))
        }
        var marks = [BrailleMap.Mark(lat: home.lat, lon: home.lon, glyph: "H", role: .marker)]
        for (k, p) in pts.enumerated() {
            marks.append(BrailleMap.Mark(lat: p.lat, lon: p.lon, glyph: Character(String((k + 1) % 10)), role: .hiFg))
        }
        BrailleMap(region: region, lat: [], lon: [], group: [], groupRoles: [], marks: marks, path: [home] + pts + [home])
            .draw(v, into: &canvas, in: mapInner)
        drawDistanceOnly(rr, stops: stops, distance: distance, customers: customers, into: &canvas, in: cmpBox)
    }

    /// Header rows, the stops table, and beside it (when wide enough) the map and comparison.
    static func layout(_ body: Rect) -> (head: Rect, table: Rect, side: Rect?) {
        let inner = body.inset(dx: 1, dy: 1)
        let (head, rest) = inner.sliceTop(3)
        guard rest.width >= 100 else { return (head, rest.inset(dx: 1, dy: 0), nil) }
        let (left, right) = rest.sliceLeft(rest.width * 3 / 5)
        return (head, left.inset(dx: 1, dy: 0), right)
    }

    func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
}

/// "09:05" from minutes after midnight.
func clock(_ minute: Int) -> String {
    let m = max(0, minute)
    let h = m / 60 % 24, mm = m % 60
    return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
}

/// Fixed decimals without a locale.
func fixed(_ v: Double, _ decimals: Int) -> String {
    v.isFinite ? fixedDecimal(v, decimals) : "–"
}

/// An amount in a narrow column: millions and billions with one decimal (a CRM's annual
/// revenue runs to billions: `3.0B`, not `3014699k`); below a million whole units, or whole
/// thousands (`82k`) where the column counts in thousands.
func compactAmount(_ v: Double, inThousands: Bool = false) -> String {
    let a = abs(v)
    if a >= 999_950_000 { return fixed(v / 1e9, 1) + "B" }
    if a >= 999_950 { return fixed(v / 1e6, 1) + "M" }
    return inThousands ? fixed(v / 1000, 0) + "k" : fixed(v, 0)
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
