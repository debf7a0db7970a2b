import Foundation
import Core
import Synthetic
import Support
import Sales
import Store

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
    package var slaArtifactBytes: [String: [UInt8]]?
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
    ///
    /// Three branches share the cores: the sales side (customers and reps, their gates, then
    /// every sales stage), the tickets' branch (drawn, gated, then the SLA stage) and the
    /// dataset inserts. Stages are recorded in the trace's fixed order, each timed where it ran.
    public static func run(config: PipelineConfig, input: PipelineInput, store: Store?, template: PrepScriptTemplate? = nil,
                           slaPolicy: SLAPolicy = SLAPolicy(), salesStages: Bool = true, saveDatasets: Bool = false,
                           progress: (String) -> Void = { _ in }) throws(PipelineError) -> RunOutcome {
        var rec = TraceRecorder()
        progress("data")
        let loaded: LoadedData
        do {
            loaded = try loadData(config: config, input: input, store: store, analyse: salesStages, slaPolicy: slaPolicy)
        } catch { throw PipelineError(error.description) }
        let config = { var c = config; c.demo = loaded.generated; return c }()
        let ticketBranch = loaded.tickets
        // Every way out waits for the branch: no SLA folds left running after the run returns.
        defer { _ = ticketBranch.slaStage() }
        var ids = loaded.ids
        // An imported customer file's extra columns (model features); none on synthetic data.
        let extras: CustomerExtras?
        do { extras = try ids.0.flatMap { id throws(StoreError) in try store?.customerExtras(dataset: id) } } catch {
            throw PipelineError(error.description)
        }
        progress("gates")
        // The land/sea gate knows the demo's coast only: imported data is checked for range.
        let region: Region? = loaded.generated ? .barcelona : nil
        let gatesStart = WallClock.monotonic()
        let (customers, rc) = QualityGates.customers(loaded.customers, source: "customers", region: region, asOfDay: config.asOfDay)
        let (reps, rr) = QualityGates.reps(loaded.reps, source: "reps", region: region)
        let gatesEnd = WallClock.monotonic()

        // The dataset inserts take the tickets last, by when their gate has long run.
        let early: Store? = salesStages && saveDatasets && ids == (nil, nil, nil) ? store : nil
        let inserts = early.map { early in
            SideTask.onOwnThread { () -> DatasetSave in
                let start = WallClock.monotonic()
                let saved = Result { () throws(StoreError) in
                    try insertDatasets(customers, reps, { ticketBranch.gated.take().tickets }, customersReport: rc, seed: config.seed,
                                       into: early)
                }
                return DatasetSave(ids: saved, start: start, end: WallClock.monotonic())
            }
        }
        // A run that stops still leaves the datasets it inserted, as `save` would have.
        defer { _ = inserts?.join() }
        var models: Result<TimedStage<ModelScores>, PipelineError>?
        if salesStages && !customers.isEmpty {
            progress("models")
            models = Result { () throws(PipelineError) in
                try modelsStage(customers, config: config, extras: extras?.aligned(from: loaded.customers, to: customers))
            }
        }

        let drawn = ticketBranch.drawn.take()
        let gatedTickets = ticketBranch.gated.take()
        let tickets = gatedTickets.tickets
        rec.record("data", from: loaded.start, to: max(loaded.end, drawn.end),
                   counts: [.init("customers", loaded.customers.count), .init("reps", loaded.reps.count), .init("tickets", drawn.count)],
                   warnings: loaded.warnings)
        let reports = [rc, rr, gatedTickets.report]
        // After the data stage, until the last gate passed: the gates run on both branches,
        // each as soon as its data is drawn, so the two stages do not count the same time twice.
        rec.record("gates", from: max(gatesStart, drawn.end), to: max(gatesEnd, gatedTickets.end),
                   counts: [.init("customers kept", customers.count), .init("reps kept", reps.count), .init("tickets kept", tickets.count)],
                   warnings: reports.filter { $0.rowsRejected > 0 }.map { "\($0.dataset): \($0.rowsRejected) rows left out by the gates" })
        var open = 0
        for i in tickets.indices where tickets[i].resolvedAt == nil { open += 1 }  // counted, not filtered into copies
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
            var salesResult: Result<(SalesRun, [KPI]), PipelineError>?
            if let models {
                let m = try models.get()
                m.record("models", in: &rec)
                kpis += m.kpis
                let script: PrepScriptTemplate
                if let template { script = template } else {
                    do { script = try PrepScriptTemplate.builtIn() } catch { throw PipelineError(error.description) }
                }
                // The SLA stage and the inserts are recorded after the sales stages, whichever
                // ended first, so the trace's order is fixed.
                salesResult = Result { () throws(PipelineError) in
                    try runSalesStages(customers, reps, tickets, models: m.value, config: config, slaPolicy: slaPolicy, template: script, rec: &rec)
                }
            } else {
                // A support desk without a CRM: the sales side has nothing to plan, the SLA side runs.
                rec.record("models", since: WallClock.monotonic(), counts: [.init("customers", 0)],
                           warnings: ["no customers: the sales stages are skipped (opsdeck import customers FILE adds them)"])
            }
            guard let slaResult = ticketBranch.slaStage() else { fatalError("the ticket branch was started without its SLA stage") }
            let datasetSave = inserts?.join()
            if let salesResult {
                let (run, salesKPIs) = try salesResult.get()
                sales = run
                kpis += salesKPIs
            }
            progress("sla")
            let s = try slaResult.get()
            s.record("sla", in: &rec)
            support = s.value.analysis
            slaArtifactBytes = s.value.artifacts
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

    /// The customers and reps, the tickets' branch already started on its own thread, and
    /// when the data stage ran on this one.
    private struct LoadedData {
        var customers: [Customer]
        var reps: [Rep]
        var tickets: TicketBranch
        var ids: (Int64?, Int64?, Int64?)
        var start: Double
        var end: Double
        var warnings: [String]
        /// The demo's generated data (not an import).
        var generated: Bool
    }

    private static func loadData(config: PipelineConfig, input: PipelineInput, store: Store?, analyse: Bool, slaPolicy: SLAPolicy)
        throws(StoreError) -> LoadedData {
        let start = WallClock.monotonic()
        switch input {
        case .synthetic:
            // Tickets need only the customers' ids, a function of their index: both are drawn at once.
            let branch = TicketBranch(draw: {
                TicketGenerator(seed: config.seed, days: config.ticketDays, asOfDay: config.asOfDay)
                    .generate(count: config.tickets, customerCount: config.customers, customerID: CustomerGenerator.id)
            }, analyse: analyse, policy: slaPolicy, config: config)
            let customers = CustomerGenerator(seed: config.seed, asOfDay: config.asOfDay).generate(count: config.customers)
            let reps = RepGenerator(seed: config.seed).generate(count: config.reps, customers: customers)
            return LoadedData(customers: customers, reps: reps, tickets: branch, ids: (nil, nil, nil), start: start,
                              end: WallClock.monotonic(), warnings: [], generated: true)
        case .stored(let c, let r, let t):
            guard let store else { throw StoreError("a run on stored data needs a store") }
            let cid = try pick(c, "customers", store)
            let rid = try pick(r, "reps", store)
            let tid = try pick(t, "tickets", store)
            var customers = [Customer](), reps = [Rep](), tickets = [Ticket](), ticketExtras: CustomerExtras?
            if let cid { customers = try store.customers(dataset: cid) }
            if let rid { reps = try store.reps(dataset: rid) }
            if let tid {
                tickets = try store.tickets(dataset: tid, statuses: slaPolicy.statusMapping)
                ticketExtras = try store.customerExtras(dataset: tid)
            }
            var warnings = [String]()
            if cid == nil { warnings.append("no customer dataset in the store") }
            if tid == nil { warnings.append("no ticket dataset in the store") }
            let loaded = tickets, extras = ticketExtras
            return LoadedData(customers: customers, reps: reps,
                              tickets: TicketBranch(draw: { loaded }, extras: extras, analyse: analyse, policy: slaPolicy, config: config),
                              ids: (cid, rid, tid), start: start, end: WallClock.monotonic(), warnings: warnings,
                              generated: try allGenerated([cid, rid, tid], store))
        }
    }

    /// Whether every dataset a stored run reads was generated (a re-run of the demo).
    private static func allGenerated(_ ids: [Int64?], _ store: Store) throws(StoreError) -> Bool {
        var any = false
        for case let id? in ids {
            guard try store.dataset(id: id)?.generated == true else { return false }
            any = true
        }
        return any
    }

    /// The given dataset, else the latest import of its kind (generated data never shadows one).
    private static func pick(_ id: Int64?, _ kind: String, _ store: Store) throws(StoreError) -> Int64? {
        if let id { return id }
        return try store.latestImport(kind: kind)?.id
    }

    /// Saves the datasets a synthetic run generated, then the run with its artifacts, each in
    /// its own transaction (a dataset is useful without a run; a run is all or nothing).
    @discardableResult
    public static func save(_ outcome: inout RunOutcome, to store: Store) throws(StoreError) -> Int64 {
        // The artifacts are pure functions of the outcome: they are formatted on the other core
        // while the datasets go into the store.
        FreedMemory.release()  // the stages' working arrays, before the artifacts are copied into the store
        let snapshot = outcome
        let built = SideTask { artifacts(snapshot) }
        defer { _ = built.join() }
        if outcome.datasetIds == (nil, nil, nil) {
            let tickets = outcome.tickets
            outcome.datasetIds = try insertDatasets(outcome.customers, outcome.reps, { tickets },
                                                    customersReport: outcome.gateReports.first { $0.dataset == "customers" },
                                                    seed: outcome.config.seed, into: store)
        }
        let record = RunRecord(seed: outcome.config.seed, config: outcome.config,
                               customersDataset: outcome.datasetIds.customers, repsDataset: outcome.datasetIds.reps,
                               ticketsDataset: outcome.datasetIds.tickets, kpis: outcome.kpis, trace: outcome.trace)
        return try store.saveRun(record, artifacts: built.join())
    }

    /// Inserts generated datasets, each in its own transaction; an empty one is not saved (nil id).
    /// The tickets are asked for last: beside a run, they may still be going through their gate.
    package static func insertDatasets(_ customers: [Customer], _ reps: [Rep], _ tickets: () -> [Ticket], customersReport: GateReport?,
                               seed: UInt64, into store: Store) throws(StoreError) -> (customers: Int64?, reps: Int64?, tickets: Int64?) {
        let seedNote = "synthetic seed \(seed)"
        var ids: (customers: Int64?, reps: Int64?, tickets: Int64?) = (nil, nil, nil)
        if !customers.isEmpty {
            ids.customers = try store.saveCustomers(customers, source: seedNote, report: customersReport?.rendered() ?? "",
                                                    generated: true)
        }
        if !reps.isEmpty { ids.reps = try store.saveReps(reps, source: seedNote, generated: true) }
        let tickets = tickets()
        if !tickets.isEmpty { ids.tickets = try store.saveTickets(tickets, source: seedNote, generated: true) }
        return ids
    }

    /// Every artifact of a run, by name (deterministic bytes: no timings in them).
    public static func artifacts(_ outcome: RunOutcome) -> [String: [UInt8]] {
        // Two halves of about equal work on the two cores: the prep scripts (most of the
        // bytes), and everything else; the names never overlap.
        let halves = ParallelSlots<[String: [UInt8]]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves[0] = outcome.sales.map { scriptsArtifact($0, customers: outcome.customers) } ?? [:]
                return
            }
            var artifacts: [String: [UInt8]] = [
                GatesTable.artifact: GatesTable.bytes(GatesTable.rows(outcome.gateReports)),
                "gates.txt": Array(outcome.gateReports.map { $0.rendered() }.joined(separator: "\n").utf8),
            ]
            if let s = outcome.sales {
                artifacts.merge(salesArtifacts(s, customers: outcome.customers, reps: outcome.reps, visitMinutes: outcome.config.sales.visitMinutes)) { a, _ in a }
                artifacts.merge(modelCardArtifacts(s.models)) { a, _ in a }
            }
            if let a = outcome.support { artifacts.merge(outcome.slaArtifactBytes ?? slaArtifacts(a)) { a, _ in a } }
            halves[1] = artifacts
        }
        return (halves[1] ?? [:]).merging(halves[0] ?? [:]) { a, _ in a }
    }
}

/// The datasets inserted beside the sales stages, with when it happened (for the trace).
package struct DatasetSave: Sendable {
    package var ids: Result<(customers: Int64?, reps: Int64?, tickets: Int64?), StoreError>
    package var start: Double
    package var end: Double
}
