import Core
import Sales
/// What a run saves for the command center: one binary table of per-account scores and small
/// CSV tables for everything else, each written by its `RunTable` (Tables/), so the same run
/// gives the same bytes and the screens and exports read the same rows back.
extension Pipeline {
    public static let accountsArtifact = AccountScores.artifact

    package static func salesArtifacts(_ s: SalesRun, customers: [Customer], reps: [Rep], visitMinutes: Int) -> [String: [UInt8]] {
        let n = customers.count
        let id = { (i: Int) in customers[i].id }
        let repId = { (r: Int) in r >= 0 && r < reps.count ? reps[r].id : "" }

        let sv = s.segmentation.valueCount, sp = s.segmentation.potentialCount
        var cnt = [Int](repeating: 0, count: sv * sp), sumV = [Double](repeating: 0, count: sv * sp), sumP = sumV, sumN = sumV
        for i in 0..<n {
            let g = s.segmentation.segment(i)
            cnt[g] += 1; sumV[g] += s.value6m[i]; sumP[g] += s.models.potential[i]; sumN[g] += Double(s.nba.score[i])
        }
        let segments = (0..<(sv * sp)).map { g in
            let c = Double(max(1, cnt[g]))
            return SegmentsTable.Row(segment: "V\(g / sp + 1)·P\(g % sp + 1)", valueBucket: g / sp + 1, potentialBucket: g % sp + 1,
                                     accounts: cnt[g], meanValue6m: sumV[g] / c, meanPotential: sumP[g] / c, meanNBA: sumN[g] / c)
        }
        let schedule = s.contactCentre.schedule.enumerated().map { k, c in
            let due = c.overdueSeconds > 0 ? "overdue " + fmt(Double(c.overdueSeconds) / 3600, 1) + " h" : c.deadlineMinute.map(deadlineText) ?? ""
            return ScheduleTable.Row(order: k + 1, account: id(c.account), channel: c.channel.rawValue,
                                     start: c.startMinute.map(PrepScript.clock) ?? "backlog", deadline: due, nba: Double(c.nba),
                                     sla: c.sla.rawValue)
        }
        func stops(_ visits: [FieldRoutes.Visit]) -> [RouteStopRow] {
            RouteSchedule.stops(visits, customers: customers, reps: reps, nbaPercentile: s.nbaPercentile, travel: s.travel,
                                visitMinutes: visitMinutes)
        }
        let compare = s.routes.comparison.map { c in
            RouteCompareTable.Row(rep: repId(c.rep), candidates: c.candidates, highNBACandidates: c.highNBACandidates,
                                  visitsNBA: c.visitsNBA, highNBAVisitsNBA: c.highNBAVisitsNBA, kmNBA: c.kmNBA,
                                  visitsDistance: c.visitsDistance, highNBAVisitsDistance: c.highNBAVisitsDistance, kmDistance: c.kmDistance)
        }
        let plan = s.territories.plan
        var accounts = [Int](repeating: 0, count: plan.workload.count)
        for t in s.territories.territory where t >= 0 && Int(t) < accounts.count { accounts[Int(t)] += 1 }
        let territories = (0..<plan.workload.count).map { t in
            TerritoriesTable.Row(territory: t + 1, rep: repId(s.territories.repOfTerritory[t]), accounts: accounts[t],
                                 workloadHours: plan.workload[t], centreLat: plan.centreLat[t], centreLon: plan.centreLon[t])
        }
        let flagged = (0..<n).filter { s.anomalies.flagged[$0] }.sorted { s.anomalies.score[$0] != s.anomalies.score[$1] ? s.anomalies.score[$0] > s.anomalies.score[$1] : $0 < $1 }
        let anomalies = flagged.map { i in
            AnomaliesTable.Row(account: id(i), score: Double(s.anomalies.score[i]), nba: Double(s.nba.score[i]), churn: s.models.churn[i],
                               potential: s.models.potential[i], recencyDays: s.recencyDays[i], why: s.anomalies.why(i))
        }
        let tables: [(String, [UInt8])] = [
            (SegmentsTable.artifact, SegmentsTable.bytes(segments)),
            (ChannelsTable.artifact, ChannelsTable.bytes(s.allocation.summary)),
            (StaffingTable.artifact, StaffingTable.bytes(s.contactCentre.intervals)),
            (ContactCentreTable.artifact, ContactCentreTable.bytes(s.contactCentre.channels)),
            (ScheduleTable.artifact, ScheduleTable.bytes(schedule)),
            (RoutesTable.artifact, RoutesTable.bytes(stops(s.routes.visits))),
            (DistanceRoutesTable.artifact, DistanceRoutesTable.bytes(stops(s.routes.distanceVisits))),
            (RouteCompareTable.artifact, RouteCompareTable.bytes(compare)),
            (TerritoriesTable.artifact, TerritoriesTable.bytes(territories)),
            (AnomaliesTable.artifact, AnomaliesTable.bytes(anomalies)),
            (CalibrationTable.artifact, CalibrationTable.bytes(s.models.calibration)),
            (RocTable.artifact, RocTable.bytes(RocTable.rows(scores: s.models.churn.map(Float.init), labels: customers.map(\.churned)))),
            (ImportanceTable.artifact, ImportanceTable.bytes(s.models.importance.map { ImportanceTable.Row(feature: $0.0, churnGain: $0.1) })),
        ]
        var out: [String: [UInt8]] = [AccountScores.artifact: AccountScores(s, accounts: n).bytes()]
        for (name, bytes) in tables { out[name] = bytes }
        return out
    }

    /// The prep scripts, most of a run's bytes: formatted apart from the other sales tables so
    /// the two can be formatted on two cores.
    package static func scriptsArtifact(_ s: SalesRun, customers: [Customer]) -> [String: [UInt8]] {
        let rows = s.scripts.map { ScriptsTable.Row(account: customers[$0.account].id, channel: $0.channel.rawValue, day: $0.day + 1, script: $0.text) }
        return [ScriptsTable.artifact: ScriptsTable.bytes(rows)]
    }

    /// "14:05" on the planning day, "+2d 09:00" two days later (days never count back: a
    /// deadline before the day is "overdue at start" instead).
    package static func deadlineText(_ minute: Int) -> String {
        let day = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440)
        let m = minute - day * 1440
        return day == 0 ? PrepScript.clock(m) : (day > 0 ? "+" : "") + "\(day)d " + PrepScript.clock(m)
    }

    /// Fixed decimals from integer arithmetic (no locale, same bytes everywhere).
    package static func fmt(_ v: Double, _ decimals: Int) -> String {
        v.isFinite ? fixedDecimal(v, decimals) : ""
    }
}
