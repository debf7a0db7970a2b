/// What a run saves for the command center: one binary table of per-account scores and small
/// CSV tables for everything else, all formatted here so the same run gives the same bytes.
extension Pipeline {
    public static let accountsArtifact = "accounts.bin"

    static func salesArtifacts(_ s: SalesRun, customers: [Customer], reps: [Rep]) -> [String: [UInt8]] {
        let n = customers.count
        var cols = ColumnFile(rowCount: n)
        cols.add("churn", .float(s.models.churn.map(Float.init)))
        cols.add("potential", .float(s.models.potential.map(Float.init)))
        cols.add("nba", .float(s.nba.score))
        cols.add("nba_rank", .int(s.nbaRank))
        cols.add("value_6m", .float(s.value6m.map(Float.init)))
        cols.add("recency_days", .float(s.recencyDays.map(Float.init)))
        cols.add("open_tickets", .int((0..<n).map { Int32(s.openTickets.count($0)) }))
        cols.add("value_bucket", .byte(s.segmentation.valueBucket))
        cols.add("potential_bucket", .byte(s.segmentation.potentialBucket))
        for r in 0..<NBAScore.reasonSlots {
            cols.add("reason\(r + 1)", .byte((0..<n).map { s.nba.reasons[$0 * NBAScore.reasonSlots + r] }))
        }
        cols.add("channel", .byte(s.allocation.channel))
        cols.add("day", .int(s.allocation.day))
        cols.add("deadline_minute", .int(s.deadlineMinute.map { $0 ?? Int32.min }))
        cols.add("anomaly_score", .float(s.anomalies.score))
        cols.add("anomaly", .byte(s.anomalies.flagged.map { $0 ? 1 : 0 }))
        cols.add("territory", .int(s.territories.territory))
        let id = { (i: Int) in customers[i].id }
        let repId = { (r: Int) in r >= 0 && r < reps.count ? reps[r].id : "" }

        var seg = DataTable(columns: ["segment", "value_bucket", "potential_bucket", "accounts", "mean_value_6m", "mean_potential", "mean_nba"])
        let sv = s.segmentation.valueCount, sp = s.segmentation.potentialCount
        var cnt = [Int](repeating: 0, count: sv * sp), sumV = [Double](repeating: 0, count: sv * sp), sumP = sumV, sumN = sumV
        for i in 0..<n {
            let g = s.segmentation.segment(i)
            cnt[g] += 1; sumV[g] += s.value6m[i]; sumP[g] += s.models.potential[i]; sumN[g] += Double(s.nba.score[i])
        }
        for g in 0..<(sv * sp) {
            let c = Double(max(1, cnt[g]))
            seg.append(["V\(g / sp + 1)·P\(g % sp + 1)", String(g / sp + 1), String(g % sp + 1), String(cnt[g]),
                        fmt(sumV[g] / c, 2), fmt(sumP[g] / c, 2), fmt(sumN[g] / c, 4)])
        }

        // demand = allocated + deferred + beyond_horizon = best_fit + moved_in − moved_out (see ChannelSummary).
        var channels = DataTable(columns: ["channel", "capacity", "demand", "allocated", "deferred", "beyond_horizon", "best_fit",
                                           "moved_in", "moved_out", "confidence", "mean_fit"])
        for c in s.allocation.summary {
            channels.append([c.channel.rawValue, String(c.capacity), String(c.demand), String(c.allocated), String(c.deferred),
                             String(c.beyondHorizon), String(c.bestFit), String(c.movedIn), String(c.movedOut),
                             fmt(c.confidence, 4), fmt(c.meanFit, 4)])
        }
        var staffing = DataTable(columns: ["channel", "interval", "contacts", "erlangs", "agents_needed", "roster_needed", "agents_available", "service_level"])
        for v in s.contactCentre.intervals {
            staffing.append([v.channel.rawValue, PrepScript.clock(v.startMinute), String(v.contacts), fmt(v.erlangs, 3), String(v.agentsNeeded),
                             String(v.rosterNeeded), String(v.agentsAvailable), fmt(v.serviceLevel, 4)])
        }
        var ccTable = DataTable(columns: ["channel", "planned", "scheduled", "backlog", "per_interval", "sla_met", "sla_missed",
                                          "overdue_at_start"])
        for c in s.contactCentre.channels {
            ccTable.append([c.channel.rawValue, String(c.planned), String(c.scheduled), String(c.backlog), String(c.perInterval),
                            String(c.slaMet), String(c.slaMissed), String(c.overdueAtStart)])
        }
        var schedule = DataTable(columns: ["order", "account", "channel", "start", "deadline", "nba", "sla"])
        for (k, c) in s.contactCentre.schedule.enumerated() {
            let due = c.overdueSeconds > 0 ? "overdue " + fmt(Double(c.overdueSeconds) / 3600, 1) + " h" : c.deadlineMinute.map(deadlineText) ?? ""
            schedule.append([String(k + 1), id(c.account), c.channel.rawValue, c.startMinute.map(PrepScript.clock) ?? "backlog",
                             due, fmt(Double(c.nba), 4), c.sla.rawValue])
        }
        // kind: "field" for an account allocated to the field in the horizon, "fill-in" for one the
        // field took over from another channel (that contact released: the saved allocation has it on the field).
        func routeTable(_ visits: [FieldRoutes.Visit]) -> DataTable {
            var t = DataTable(columns: ["rep", "day", "sequence", "account", "arrival", "prize", "nba_percentile", "kind"])
            for v in visits {
                t.append([repId(v.rep), String(v.day + 1), String(v.sequence), id(v.account), PrepScript.clock(v.arrivalMinute),
                          String(v.prize), fmt(s.nbaPercentile[v.account], 4), v.fillIn ? "fill-in" : "field"])
            }
            return t
        }
        let routes = routeTable(s.routes.visits), distanceRoutes = routeTable(s.routes.distanceVisits)
        var compare = DataTable(columns: ["rep", "candidates", "high_nba_candidates", "visits_nba", "high_nba_visits_nba", "km_nba", "visits_distance_only",
                                          "high_nba_visits_distance_only", "km_distance_only"])
        for c in s.routes.comparison {
            compare.append([repId(c.rep), String(c.candidates), String(c.highNBACandidates), String(c.visitsNBA), String(c.highNBAVisitsNBA), fmt(c.kmNBA, 1),
                            String(c.visitsDistance), String(c.highNBAVisitsDistance), fmt(c.kmDistance, 1)])
        }
        var terr = DataTable(columns: ["territory", "rep", "accounts", "workload_hours", "centre_lat", "centre_lon"])
        let plan = s.territories.plan
        var accounts = [Int](repeating: 0, count: plan.workload.count)
        for t in s.territories.territory where t >= 0 && Int(t) < accounts.count { accounts[Int(t)] += 1 }
        for t in 0..<plan.workload.count {
            terr.append([String(t + 1), repId(s.territories.repOfTerritory[t]), String(accounts[t]), fmt(plan.workload[t], 1),
                         fmt(plan.centreLat[t], 5), fmt(plan.centreLon[t], 5)])
        }
        var anomalies = DataTable(columns: ["account", "score", "nba", "churn", "potential", "recency_days", "why"])
        let flagged = (0..<n).filter { s.anomalies.flagged[$0] }.sorted { s.anomalies.score[$0] != s.anomalies.score[$1] ? s.anomalies.score[$0] > s.anomalies.score[$1] : $0 < $1 }
        for i in flagged {
            anomalies.append([id(i), fmt(Double(s.anomalies.score[i]), 4), fmt(Double(s.nba.score[i]), 4), fmt(s.models.churn[i], 4),
                              fmt(s.models.potential[i], 2), fmt(s.recencyDays[i], 0), s.anomalies.why(i)])
        }
        var calibration = DataTable(columns: ["lower", "upper", "accounts", "mean_predicted", "observed_rate"])
        for b in s.models.calibration {
            calibration.append([fmt(b.lower, 2), fmt(b.upper, 2), String(b.count), fmt(b.meanPredicted, 4), fmt(b.observedRate, 4)])
        }
        var importance = DataTable(columns: ["feature", "churn_gain"])
        for (name, g) in s.models.importance { importance.append([name, fmt(g, 4)]) }
        let tables: [(String, DataTable)] = [
            ("segments.csv", seg), ("channels.csv", channels), ("staffing.csv", staffing), ("contact_centre.csv", ccTable),
            ("schedule.csv", schedule), ("routes.csv", routes), ("routes_distance_only.csv", distanceRoutes),
            ("route_compare.csv", compare), ("territories.csv", terr),
            ("anomalies.csv", anomalies), ("calibration.csv", calibration), ("importance.csv", importance),
        ]
        var out: [String: [UInt8]] = [accountsArtifact: cols.bytes()]
        for (name, t) in tables { out[name] = t.csvBytes() }
        return out
    }

    /// The prep scripts, most of a run's bytes: formatted apart from the other sales tables so
    /// the two can be formatted on two cores.
    static func scriptsArtifact(_ s: SalesRun, customers: [Customer]) -> [String: [UInt8]] {
        var scripts = DataTable(columns: ["account", "channel", "day", "script"])
        for sc in s.scripts { scripts.append([customers[sc.account].id, sc.channel.rawValue, String(sc.day + 1), sc.text]) }
        return ["scripts.csv": scripts.csvBytes()]
    }

    /// "14:05" on the planning day, "+2d 09:00" two days later (days never count back: a
    /// deadline before the day is "overdue at start" instead).
    static func deadlineText(_ minute: Int) -> String {
        let day = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440)
        let m = minute - day * 1440
        return day == 0 ? PrepScript.clock(m) : (day > 0 ? "+" : "") + "\(day)d " + PrepScript.clock(m)
    }

    /// Fixed decimals from integer arithmetic (no locale, same bytes everywhere).
    static func fmt(_ v: Double, _ decimals: Int) -> String {
        v.isFinite ? fixedDecimal(v, decimals) : ""
    }
}
