import Engine

extension SalesScreens {
    /// Each rep's saved stops, NBA-aware and distance-only, with travel from the previous stop
    /// (the routing engine's travel model on the coordinates), waiting before the visit and the
    /// visit window (the account's opening hours within the rep's working hours, and its
    /// visit length, as the run's routing used them). Travel
    /// is the region's (`Region.travel`), the model the run's routing used on the same data.
    static func routesModel(_ m: CustomersModel, reps: [Rep], territories: TerritoriesModel, saved: SavedTable, distanceOnly: SavedTable,
                            compare: SavedTable, config: PipelineConfig) -> RoutesModel {
        let days = config.sales.planningDays
        var repIndex: [String: Int] = [:]
        for (k, r) in reps.enumerated() { repIndex[r.id] = k }
        var accountIndex: [String: Int] = [:]
        for (k, c) in m.customers.enumerated() { accountIndex[c.id] = k }
        var comparison: [Int: RouteComparison] = [:]
        for row in compare.rows {
            guard let r = repIndex[compare.text(row, "rep")] else { continue }
            comparison[r] = RouteComparison(candidates: compare.int(row, "candidates"), visitsNBA: compare.int(row, "visits_nba"),
                                            highNBAVisitsNBA: compare.int(row, "high_nba_visits_nba"), kmNBA: compare.number(row, "km_nba"),
                                            visitsDistance: compare.int(row, "visits_distance_only"),
                                            highNBAVisitsDistance: compare.int(row, "high_nba_visits_distance_only"),
                                            kmDistance: compare.number(row, "km_distance_only"))
        }
        let travel = territories.region.travel
        let nba = weeks(saved, m, reps: reps, repIndex: repIndex, accountIndex: accountIndex, days: days, visit: config.sales.visitMinutes,
                        travel: travel)
        let distance = weeks(distanceOnly, m, reps: reps, repIndex: repIndex, accountIndex: accountIndex, days: days,
                             visit: config.sales.visitMinutes, travel: travel)
        let out: [RepRoutes] = reps.enumerated().map { r, rep in
            let territory = territories.rows.first { $0.rep == r }?.number ?? 0
            return RepRoutes(rep: rep, index: r, territory: territory, days: nba[r], distanceDays: distance[r], comparison: comparison[r])
        }
        return RoutesModel(reps: out, planningDays: days, visitMinutes: config.sales.visitMinutes,
                           routeIterations: config.sales.routeIterations, seed: config.seed, travel: travel)
    }

    /// Per rep and day, the stops of one saved routes table, in visiting order.
    static func weeks(_ saved: SavedTable, _ m: CustomersModel, reps: [Rep], repIndex: [String: Int], accountIndex: [String: Int],
                      days: Int, visit: Int, travel: TravelModel) -> [[[RouteStop]]] {
        typealias Raw = (seq: Int, account: Int, arrival: Int, pct: Double, fillIn: Bool)
        var raw = [[[Raw]]](repeating: [[Raw]](repeating: [], count: days), count: reps.count)
        for row in saved.rows {
            guard let r = repIndex[saved.text(row, "rep")], let a = accountIndex[saved.text(row, "account")] else { continue }
            let d = saved.int(row, "day") - 1
            guard d >= 0, d < days else { continue }
            raw[r][d].append((saved.int(row, "sequence"), a, minutes(saved.text(row, "arrival")), saved.number(row, "nba_percentile"),
                              saved.text(row, "kind") == "fill-in"))
        }
        return reps.enumerated().map { r, rep in
            raw[r].map { dayStops in
                var prevLat = rep.homeLat, prevLon = rep.homeLon, free = rep.dayStartMinute
                return dayStops.sorted { $0.seq < $1.seq }.map { s in
                    let c = m.customers[s.account]
                    let km = TravelModel.haversineKm(prevLat, prevLon, c.lat, c.lon) * travel.roadFactor
                    let legMinutes = travel.seconds(prevLat, prevLon, c.lat, c.lon) / 60
                    let service = c.visitWindow?.minutes ?? visit
                    let stop = RouteStop(sequence: s.seq, account: s.account, arrivalMinute: s.arrival,
                                         windowStart: max(rep.dayStartMinute, c.visitWindow?.opens ?? rep.dayStartMinute),
                                         windowEnd: min(rep.dayEndMinute, c.visitWindow?.closes ?? rep.dayEndMinute),
                                         waitMinutes: max(0, s.arrival - free - legMinutes),
                                         serviceMinutes: service, travelKm: km, nbaPercentile: s.pct, channel: m.channelName(s.account),
                                         fillIn: s.fillIn)
                    prevLat = c.lat; prevLon = c.lon; free = s.arrival + service
                    return stop
                }
            }
        }
    }

    /// "09:05" → 545; anything else → 0.
    static func minutes(_ clock: String) -> Int {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return 0 }
        return h * 60 + m
    }

    static func channelsModel(channels: SavedTable, centre: SavedTable, staffing: SavedTable, schedule: SavedTable) -> ChannelsModel {
        let rows: [ChannelsModel.Row] = channels.rows.map { row in
            let name = channels.text(row, "channel")
            let cc = centre.rows.first { centre.text($0, "channel") == name }
            return ChannelsModel.Row(channel: name, demand: channels.int(row, "demand"), allocated: channels.int(row, "allocated"),
                                     deferred: channels.int(row, "deferred"), beyondHorizon: channels.int(row, "beyond_horizon"),
                                     bestFit: channels.int(row, "best_fit"), movedIn: channels.int(row, "moved_in"),
                                     movedOut: channels.int(row, "moved_out"), capacity: channels.int(row, "capacity"),
                                     slaMet: cc.map { centre.int($0, "sla_met") }, slaMissed: cc.map { centre.int($0, "sla_missed") },
                                     overdueAtStart: cc.map { centre.int($0, "overdue_at_start") },
                                     backlog: cc.map { centre.int($0, "backlog") })
        }
        var order: [String] = []
        var groups: [String: [[String]]] = [:]
        for row in staffing.rows {
            let name = staffing.text(row, "channel")
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(row)
        }
        let staff = order.map { name in
            let g = groups[name] ?? []
            return ChannelsModel.Staffing(channel: name, intervals: g.map { staffing.text($0, "interval") },
                                          needed: g.map { staffing.number($0, "roster_needed") },
                                          available: g.map { staffing.number($0, "agents_available") },
                                          serviceLevel: g.map { staffing.number($0, "service_level") })
        }
        let contacts = schedule.rows.map { row in
            ChannelsModel.Contact(order: schedule.int(row, "order"), account: schedule.text(row, "account"),
                                  channel: schedule.text(row, "channel"), start: schedule.text(row, "start"),
                                  deadline: schedule.text(row, "deadline"), nba: schedule.number(row, "nba"),
                                  sla: schedule.text(row, "sla"))
        }
        return ChannelsModel(rows: rows, staffing: staff, schedule: contacts)
    }
}
