import Engine

extension RouteDay {
    /// Rebuilds the field day from the store's decisions, oldest first (this command center's
    /// and every other's on the store): stop states, urgent visits still waiting, and each
    /// re-planned team day with its stops' times and what it moved. Rows naming a rep or an
    /// account the run does not have are skipped.
    static func apply(_ history: [Decision], to routes: inout RoutesModel, customers: CustomersModel) {
        guard !history.isEmpty else { return }
        var repOf: [String: Int] = [:], accountOf: [String: Int] = [:]
        for (p, r) in routes.reps.enumerated() { repOf[r.rep.id] = p }
        for (a, c) in customers.customers.enumerated() { accountOf[c.id] = a }
        func day(_ s: Substring) -> Int? { s.hasPrefix("day") ? Int(s.dropFirst(3)).map { $0 - 1 } : nil }
        for d in history {
            switch d.action {
            case stopAction, urgentAction:
                let parts = d.subject.split(separator: "/")
                guard parts.count == 3, let p = repOf[String(parts[0])], let n = day(parts[1]), n >= 0, let a = accountOf[String(parts[2])]
                else { continue }
                if d.action == urgentAction {
                    routes.field.urgent.append(FieldDayLive.Urgent(rep: p, day: n, account: a))
                } else if let state = FieldStopState(rawValue: d.value) {
                    let key = FieldDayLive.Key(rep: p, day: n, account: a)
                    routes.field.states[key] = state == .planned ? nil : state
                }
            case replanAction:
                guard let n = d.subject.split(separator: "/").first.flatMap(day), n >= 0 else { continue }
                let (orders, summary) = split(d.value)
                applyReplan(orders, day: n, summary: summary, to: &routes, customers: customers, repOf: repOf, accountOf: accountOf)
            default: continue
            }
        }
    }

    /// "orders|summary" (the summary may itself hold '|').
    static func split(_ value: String) -> (Substring, String) {
        guard let bar = value.firstIndex(of: "|") else { return (Substring(value), "") }
        return (value[..<bar], String(value[value.index(after: bar)...]))
    }

    /// One saved team day: "R001:C1@540/0,C2@600/5;R002:…" (account id @ the visit's start
    /// minute / the wait before it; a row without the wait gets it from the straight-line leg).
    static func applyReplan(_ orders: Substring, day n: Int, summary: String, to routes: inout RoutesModel, customers: CustomersModel,
                            repOf: [String: Int], accountOf: [String: Int]) {
        var before: [Int: (rep: Int, stop: RouteStop)] = [:]
        for (p, r) in routes.reps.enumerated() { for s in r.days[safe: n] ?? [] { before[s.account] = (p, s) } }
        var labels: [Int: String] = [:]
        func name(_ p: Int) -> String { routes.reps[p].rep.name.split(separator: " ").first.map(String.init) ?? routes.reps[p].rep.id }
        for part in orders.split(separator: ";") {
            guard let colon = part.firstIndex(of: ":"), let p = repOf[String(part[..<colon])] else { continue }
            let rep = routes.reps[p].rep
            var stops: [RouteStop] = []
            var lat = rep.homeLat, lon = rep.homeLon, free = rep.dayStartMinute
            for item in part[part.index(after: colon)...].split(separator: ",") {
                let bits = item.split(separator: "@")
                let time = bits.count == 2 ? bits[1].split(separator: "/") : []
                guard bits.count == 2, let a = accountOf[String(bits[0])], let start = time.first.flatMap({ Int($0) }) else { continue }
                var s = before[a]?.stop ?? urgentStop(a, routes: routes, customers: customers)
                let c = customers.customers[a]
                s.sequence = stops.count + 1
                s.arrivalMinute = start
                s.travelKm = TravelModel.haversineKm(lat, lon, c.lat, c.lon) * routes.travel.roadFactor
                s.waitMinutes = time.count == 2 ? max(0, Int(time[1]) ?? 0) : max(0, start - free - routes.travel.seconds(lat, lon, c.lat, c.lon) / 60)
                lat = c.lat; lon = c.lon; free = start + s.serviceMinutes
                if let was = before[a]?.rep, was != p { labels[a] = "\(name(was))→\(name(p))" }
                if before[a] == nil { labels[a] = "urgent→\(name(p))" }
                stops.append(s)
            }
            while routes.reps[p].days.count <= n { routes.reps[p].days.append([]) }
            routes.reps[p].days[n] = stops
        }
        let placed = Set(routes.reps.flatMap { ($0.days[safe: n] ?? []).map(\.account) })
        routes.field.urgent.removeAll { $0.day == n && placed.contains($0.account) }
        routes.field.moved[n] = labels
        if !summary.isEmpty { routes.field.summary[n] = summary }
    }
}
