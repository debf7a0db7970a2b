import Engine
import Foundation

extension SalesScreens {
    /// Loads the sales screens' data from a saved run; nil when the run saved no sales
    /// stages (the screens then show what they will hold). `demo` (nil: the run config's): the data was
    /// generated (the Barcelona demo, its coast and its travel); otherwise the maps and the
    /// travel come from the region fitted to the accounts' and reps' coordinates.
    public static func load(store: Store, run: RunRecord, demo: Bool? = nil) throws(SalesScreensError) -> SalesScreens? {
        do {
            var parts = SalesScreensParts()
            guard try loadParts(store: store, run: run, demo: demo, progress: { _, _ in }, part: { parts.add($0) }) else { return nil }
            return parts.assembled(runId: run.id)
        } catch let error as SalesScreensError {
            throw error
        } catch let error as RunArtifactError {
            throw SalesScreensError(error.description)
        } catch {
            throw SalesScreensError("run \(run.id): \(error)")
        }
    }

    /// Reads the run step by step, handing each model to `part` as soon as it is built (channels
    /// and models first, they are small; then customers, territories and routes, each built on
    /// the one before), and saying how far it is to `progress` (step, fraction of the whole).
    /// Every artifact and dataset is read once. Returns false, having handed over nothing, when
    /// the run saved no sales stages.
    static func loadParts(store: Store, run: RunRecord, demo: Bool?, plan: LoadPlan = LoadPlan(customers: 1, tickets: 1),
                          progress: (String, Double) -> Void, part: (SalesScreensPart) throws -> Void) throws -> Bool {
        guard let bytes = try store.artifact(run: run.id, name: AccountScores.artifact) else { return false }
        let config = run.config
        let id = run.id
        progress("channels", plan.at(.channels))
        try part(.channels(channelsModel(channels: try ChannelsTable.load(store, run: id), centre: try ContactCentreTable.load(store, run: id),
                                          staffing: try StaffingTable.load(store, run: id), schedule: try ScheduleTable.load(store, run: id))))
        progress("models", plan.at(.models))
        try part(.models(try modelsModel(store: store, run: run, calibration: CalibrationTable.load(store, run: id),
                                         importance: ImportanceTable.load(store, run: id), gates: GatesTable.load(store, run: id))))
        progress("customers", plan.at(.customers))
        let customers = try run.customersDataset.map { try store.customers(dataset: $0) } ?? []
        progress("tickets", plan.at(.tickets))
        let tickets = try run.ticketsDataset.map { try store.tickets(dataset: $0) } ?? []
        progress("account scores", plan.at(.scores))
        let scores = try AccountScores(bytes: bytes, run: run.id, accounts: customers.count)
        let accounts = try accountsModel(scores, customers: customers, tickets: tickets, config: config,
                                         scripts: ScriptsTable.load(store, run: id), anomalies: AnomaliesTable.load(store, run: id))
        try part(.customers(accounts))
        progress("territories", plan.at(.territories))
        let reps = try run.repsDataset.map { try store.reps(dataset: $0) } ?? []
        let territories = territoriesModel(accounts, reps: reps, saved: try TerritoriesTable.load(store, run: id), config: config,
                                           region: Region.of(customers: customers, reps: reps, demo: demo ?? config.demo))
        try part(.territories(territories))
        progress("routes", plan.at(.routes))
        try part(.routes(routesModel(accounts, reps: reps, territories: territories, saved: try RoutesTable.load(store, run: id),
                                     distanceOnly: try DistanceRoutesTable.load(store, run: id),
                                     compare: try RouteCompareTable.load(store, run: id), config: config)))
        return true
    }

    static func accountsModel(_ a: AccountScores, customers: [Customer], tickets: [Ticket], config: PipelineConfig,
                              scripts: [ScriptsTable.Row], anomalies: [AnomaliesTable.Row]) throws -> CustomersModel {
        let n = customers.count
        var index: [String: Int] = [:]
        index.reserveCapacity(n)
        for (k, c) in customers.enumerated() { index[c.id] = k }
        var scriptOf: [Int: String] = [:]
        for row in scripts { if let k = index[row.account] { scriptOf[k] = row.script } }
        var why: [Int: String] = [:]
        for row in anomalies { if let k = index[row.account] { why[k] = row.why } }
        var open: [Int: [Ticket]] = [:]
        for t in tickets where t.resolvedAt == nil {
            if let key = t.customerKey, let k = index[key] { open[k, default: []].append(t) }
        }
        return CustomersModel(customers: customers, churn: a.churn, potential: a.potential, nba: a.nba, nbaRank: a.nbaRank,
                              recencyDays: a.recencyDays, openTickets: a.openTickets, valueBucket: a.valueBucket,
                              potentialBucket: a.potentialBucket, reasons: a.reasons, channel: a.channel, day: a.day,
                              territory: a.territory, anomaly: a.anomaly, anomalyScore: a.anomalyScore, anomalyWhy: why,
                              weights: config.sales.nbaWeights, scripts: scriptOf, tickets: open)
    }

    static func territoriesModel(_ m: CustomersModel, reps: [Rep], saved: [TerritoriesTable.Row], config: PipelineConfig,
                                 region: Region) -> TerritoriesModel {
        let k = saved.count
        var accounts = [Int](repeating: 0, count: k)
        var potential = [Double](repeating: 0, count: k), churn = potential
        for i in 0..<m.count {
            let t = Int(m.territory[i])
            guard t >= 0, t < k else { continue }
            accounts[t] += 1
            potential[t] += Double(m.potential[i])
            churn[t] += Double(m.churn[i])
        }
        // The workload the engine balanced the territories on, as the run saved it.
        let hours = saved.map(\.workloadHours)
        let mean = hours.isEmpty ? 0 : hours.reduce(0, +) / Double(k)
        let rows: [TerritoryRow] = saved.enumerated().map { t, row in
            let rep = reps.firstIndex { $0.id == row.rep } ?? -1
            return TerritoryRow(number: t + 1, rep: rep, repName: rep >= 0 ? reps[rep].name : "–", accounts: accounts[t],
                                workloadHours: hours[t], balance: mean > 0 ? hours[t] / mean - 1 : 0, potential: potential[t],
                                churn: accounts[t] > 0 ? churn[t] / Double(accounts[t]) : 0,
                                centreLat: row.centreLat, centreLon: row.centreLon)
        }
        let flagged = (0..<m.count).filter { m.isAnomaly($0) }
            .sorted { m.anomalyScore[$0] != m.anomalyScore[$1] ? m.anomalyScore[$0] > m.anomalyScore[$1] : $0 < $1 }
        return TerritoriesModel(region: region, rows: rows, lat: m.customers.map(\.lat), lon: m.customers.map(\.lon),
                                territory: m.territory, reps: reps, anomalies: flagged)
    }
}
