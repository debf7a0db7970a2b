import Engine
import Foundation

/// The latest run (or a chosen one) with its data loaded lazily, for export producers.
final class ExportContext {
    let store: Store
    let run: RunRecord

    init(store: Store, runId: Int64?) throws {
        self.store = store
        guard let run = try runId.map({ id throws(StoreError) in try store.run(id: id) }) ?? store.latestRun() else {
            throw CLIError(runId.map { "no run \($0) in \(store.path)" } ?? "no saved run in \(store.path); run `opsdeck run` first")
        }
        self.run = run
    }

    /// The run's datasets, read once on first use; a store failure is the export's error, never
    /// an empty table (a run without a dataset of that kind has none: empty is then right).
    func customers() throws -> [Customer] {
        try cached(&customersRead) { () throws(StoreError) in
            guard let id = run.customersDataset else { return [] }
            return try store.customers(dataset: id)
        }
    }
    func reps() throws -> [Rep] {
        try cached(&repsRead) { () throws(StoreError) in
            guard let id = run.repsDataset else { return [] }
            return try store.reps(dataset: id)
        }
    }
    func tickets() throws -> [Ticket] {
        try cached(&ticketsRead) { () throws(StoreError) in
            guard let id = run.ticketsDataset else { return [] }
            return try store.tickets(dataset: id)
        }
    }
    private var customersRead: [Customer]?, repsRead: [Rep]?, ticketsRead: [Ticket]?

    private func cached<T>(_ slot: inout T?, _ load: () throws(StoreError) -> T) throws -> T {
        if let slot { return slot }
        do {
            let value = try load()
            slot = value
            return value
        } catch { throw CLIError("run \(run.id): \(error.description)") }
    }

    /// How an error names one of this run's artifacts: "run 3, artifact gates.csv".
    func artifactLabel(_ name: String) -> String { "run \(run.id), artifact \(name)" }

    /// The run's saved SLA snapshot: what the SLA screen shows, the alerts check and every
    /// SLA export read (nothing refits). A run without one says why in one line.
    func slaSnapshot() throws -> SupportSnapshot {
        let bytes = try slaSnapshotBytes()
        do { return try SupportSnapshot.decode(bytes) } catch {
            throw CLIError("\(artifactLabel(SupportSnapshot.artifactName)): \(error)")
        }
    }

    func slaSnapshotBytes() throws -> [UInt8] {
        if let bytes = try store.artifact(run: run.id, name: SupportSnapshot.artifactName) { return bytes }
        // The SLA stage counts the resolved tickets it learnt from; without any it analysed nothing.
        let analysed = run.trace.stages.contains { $0.name == "sla" && $0.counts.contains { $0.name == "resolved" } }
        if !analysed {
            throw CLIError("run \(run.id) has no SLA analysis (no resolved tickets); `opsdeck import tickets FILE`, then `opsdeck run`")
        }
        throw CLIError(StoreError.olderRun(run.id, "it has no \(SupportSnapshot.artifactName)").message)
    }

    func artifactText(_ name: String) throws -> String? {
        try store.artifact(run: run.id, name: name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Everything `opsdeck export` can write, by name.
enum ExportRegistry {
    typealias Producer = @Sendable (ExportContext) throws -> DataTable

    static let producers: [(String, Producer)] = core + ExportSales.producers + SLAExport.producers + SLAEconomicsExport.producers
        + ModelCardExport.producers

    static let core: [(String, Producer)] = [
        ("customers", { ctx in rows(CustomerCSV.header, try ctx.customers().map(CustomerCSV.row)) }),
        ("reps", { ctx in
            let w = CSVWriter()
            RepCSV.write(try ctx.reps(), to: w)
            try w.close()
            return try table(fromCSV: w.text, name: "run \(ctx.run.id), reps")
        }),
        ("tickets", { ctx in
            let w = CSVWriter()
            TicketCSV.write(try ctx.tickets(), to: w)
            try w.close()
            return try table(fromCSV: w.text, name: "run \(ctx.run.id), tickets")
        }),
        ("kpis", { ctx in
            var t = DataTable(columns: ["kpi", "value", "target", "met"], kinds: [.text, .number, .number, .text])
            for k in ctx.run.kpis { t.append([k.name, num(k.value), k.target.map(num) ?? "", k.met ? "yes" : "no"]) }
            return t
        }),
        ("trace", { ctx in
            var t = DataTable(columns: ["stage", "start_s", "seconds", "counts", "warnings"],
                              kinds: [.text, .number, .number, .text, .text])
            for s in ctx.run.trace.stages {
                t.append([s.name, String(format: "%.4f", s.start), String(format: "%.4f", s.seconds),
                          s.counts.map { "\($0.name)=\($0.value)" }.joined(separator: "; "), s.warnings.joined(separator: "; ")])
            }
            return t
        }),
        ("gates", { ctx in
            // Every cell as text, as this export has always written them.
            var t = try ExportSales.saved(GatesTable.self, ctx)
            t.kinds = t.columns.map { _ in .text }
            return t
        }),
    ]

    static var names: [String] { producers.map(\.0) }

    static func producer(_ name: String) -> Producer? { producers.first { $0.0 == name }?.1 }

    static func rows(_ header: [String], _ rows: [[String]]) -> DataTable {
        DataTable(columns: header, rows: rows)
    }

    /// `name` says where the text came from (e.g. "run 3, artifact gates.csv"), so an error in
    /// a corrupted artifact names it rather than "<text>".
    static func table(fromCSV text: String, name: String) throws -> DataTable {
        let reader = CSVReader(text: text, name: name)
        guard try reader.next() else { return DataTable(columns: []) }
        var t = DataTable(columns: reader.strings)
        while try reader.next() { t.rows.append(reader.strings) }
        return t
    }

    static func num(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
