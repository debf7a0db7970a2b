import Core
import Support
import Sales
import Optimisation
/// Stages 2–7 of DESIGN.md on gated data.
extension Pipeline {
    /// The models stage: needs the gated customers only, so it runs while the tickets are
    /// still being drawn and gated on their own branch. Recorded by the caller, after the data
    /// and gates stages it overlaps.
    package static func modelsStage(_ customers: [Customer], config: PipelineConfig, extras: CustomerExtras?) throws(PipelineError)
        -> TimedStage<ModelScores> {
        let sc = config.sales
        guard !customers.isEmpty else { throw PipelineError("no customers passed the quality gates; nothing to plan") }
        let start = WallClock.monotonic()
        let models: ModelScores
        do { models = try SalesModels.fit(customers, extras: extras, asOfDay: config.asOfDay, config: sc, seed: config.seed, threads: config.threads) } catch {
            throw PipelineError("models stage stopped the run: \(error.description)")
        }
        var kpis: [KPI] = []
        if models.churnModelled {
            kpis += [KPI(name: "churn AUC (out of fold)", value: models.auc, target: sc.targets.churnAUC),
                     KPI(name: "churn calibration error", value: models.ece, target: sc.targets.churnECE, higherIsBetter: false)]
        }
        if models.valueModelled {
            kpis += [KPI(name: "value RMSE (log)", value: models.rmseLog, target: sc.targets.valueRMSELog, higherIsBetter: false),
                     KPI(name: "value R² (log)", value: models.r2Log)]
        }
        return TimedStage(value: models, kpis: kpis, start: start, end: WallClock.monotonic(),
                          counts: [.init("labelled", models.labelled), .init("scored", customers.count), .init("folds", sc.folds)],
                          warnings: models.notes + missed(kpis))
    }

    /// Stages 3–7 on the models' scores (the models stage's KPIs are the caller's).
    /// `slaPolicy` is the SLA stage's: open-ticket deadlines follow its targets and calendar.
    package static func runSalesStages(_ customers: [Customer], _ reps: [Rep], _ tickets: [Ticket], models: ModelScores, config: PipelineConfig,
                               slaPolicy: SLAPolicy, template: PrepScriptTemplate, rec: inout TraceRecorder) throws(PipelineError) -> (SalesRun, [KPI]) {
        let sc = config.sales
        let n = customers.count
        var kpis: [KPI] = []
        var start = WallClock.monotonic()
        let clock: SLAClock
        do { clock = SLAClock(policy: try slaPolicy.resolved(for: tickets)) } catch { throw PipelineError("SLA policy: \(error)") }
        // The planning day starts at midnight of the as-of day; deadlines are taken from there.
        let dayStart = Int64(config.asOfDay) * 86_400
        let open = OpenTickets(customers: customers, tickets: tickets, clock: clock, now: dayStart)
        let value6m = customers.map { c -> Double in
            guard let day = c.lastPurchaseDay, config.asOfDay - day <= 183 else { return 0 }
            return c.amount ?? 0
        }
        let recency = customers.map { c in Double(c.lastPurchaseDay.map { max(0, config.asOfDay - $0) } ?? 540) }
        let friction = (0..<n).map { i in
            Double(customers[i].supportTickets90d + open.count(i)) + ((customers[i].csat ?? 10) < 6 ? 1 : 0)
        }
        let seg = Segmentation(value: value6m, potential: models.potential, valueBuckets: sc.valueBuckets, potentialBuckets: sc.potentialBuckets)
        // A term the data cannot give (no churn labels, no potential at all) weighs nothing.
        var weights = sc.nbaWeights
        if !models.churnModelled { weights.churn = 0 }
        if !models.potentialKnown { weights.potential = 0 }
        let nba = NBAScore(terms: [models.churn, models.potential.map { _log(1 + $0) }, recency, customers.map(\.digitalEngagement),
                                   friction, (0..<n).map(seg.rankScore)], weights: weights)
        let order = nba.priorityOrder()
        var rank = [Int32](repeating: 0, count: n), pct = [Double](repeating: 0, count: n)
        for (pos, i) in order.enumerated() {
            rank[i] = Int32(pos + 1)
            pct[i] = n > 1 ? 1 - Double(pos) / Double(n - 1) : 1
        }
        var warnings: [String] = []
        if seg.valueCount < sc.valueBuckets || seg.potentialCount < sc.potentialBuckets {
            warnings.append("ties left \(seg.valueCount) value × \(seg.potentialCount) potential buckets (asked \(sc.valueBuckets) × \(sc.potentialBuckets))")
        }
        rec.record("segments+nba", since: start, counts: [.init("segments", seg.valueCount * seg.potentialCount), .init("accounts", n),
                                                          .init("with open tickets", (0..<n).filter { open.count($0) > 0 }.count)], warnings: warnings)

        start = WallClock.monotonic()
        let lat = customers.map(\.lat), lon = customers.map(\.lon)
        // The data's own area: its extent sets the travel speed (the demo keeps 40 km/h).
        let area = Region.of(customers: customers, reps: reps, demo: config.demo)
        let workload = FieldTerritories.workloadHours(tiers: customers.map(\.plannedTier), nbaPercentile: pct, visitMinutes: sc.visitMinutes)
        // The anomalies need nothing from the territories: the forest grows on the other core.
        let nbaScores = nba.score.map(Double.init), churn = models.churn, potential = models.potential
        let forest = SideTask { () -> Result<AccountAnomalies, SalesError> in
            Result { () throws(SalesError) in
                try AccountAnomalies(nba: nbaScores, churn: churn, potential: potential, recency: recency,
                                     contamination: sc.contamination, seed: config.seed, threads: config.threads)
            }
        }
        let territories = FieldTerritories(lat: lat, lon: lon, workload: workload, reps: reps, seed: config.seed)
        let anomalies: AccountAnomalies
        do { anomalies = try forest.join().get() } catch { throw PipelineError(error.description) }
        let balance = KPI(name: "territory workload max/min", value: territories.plan.maxOverMin.isFinite ? territories.plan.maxOverMin : 0,
                          target: 1.2, higherIsBetter: false)
        if !reps.isEmpty { kpis.append(balance) }
        let flagged = anomalies.flagged.filter { $0 }.count
        rec.record("territories+anomalies", since: start,
                   counts: [.init("territories", territories.repOfTerritory.count), .init("anomalies", flagged)],
                   warnings: reps.isEmpty ? ["no reps: no territories or routes"] : missed([balance]))

        start = WallClock.monotonic()
        let fit = ChannelFit.scores(.init(
            value: value6m.map { _log(1 + $0) }, nba: nba.score.map(Double.init), churn: models.churn, engagement: customers.map(\.digitalEngagement),
            inboundCalls: customers.map { Double($0.inboundCalls30d) }, friction: friction, connectRate: customers.map(\.outboundConnectRate),
            abandonedCarts: customers.map { Double($0.abandonedCarts30d) }, ecomOrders: customers.map { Double($0.ecomOrders30d) },
            preferred: customers.map { $0.preferredChannel?.code ?? UInt8.max }), preferenceBonus: sc.preferenceBonus)
        let capacity = sc.channelCapacity(reps: reps)
        var allocation = ChannelAllocation(fit: fit, priority: order, capacity: capacity, days: sc.planningDays, threads: config.threads)
        // The field's routes choose among more candidates than the reps fit; the allocation then
        // follows them (visited accounts move to the field, unvisited field accounts go elsewhere).
        let k = ChannelFit.channels
        let field = SalesChannel.field.code
        let fieldDay = (0..<n).map { allocation.channel[$0] == field ? allocation.day[$0] : -1 }
        // Another channel's account may be taken over when a visit suits it about as well: field fit within 0.1 of that channel's.
        let otherDay = (0..<n).map { i -> Int32 in
            let c = Int(allocation.channel[i])
            return c != Int(field) && fit[i * k] >= fit[i * k + c] - 0.1 ? max(0, allocation.day[i]) : -1
        }
        let matrix: TravelMatrix?
        do throws(InputError) { matrix = try config.travelMatrix?.load() } catch { throw PipelineError(error.description) }
        let routes = FieldRoutes(territories: territories, reps: reps, lat: lat, lon: lon, percentile: pct, fieldDay: fieldDay,
                                 otherDay: otherDay, visitsPerDay: sc.fieldVisitsPerRep(reps), days: sc.planningDays,
                                 visitMinutes: sc.visitMinutes, iterations: sc.routeIterations, seed: config.seed,
                                 travel: area.travel, windows: customers.map(\.visitWindow), matrix: matrix,
                                 accountIds: matrix == nil ? [] : customers.map(\.id))
        let handover = allocation.applyFieldRoutes(visitDay: routes.visitDay(accounts: n), fit: fit)
        var allocWarnings: [String] = []
        if allocation.beyondHorizon > 0 {
            allocWarnings.append("\(allocation.beyondHorizon) accounts wait beyond the \(sc.planningDays)-day horizon (daily capacity \(capacity.reduce(0, +)))")
        }
        let gain = routes.comparison.map { $0.highNBAVisitsNBA - $0.highNBAVisitsDistance }.reduce(0, +)
        let gainKPI = KPI(name: "high-NBA visits gained vs distance-only", value: Double(gain), target: 0)
        if let why = Self.noGainReason(routes, gain: gain) { allocWarnings.append(why) }
        kpis.append(KPI(name: "accounts served today", value: Double(allocation.summary.map(\.allocated).reduce(0, +))))
        kpis.append(KPI(name: "accounts beyond the horizon", value: Double(allocation.beyondHorizon), target: 0, higherIsBetter: false))
        kpis += [gainKPI, KPI(name: "field visits taken over from another channel", value: Double(routes.fillIns))]
        let summary = allocation.summary
        let kmNBA = routes.comparison.map(\.kmNBA).reduce(0, +), kmDistance = routes.comparison.map(\.kmDistance).reduce(0, +)
        rec.record("allocation+routes", since: start, counts: [.init("today", summary.map(\.allocated).reduce(0, +)),
                                                               .init("later days", summary.map(\.deferred).reduce(0, +)),
                                                               .init("beyond horizon", allocation.beyondHorizon),
                                                               .init("moved to a next-best channel", summary.map(\.movedOut).reduce(0, +)),
                                                               .init("visits", routes.visits.count), .init("fill-in visits", routes.fillIns),
                                                               .init("handed back by the field", handover.handedBack),
                                                               .init("high-NBA visits gained", gain),
                                                               .init("km NBA-aware", Int(kmNBA.rounded())),
                                                               .init("km distance-only", Int(kmDistance.rounded()))]
                                                               + (matrix == nil ? [] : [.init("legs from the travel matrix", routes.legs - routes.estimatedLegs),
                                                                                        .init("legs estimated (not in the matrix)", routes.estimatedLegs)]),
                   warnings: allocWarnings + missed([gainKPI])
                       + (handover.waiting > 0 ? ["\(handover.waiting) field accounts the routes could not fit and no channel had room for wait past the horizon"] : []))

        start = WallClock.monotonic()
        let deadline = (0..<n).map(open.deadlineMinute)
        let today = (0..<n).compactMap { i -> (account: Int, channel: SalesChannel)? in
            guard allocation.day[i] == 0, let ch = SalesChannel(code: allocation.channel[i]) else { return nil }
            return (i, ch)
        }
        let cc = ContactCentrePlan(accounts: today, nba: nba.score, deadline: deadline, overdueSeconds: open.overdueSeconds,
                                   staffing: sc.contactCentre)
        // The plan is judged on the deadlines it could still meet; contacts overdue before the open are counted apart.
        let met = cc.channels.map(\.slaMet).reduce(0, +), missedSLA = cc.channels.map(\.slaMissed).reduce(0, +)
        let overdueAtStart = cc.channels.map(\.overdueAtStart).reduce(0, +)
        let slaKPI = KPI(name: "contact-centre SLA met share", value: met + missedSLA > 0 ? Double(met) / Double(met + missedSLA) : 1, target: 0.9)
        let backlog = cc.channels.map(\.backlog).reduce(0, +)
        kpis += [slaKPI, KPI(name: "contact-centre backlog", value: Double(backlog), target: 0, higherIsBetter: false),
                 KPI(name: "contacts overdue at start", value: Double(overdueAtStart))]
        rec.record("contact centre", since: start,
                   counts: [.init("scheduled calls", cc.channels.map(\.scheduled).reduce(0, +)), .init("backlog", backlog),
                            .init("overdue at start", overdueAtStart)],
                   warnings: missed([slaKPI]) + (backlog > 0 ? ["\(backlog) contacts do not fit today's contact-centre capacity"] : [])
                       + (overdueAtStart > 0 ? ["\(overdueAtStart) contacts were past their ticket's SLA before the contact centre opened"] : []))

        start = WallClock.monotonic()
        let partial = SalesRun(models: models, value6m: value6m, recencyDays: recency, friction: friction, segmentation: seg, nba: nba,
                               nbaRank: rank, nbaPercentile: pct, openTickets: open, deadlineMinute: deadline, territories: territories,
                               anomalies: anomalies, fit: fit, allocation: allocation, contactCentre: cc, routes: routes, travel: area.travel,
                               scripts: [])
        let scripts = PrepScriptBuilder.scripts(partial, customers: customers, reps: reps, tickets: tickets, config: config, template: template)
        var run = partial
        run.scripts = scripts
        rec.record("scripts", since: start, counts: [.init("scripts", scripts.count)], warnings: [])
        return (run, kpis)
    }

    /// Why NBA-aware routing gained no high-NBA visit over the distance-only plan, or nil when it did.
    package static func noGainReason(_ routes: FieldRoutes, gain: Int) -> String? {
        guard gain <= 0, !routes.comparison.isEmpty else { return nil }
        let c = routes.comparison
        let candidates = c.map(\.candidates).reduce(0, +), high = c.map(\.highNBACandidates).reduce(0, +)
        let nbaVisits = c.map(\.visitsNBA).reduce(0, +), distanceHigh = c.map(\.highNBAVisitsDistance).reduce(0, +)
        if nbaVisits >= candidates { return "no high-NBA visits gained: the reps fit every candidate (\(candidates)), so both plans visit them all" }
        if distanceHigh >= high { return "no high-NBA visits gained: the distance-only plan already visits all \(high) high-NBA candidates" }
        return "no high-NBA visits gained: \(gain) (the NBA-aware plan trades high-NBA visits for other prizes)"
    }

    package static func missed(_ kpis: [KPI]) -> [String] {
        kpis.filter { !$0.met }.map { k in
            "\(k.name) \(KPIText.number(k.value)) misses its target \(k.higherIsBetter ? "≥" : "≤") \(KPIText.number(k.target ?? 0))"
        }
    }
}

package enum KPIText {
    package static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return String(Int64(v)) }
        let t = Int64((v * 1000).rounded())
        let s = String(abs(t) % 1000)
        return (t < 0 ? "-" : "") + String(abs(t) / 1000) + "." + String(repeating: "0", count: 3 - s.count) + s
    }
}
