import Engine

extension SalesScreens {
    /// Each rep's saved stops, NBA-aware and distance-only, with travel from the previous stop
    /// (the routing engine's travel model on the coordinates), waiting before the visit and the
    /// visit window (the account's opening hours within the rep's working hours, and its
    /// visit length, as the run's routing used them). Travel
    /// is the region's (`Region.travel`), the model the run's routing used on the same data.
    static func routesModel(_ m: CustomersModel, reps: [Rep], territories: TerritoriesModel, saved: [RouteStopRow],
                            distanceOnly: [RouteStopRow], compare: [RouteCompareTable.Row], config: PipelineConfig) -> RoutesModel {
        let days = config.sales.planningDays
        var repIndex: [String: Int] = [:]
        for (k, r) in reps.enumerated() { repIndex[r.id] = k }
        var accountIndex: [String: Int] = [:]
        for (k, c) in m.customers.enumerated() { accountIndex[c.id] = k }
        var comparison: [Int: RouteComparison] = [:]
        for row in compare { if let r = repIndex[row.rep] { comparison[r] = row } }
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
    static func weeks(_ saved: [RouteStopRow], _ m: CustomersModel, reps: [Rep], repIndex: [String: Int], accountIndex: [String: Int],
                      days: Int, visit: Int, travel: TravelModel) -> [[[RouteStop]]] {
        typealias Raw = (seq: Int, account: Int, arrival: Int, pct: Double, fillIn: Bool)
        var raw = [[[Raw]]](repeating: [[Raw]](repeating: [], count: days), count: reps.count)
        for row in saved {
            guard let r = repIndex[row.rep], let a = accountIndex[row.account] else { continue }
            let d = row.day - 1
            guard d >= 0, d < days else { continue }
            raw[r][d].append((row.sequence, a, row.arrivalMinute, row.nbaPercentile, row.fillIn))
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

    static func channelsModel(channels: [ChannelSummary], centre: [ContactCentrePlan.ChannelResult],
                              staffing: [ContactCentrePlan.Interval], schedule: [ScheduleTable.Row]) -> ChannelsModel {
        let rows = channels.map { c in ChannelsModel.Row(summary: c, centre: centre.first { $0.channel == c.channel }) }
        var order: [SalesChannel] = []
        var groups: [SalesChannel: [ContactCentrePlan.Interval]] = [:]
        for v in staffing {
            if groups[v.channel] == nil { order.append(v.channel) }
            groups[v.channel, default: []].append(v)
        }
        let staff = order.map { channel in
            let g = groups[channel] ?? []
            return ChannelsModel.Staffing(channel: channel.rawValue, intervals: g.map { StaffingTable.cell($0, .interval) },
                                          needed: g.map { Double($0.rosterNeeded) }, available: g.map { Double($0.agentsAvailable) },
                                          serviceLevel: g.map(\.serviceLevel))
        }
        return ChannelsModel(rows: rows, staffing: staff, schedule: schedule)
    }
}
