import Foundation

/// Where a run's data comes from.
public enum PipelineInput: Sendable {
    /// The seeded demo: generated with the config's sizes and seed.
    case synthetic
    /// Datasets already in the store (the latest of each kind when nil).
    case stored(customers: Int64?, reps: Int64?, tickets: Int64?)
}

/// A finished run, before or after it is saved.
public struct RunOutcome: Sendable {
    public var config: PipelineConfig
    public var customers: [Customer]
    public var reps: [Rep]
    public var tickets: [Ticket]
    public var gateReports: [GateReport]
    public var trace: Trace
    public var kpis: [KPI]
    /// The sales stages' results (nil when the run stopped after the gates).
    public var sales: SalesRun?
    /// The SLA engine's analysis of the tickets (nil without resolved tickets).
    public var support: SupportAnalysis? { didSet { slaArtifactBytes = nil } }
    /// `support`'s artifacts, formatted on the SLA stage's thread while the sales stages ran;
    /// dropped whenever `support` changes.
    var slaArtifactBytes: [String: [UInt8]]?
    /// Dataset ids when the data came from (or was saved to) the store.
    public var datasetIds: (customers: Int64?, reps: Int64?, tickets: Int64?)
}

/// The staged run of DESIGN.md. Each stage reports its duration and counts to the trace.
public enum Pipeline {
    /// Runs every stage. `salesStages: false` stops after the gates (data checks only).
    /// `saveDatasets` (with a store, on generated data) inserts the gated datasets on another
    /// thread while the sales and SLA stages run; `save` then finds
    /// their ids and only writes the run. A dataset is useful without a run, so a run that
    /// stops later leaves them in the store, as `save` would have.
    public static func run(config: PipelineConfig, input: PipelineInput, store: Store?, template: PrepScriptTemplate? = nil,
                           slaPolicy: SLAPolicy = SLAPolicy(), salesStages: Bool = true, saveDatasets: Bool = false,
                           progress: (String) -> Void = { _ in }) throws(PipelineError) -> RunOutcome {
        var rec = TraceRecorder()
        progress("data")
        let loaded: ([Customer], [Rep], [Ticket], (Int64?, Int64?, Int64?))
        do { loaded = try loadData(config: config, input: input, store: store, rec: &rec) } catch { throw PipelineError(error.description) }
        let (customersIn, repsIn, ticketsIn, loadedIds) = loaded
        var ids = loadedIds
        // An imported customer file's extra columns (model features); none on synthetic data.
        let extrasIn: CustomerExtras?
        do { extrasIn = try ids.0.flatMap { id throws(StoreError) in try store?.customerExtras(dataset: id) } } catch {
            throw PipelineError(error.description)
        }
        progress("gates")
        let region: Region? = .barcelona
        let gated = rec.stage("gates") { () -> (([Customer], [Rep], [Ticket], [GateReport]), [Trace.Count], [String]) in
            let ticketGate = SideTask { QualityGates.tickets(ticketsIn, source: "tickets") }
            let (c, rc) = QualityGates.customers(customersIn, source: "customers", region: region, asOfDay: config.asOfDay)
            let (r, rr) = QualityGates.reps(repsIn, source: "reps", region: region)
            let (t, rt) = ticketGate.join()
            let reports = [rc, rr, rt]
            let warnings = reports.filter { $0.rowsRejected > 0 }.map { "\($0.dataset): \($0.rowsRejected) rows left out by the gates" }
            return ((c, r, t, reports), [.init("customers kept", c.count), .init("reps kept", r.count),
                                         .init("tickets kept", t.count)], warnings)
        }
        let (customers, reps, tickets, reports) = gated
        let open = tickets.filter { $0.resolvedAt == nil }.count
        var kpis = [
            KPI(name: "customers", value: Double(customers.count)),
            KPI(name: "reps", value: Double(reps.count)),
            KPI(name: "tickets", value: Double(tickets.count)),
            KPI(name: "open tickets", value: Double(open)),
            KPI(name: "rows left out by gates", value: Double(reports.map(\.rowsRejected).reduce(0, +)), target: 0, higherIsBetter: false),
        ]
        var sales: SalesRun?
        var support: SupportAnalysis?
        var slaArtifactBytes: [String: [UInt8]]?
        if salesStages {
            progress("models")
            let script: PrepScriptTemplate
            if let template { script = template } else {
                do { script = try PrepScriptTemplate.builtIn() } catch { throw PipelineError(error.description) }
            }
            // The SLA stage needs only the gated tickets, so it runs beside the sales stages; it
            // is still recorded after them, so the trace's order is fixed. The dataset inserts
            // are a third branch: with three on two cores, whichever ends first leaves its core
            // to the others instead of idling at the join.
            let early: Store? = saveDatasets && ids == (nil, nil, nil) ? store : nil
            let sla = SideTask { slaStage(tickets, policy: slaPolicy, config: config) }
            let inserts = early.map { early in
                SideTask { () -> DatasetSave in
                    let start = WallClock.monotonic()
                    let saved = Result { () throws(StoreError) in
                        try insertDatasets(customers, reps, tickets, reports: reports, seed: config.seed, into: early)
                    }
                    return DatasetSave(ids: saved, start: start, end: WallClock.monotonic())
                }
            }
            let salesResult = Result { () throws(PipelineError) in
                try runSalesStages(customers, reps, tickets, config: config, slaPolicy: slaPolicy, template: script,
                                   rec: &rec, extras: extrasIn?.aligned(from: customersIn, to: customers))
            }
            let slaResult = sla.join()
            let datasetSave = inserts?.join()
            let (run, salesKPIs) = try salesResult.get()
            sales = run
            kpis += salesKPIs
            progress("sla")
            let s = try slaResult.get()
            rec.record("sla", from: s.start, to: s.end, counts: s.counts, warnings: s.warnings)
            support = s.analysis
            slaArtifactBytes = s.artifacts
            kpis += s.kpis
            if let d = datasetSave {
                do { ids = try d.ids.get() } catch { throw PipelineError(error.description) }
                rec.record("save datasets", from: d.start, to: d.end,
                           counts: [.init("customers", customers.count), .init("reps", reps.count), .init("tickets", tickets.count)],
                           warnings: [])
            }
            let start = WallClock.monotonic()
            let targeted = kpis.filter { $0.target != nil }
            rec.record("kpi monitor", since: start, counts: [.init("kpis", kpis.count), .init("with targets", targeted.count),
                                                             .init("missed", targeted.filter { !$0.met }.count)],
                       warnings: missed(targeted))
        }
        var outcome = RunOutcome(config: config, customers: customers, reps: reps, tickets: tickets, gateReports: reports,
                                 trace: rec.trace, kpis: kpis, sales: sales, support: support, datasetIds: ids)
        outcome.slaArtifactBytes = slaArtifactBytes
        return outcome
    }

    private static func loadData(config: PipelineConfig, input: PipelineInput, store: Store?, rec: inout TraceRecorder)
        throws(StoreError) -> ([Customer], [Rep], [Ticket], (Int64?, Int64?, Int64?)) {
        switch input {
        case .synthetic:
            return rec.stage("data") {
                // Tickets need only the customers' ids, a function of their index: both are drawn at once.
                let ticketsDrawn = SideTask {
                    TicketGenerator(seed: config.seed, days: config.ticketDays, asOfDay: config.asOfDay)
                        .generate(count: config.tickets, customerCount: config.customers, customerID: CustomerGenerator.id)
                }
                let customers = CustomerGenerator(seed: config.seed, asOfDay: config.asOfDay).generate(count: config.customers)
                let reps = RepGenerator(seed: config.seed).generate(count: config.reps, customers: customers)
                let tickets = ticketsDrawn.join()
                return ((customers, reps, tickets, (nil, nil, nil)),
                        [.init("customers", customers.count), .init("reps", reps.count), .init("tickets", tickets.count)], [])
            }
        case .stored(let c, let r, let t):
            guard let store else { throw StoreError("a run on stored data needs a store") }
            let start = WallClock.monotonic()
            let cid = try pick(c, "customers", store)
            let rid = try pick(r, "reps", store)
            let tid = try pick(t, "tickets", store)
            var customers = [Customer](), reps = [Rep](), tickets = [Ticket]()
            if let cid { customers = try store.customers(dataset: cid) }
            if let rid { reps = try store.reps(dataset: rid) }
            if let tid { tickets = try store.tickets(dataset: tid) }
            var warnings = [String]()
            if cid == nil { warnings.append("no customer dataset in the store") }
            if tid == nil { warnings.append("no ticket dataset in the store") }
            rec.record("data", since: start, counts: [.init("customers", customers.count), .init("reps", reps.count),
                                                       .init("tickets", tickets.count)], warnings: warnings)
            return (customers, reps, tickets, (cid, rid, tid))
        }
    }

    /// The given dataset, else the latest of its kind.
    private static func pick(_ id: Int64?, _ kind: String, _ store: Store) throws(StoreError) -> Int64? {
        if let id { return id }
        return try store.latestDataset(kind: kind)?.id
    }

    /// Saves the datasets a synthetic run generated, then the run with its artifacts, each in
    /// its own transaction (a dataset is useful without a run; a run is all or nothing).
    @discardableResult
    public static func save(_ outcome: inout RunOutcome, to store: Store) throws(StoreError) -> Int64 {
        // The artifacts are pure functions of the outcome: they are formatted on the other core
        // while the datasets go into the store.
        let snapshot = outcome
        let built = SideTask { artifacts(snapshot) }
        defer { _ = built.join() }
        if outcome.datasetIds == (nil, nil, nil) {
            outcome.datasetIds = try insertDatasets(outcome.customers, outcome.reps, outcome.tickets, reports: outcome.gateReports,
                                                    seed: outcome.config.seed, into: store)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ v: T) -> String {
            (try? encoder.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        let record = RunRecord(seed: outcome.config.seed, config: json(outcome.config),
                               customersDataset: outcome.datasetIds.customers, repsDataset: outcome.datasetIds.reps,
                               ticketsDataset: outcome.datasetIds.tickets, kpis: json(outcome.kpis), trace: json(outcome.trace))
        return try store.saveRun(record, artifacts: built.join())
    }

    /// Inserts generated datasets, each in its own transaction; an empty one is not saved (nil id).
    static func insertDatasets(_ customers: [Customer], _ reps: [Rep], _ tickets: [Ticket], reports: [GateReport], seed: UInt64,
                               into store: Store) throws(StoreError) -> (customers: Int64?, reps: Int64?, tickets: Int64?) {
        let seedNote = "synthetic seed \(seed)"
        var ids: (customers: Int64?, reps: Int64?, tickets: Int64?) = (nil, nil, nil)
        if !customers.isEmpty {
            ids.customers = try store.saveCustomers(customers, source: seedNote,
                                                    report: reports.first { $0.dataset == "customers" }?.rendered() ?? "")
        }
        if !reps.isEmpty { ids.reps = try store.saveReps(reps, source: seedNote) }
        if !tickets.isEmpty { ids.tickets = try store.saveTickets(tickets, source: seedNote) }
        return ids
    }

    /// Every artifact of a run, by name (deterministic bytes: no timings in them).
    public static func artifacts(_ outcome: RunOutcome) -> [String: [UInt8]] {
        // Two halves of about equal work on the two cores: the sales tables (prep scripts are
        // most of the bytes), and everything else; the names never overlap.
        let halves = ParallelSlots<[String: [UInt8]]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves[0] = outcome.sales.map { salesArtifacts($0, customers: outcome.customers, reps: outcome.reps) } ?? [:]
                return
            }
            var gates = DataTable(columns: ["dataset", "gate", "column", "hard", "rows", "first_example"])
            for r in outcome.gateReports { gates.rows += r.table().rows }
            var artifacts: [String: [UInt8]] = [
                "gates.csv": gates.csvBytes(),
                "gates.txt": Array(outcome.gateReports.map { $0.rendered() }.joined(separator: "\n").utf8),
            ]
            if let s = outcome.sales { artifacts.merge(modelCardArtifacts(s.models)) { a, _ in a } }
            if let a = outcome.support { artifacts.merge(outcome.slaArtifactBytes ?? slaArtifacts(a)) { a, _ in a } }
            halves[1] = artifacts
        }
        return (halves[1] ?? [:]).merging(halves[0] ?? [:]) { a, _ in a }
    }
}

/// The datasets inserted beside the sales stages, with when it happened (for the trace).
struct DatasetSave: Sendable {
    var ids: Result<(customers: Int64?, reps: Int64?, tickets: Int64?), StoreError>
    var start: Double
    var end: Double
}
