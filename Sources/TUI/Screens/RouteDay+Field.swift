import Engine
import Foundation

/// The field day as it happens, kept with the routes so every rep's day shows it: what
/// happened at each stop, urgent visits waiting for a place, and what the last re-plan of
/// each day moved (highlighted rows and a one-line summary).
public struct FieldDayLive: Sendable {
    public struct Key: Hashable, Sendable {
        public var rep: Int
        public var day: Int
        public var account: Int
    }

    public struct Urgent: Sendable, Equatable {
        /// The rep (position) whose day screen added it: the visit goes to that rep's team.
        public var rep: Int
        public var day: Int
        public var account: Int
    }

    public var states: [Key: FieldStopState] = [:]
    public var urgent: [Urgent] = []
    /// Per day, per account the last re-plan moved: "ana→luis".
    public var moved: [Int: [Int: String]] = [:]
    /// Per day, the last re-plan's line: "3 stops moved: C-1043 ana→luis, …".
    public var summary: [Int: String] = [:]

    public init() {}

    public func state(rep: Int, day: Int, account: Int) -> FieldStopState {
        states[Key(rep: rep, day: day, account: account)] ?? .planned
    }

    /// Whether any stop of the day has a state or was moved (the table then shows its State column).
    func isLive(day: Int) -> Bool {
        moved[day] != nil || states.contains { $0.key.day == day && $0.value != .planned }
    }
}

extension RouteDay {
    /// Reps re-planned together: the shown rep's territory team; a territory of one rep takes
    /// the reps whose homes are nearest, up to `teamSize`.
    static let teamSize = 5

    /// Decision actions of the field day (the `decisions` table): a stop's state, an urgent
    /// visit, a re-planned team day.
    static let stopAction = "field-stop", urgentAction = "field-urgent", replanAction = "field-replan"

    /// Seconds after midnight the field day is at: the routes' (tests, `OPSDECK_NOW=HH:MM`) or the local wall clock.
    static func now(_ routes: RoutesModel) -> Int {
        if let n = routes.fieldNow { return n }
        if let text = ProcessInfo.processInfo.environment["OPSDECK_NOW"], let n = parseClock(text) { return n }
        let c = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
        return (c.hour ?? 0) * 3600 + (c.minute ?? 0) * 60 + (c.second ?? 0)
    }

    /// "11:05" → seconds after midnight.
    static func parseClock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 3600 + m * 60
    }

    /// Rep positions of the shown rep's team, in list order.
    func team(_ routes: RoutesModel) -> [Int] {
        let me = routes.reps[repPosition]
        var team = me.territory > 0 ? routes.reps.indices.filter { routes.reps[$0].territory == me.territory } : [repPosition]
        if team.count < 2 {
            let others = routes.reps.indices.filter { $0 != repPosition }.sorted { a, b in
                let da = TravelModel.haversineKm(me.rep.homeLat, me.rep.homeLon, routes.reps[a].rep.homeLat, routes.reps[a].rep.homeLon)
                let db = TravelModel.haversineKm(me.rep.homeLat, me.rep.homeLon, routes.reps[b].rep.homeLat, routes.reps[b].rep.homeLon)
                return da != db ? da < db : a < b
            }
            team = [repPosition] + others.prefix(Self.teamSize - 1)
        }
        return team.sorted()
    }

    /// Marks the selected stop done, no-show or cancelled (the same key again: planned), as a decision.
    mutating func mark(_ state: FieldStopState, routes: inout RoutesModel, customers: CustomersModel, decisions: RouteDecisions) -> String {
        guard let stop = selectedStop(routes) else { return "\(state.rawValue): no stop selected" }
        let rr = routes.reps[repPosition], id = customers.customers[stop.account].id
        let key = FieldDayLive.Key(rep: repPosition, day: day, account: stop.account)
        let new: FieldStopState = routes.field.states[key] == state ? .planned : state
        if let error = decisions.record(Self.stopAction, "\(rr.rep.id)/day\(day + 1)/\(id)", new.rawValue) { return "\(state.rawValue): \(error)" }
        routes.field.states[key] = new == .planned ? nil : new
        refresh(routes, customers)
        let hint = new == .cancelled || new == .noShow ? "; R re-plans the team's day" : ""
        return "\(id) \(new == .planned ? "planned again" : new.rawValue) at \(clock(Self.now(routes) / 60)) (saved as a decision)\(hint)"
    }

    /// Opens the prompt for an urgent visit's account id.
    mutating func beginUrgent() { urgentEntry = "" }

    mutating func typeUrgent(_ c: Character) { if urgentEntry != nil, (urgentEntry?.count ?? 0) < 40 { urgentEntry?.append(c) } }
    mutating func eraseUrgent() { if let e = urgentEntry, !e.isEmpty { urgentEntry = String(e.dropLast()) } }
    mutating func cancelUrgent() { urgentEntry = nil }

    /// The typed account joins the team's day as an urgent visit (a decision) and the day is re-planned.
    mutating func confirmUrgent(routes: inout RoutesModel, customers: CustomersModel, decisions: RouteDecisions) -> String {
        let typed = (urgentEntry ?? "").trimmingCharacters(in: .whitespaces)
        urgentEntry = nil
        guard !typed.isEmpty else { return "urgent visit: no account id typed" }
        guard let account = customers.customers.firstIndex(where: { $0.id.caseInsensitiveCompare(typed) == .orderedSame }) else {
            return "urgent visit: no account '\(TerminalText.safe(typed))'"
        }
        let id = customers.customers[account].id
        for p in team(routes) where (routes.reps[p].days[safe: day] ?? []).contains(where: { $0.account == account }) {
            return "urgent visit: \(id) is already in \(routes.reps[p].rep.name)'s day \(day + 1)"
        }
        let rep = routes.reps[repPosition].rep
        if let error = decisions.record(Self.urgentAction, "\(rep.id)/day\(day + 1)/\(id)", "") { return "urgent visit: \(error)" }
        routes.field.urgent.append(FieldDayLive.Urgent(rep: repPosition, day: day, account: account))
        return replanTeam(routes: &routes, customers: customers, decisions: decisions)
    }

    /// The rest of the day re-planned across the team (`TerritoryReplan`) at now: done and
    /// no-show stops stay, cancelled ones leave, urgent visits join, locked stops stay with their
    /// rep. The new days replace the team's (a decision with every rep's order), and what moved is shown.
    mutating func replanTeam(routes: inout RoutesModel, customers: CustomersModel, decisions: RouteDecisions) -> String {
        let team = team(routes), d = day, now = Self.now(routes)
        var byAccount: [Int: RouteStop] = [:]
        let days = team.map { p -> TerritoryReplan.RepDay in
            let rr = routes.reps[p], stops = rr.days[safe: d] ?? []
            for s in stops { byAccount[s.account] = s }
            return TerritoryReplan.RepDay(rep: rr.rep, stops: stops.map { Self.engineStop($0, customers) },
                                          states: stops.map { routes.field.state(rep: p, day: d, account: $0.account) },
                                          locked: p == repPosition ? locked : [])
        }
        let pending = routes.field.urgent.filter { $0.day == d && team.contains($0.rep) }
        let urgent = pending.map { u in Self.engineStop(Self.urgentStop(u.account, routes: routes, customers: customers), customers) }
        for u in pending where byAccount[u.account] == nil { byAccount[u.account] = Self.urgentStop(u.account, routes: routes, customers: customers) }
        let settings = TerritoryReplan.Settings(travel: routes.travel, matrix: routes.matrix, accountIds: customers.customers.map(\.id),
                                                seed: routes.seed &+ UInt64(d), iterations: 3000)
        let started = WallClock.monotonic()
        let x: TerritoryReplan
        do throws(RoutingError) { x = try TerritoryReplan.replan(days, urgent: urgent, now: now, settings) } catch { return "re-plan: \(error)" }
        let ms = Int(((WallClock.monotonic() - started) * 1000).rounded())
        var order: [String] = []
        for (k, p) in team.enumerated() {
            let route = x.routes[k]
            var stops = route.visited.compactMap { byAccount[$0.account] }
            var departed = route.problem.problem.vehicles[0].earliest
            for t in route.timeline.stops {
                guard var s = byAccount[route.planned[t.node - 1].account] else { continue }
                s.arrivalMinute = t.start / 60
                s.waitMinutes = max(0, t.start - departed - t.travelSeconds) / 60
                s.travelKm = t.travelKm
                departed = t.end
                stops.append(s)
            }
            for q in stops.indices { stops[q].sequence = q + 1 }
            while routes.reps[p].days.count <= d { routes.reps[p].days.append([]) }
            routes.reps[p].days[d] = stops
            order.append(routes.reps[p].rep.id + ":" + stops.map { "\(customers.customers[$0.account].id)@\($0.arrivalMinute)/\($0.waitMinutes)" }.joined(separator: ","))
        }
        let placed = Set(x.routes.flatMap { $0.planned.map(\.account) })
        routes.field.urgent.removeAll { $0.day == d && placed.contains($0.account) }
        let summary = Self.summary(x, team: team, day: d, routes: routes, customers: customers, ms: ms)
        routes.field.moved[d] = summary.labels
        routes.field.summary[d] = summary.line
        let teamIds = team.map { routes.reps[$0].rep.id }.joined(separator: ",")
        let saved = decisions.record(Self.replanAction, "day\(d + 1)/team \(teamIds)", order.joined(separator: ";") + "|" + summary.line)
        refresh(routes, customers)
        return summary.line + (saved.map { " (not saved: \($0))" } ?? "")
    }

    /// "3 stops moved: C-1043 ana→luis, …; 1 cancelled · all 5 routes feasible · 42 ms", with the row labels.
    static func summary(_ x: TerritoryReplan, team: [Int], day d: Int, routes: RoutesModel, customers: CustomersModel, ms: Int)
        -> (line: String, labels: [Int: String]) {
        func name(_ k: Int?) -> String { k.map { routes.reps[team[$0]].rep.name.split(separator: " ").first.map(String.init) ?? "?" } ?? "–" }
        var labels: [Int: String] = [:], parts: [String] = [], cancelled: [String] = [], leftOut: [String] = []
        for m in x.moves {
            let id = customers.customers[m.account].id
            if m.to == nil, let f = m.from, routes.field.state(rep: team[f], day: d, account: m.account) == .cancelled {
                cancelled.append(id)
                continue
            }
            if m.to == nil {
                leftOut.append("\(id) (\(name(m.from)))")
                continue
            }
            let label = m.from == nil ? "urgent→\(name(m.to))" : "\(name(m.from))→\(name(m.to))"
            labels[m.account] = label
            parts.append("\(id) \(label)")
        }
        let feasible = x.routes.filter(\.verdict.isFeasible).count
        var line = parts.isEmpty ? "nothing moved" : "\(parts.count) stop\(parts.count == 1 ? "" : "s") moved: " + parts.prefix(6).joined(separator: ", ")
            + (parts.count > 6 ? ", …" : "")
        if !cancelled.isEmpty { line += " · \(cancelled.count) cancelled" }
        if !leftOut.isEmpty {
            line += " · \(leftOut.count) no longer fit: " + leftOut.prefix(4).joined(separator: ", ") + (leftOut.count > 4 ? ", …" : "")
        }
        line += feasible == x.routes.count ? " · all \(feasible) routes feasible" : " · \(x.routes.count - feasible) routes NOT feasible"
        if !x.unplacedRequired.isEmpty {
            line += " · did not fit: " + x.unplacedRequired.map { customers.customers[$0].id }.joined(separator: ", ")
        }
        return (line + " · \(ms) ms", labels)
    }

    /// A stop of the screen as the rep-day problem's stop.
    static func engineStop(_ s: RouteStop, _ customers: CustomersModel) -> RepDayProblem.Stop {
        let c = customers.customers[s.account]
        return RepDayProblem.Stop(account: s.account, lat: c.lat, lon: c.lon, opens: s.windowStart, closes: s.windowEnd,
                                  serviceMinutes: s.serviceMinutes, nbaPercentile: s.nbaPercentile)
    }

    /// An urgent visit as a stop: the account's own window and visit length, else the run's.
    static func urgentStop(_ account: Int, routes: RoutesModel, customers: CustomersModel) -> RouteStop {
        let c = customers.customers[account], w = c.visitWindow
        let pct = customers.nbaRank.indices.contains(account) && customers.count > 1
            ? 1 - Double(customers.nbaRank[account] - 1) / Double(customers.count - 1) : 0.5
        return RouteStop(sequence: 0, account: account, arrivalMinute: 0, windowStart: w?.opens ?? 0, windowEnd: w?.closes ?? 24 * 60,
                         waitMinutes: 0, serviceMinutes: w?.minutes ?? routes.visitMinutes, travelKm: 0, nbaPercentile: pct,
                         channel: "field")
    }
}
