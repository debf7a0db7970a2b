import Engine

extension SalesScreens {
    /// Each rep's saved stops, NBA-aware and distance-only, with the schedule the run saved for
    /// each (travel from the previous stop, waiting, the visit's window and length).
    static func routesModel(_ m: CustomersModel, reps: [Rep], territories: TerritoriesModel, saved: [RouteStopRow],
                            distanceOnly: [RouteStopRow], compare: [RouteCompareTable.Row], config: PipelineConfig) -> RoutesModel {
        let days = config.sales.planningDays
        var repIndex: [String: Int] = [:]
        for (k, r) in reps.enumerated() { repIndex[r.id] = k }
        var accountIndex: [String: Int] = [:]
        for (k, c) in m.customers.enumerated() { accountIndex[c.id] = k }
        var comparison: [Int: RouteComparison] = [:]
        for row in compare { if let r = repIndex[row.rep] { comparison[r] = row } }
        let nba = weeks(saved, m, reps: reps, repIndex: repIndex, accountIndex: accountIndex, days: days)
        let distance = weeks(distanceOnly, m, reps: reps, repIndex: repIndex, accountIndex: accountIndex, days: days)
        let out: [RepRoutes] = reps.enumerated().map { r, rep in
            let territory = territories.rows.first { $0.rep == r }?.number ?? 0
            return RepRoutes(rep: rep, index: r, territory: territory, days: nba[r], distanceDays: distance[r], comparison: comparison[r])
        }
        return RoutesModel(reps: out, planningDays: days, visitMinutes: config.sales.visitMinutes,
                           routeIterations: config.sales.routeIterations, seed: config.seed, travel: territories.region.travel,
                           matrix: try? config.travelMatrix?.load())
    }

    /// Per rep and day, the stops of one saved routes table, in visiting order.
    static func weeks(_ saved: [RouteStopRow], _ m: CustomersModel, reps: [Rep], repIndex: [String: Int], accountIndex: [String: Int],
                      days: Int) -> [[[RouteStop]]] {
        var out = [[[RouteStop]]](repeating: [[RouteStop]](repeating: [], count: days), count: reps.count)
        for row in saved {
            guard let r = repIndex[row.rep], let a = accountIndex[row.account] else { continue }
            let d = row.day - 1
            guard d >= 0, d < days else { continue }
            out[r][d].append(RouteStop(sequence: row.sequence, account: a, arrivalMinute: row.arrivalMinute, windowStart: row.windowStart,
                                       windowEnd: row.windowEnd, waitMinutes: row.waitMinutes, serviceMinutes: row.serviceMinutes,
                                       travelKm: row.travelKm, nbaPercentile: row.nbaPercentile, channel: m.channelName(a),
                                       fillIn: row.fillIn))
        }
        return out.map { $0.map { $0.sorted { $0.sequence < $1.sequence } } }
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
