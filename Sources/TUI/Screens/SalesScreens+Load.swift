import Engine
import Foundation

extension SalesScreens {
    /// Loads the sales screens' data from a saved run; nil when the run saved no sales
    /// stages (the screens then show what they will hold). `demo` (nil: the run config's): the data was
    /// generated (the Barcelona demo, its coast and its travel); otherwise the maps and the
    /// travel come from the region fitted to the accounts' and reps' coordinates.
    public static func load(store: Store, run: RunRecord, demo: Bool? = nil) throws(SalesScreensError) -> SalesScreens? {
        do {
            return try loadRun(store: store, run: run, demo: demo)
        } catch let error as SalesScreensError {
            throw error
        } catch let error as RunArtifactError {
            throw SalesScreensError(error.description)
        } catch {
            throw SalesScreensError("run \(run.id): \(error)")
        }
    }

    private static func loadRun(store: Store, run: RunRecord, demo: Bool?) throws -> SalesScreens? {
        guard let bytes = try store.artifact(run: run.id, name: AccountScores.artifact) else { return nil }
        let config = run.config
        let customers = try run.customersDataset.map { try store.customers(dataset: $0) } ?? []
        let reps = try run.repsDataset.map { try store.reps(dataset: $0) } ?? []
        let tickets = try run.ticketsDataset.map { try store.tickets(dataset: $0) } ?? []
        let scores = try AccountScores(bytes: bytes, run: run.id, accounts: customers.count)
        let id = run.id
        let accounts = try accountsModel(scores, customers: customers, tickets: tickets, config: config,
                                         scripts: ScriptsTable.load(store, run: id), anomalies: AnomaliesTable.load(store, run: id))
        let territories = territoriesModel(accounts, reps: reps, saved: try TerritoriesTable.load(store, run: id), config: config,
                                           region: Region.of(customers: customers, reps: reps, demo: demo ?? config.demo))
        let routes = routesModel(accounts, reps: reps, territories: territories, saved: try RoutesTable.load(store, run: id),
                                 distanceOnly: try DistanceRoutesTable.load(store, run: id),
                                 compare: try RouteCompareTable.load(store, run: id), config: config)
        let channels = channelsModel(channels: try ChannelsTable.load(store, run: id), centre: try ContactCentreTable.load(store, run: id),
                                     staffing: try StaffingTable.load(store, run: id), schedule: try ScheduleTable.load(store, run: id))
        let models = try modelsModel(store: store, run: run, calibration: CalibrationTable.load(store, run: id),
                                     importance: ImportanceTable.load(store, run: id), gates: GatesTable.load(store, run: id))
        return SalesScreens(runId: run.id, customers: accounts, territories: territories, routes: routes, channels: channels,
                            models: models)
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
