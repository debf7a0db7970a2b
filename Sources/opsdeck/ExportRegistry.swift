import Engine
import Foundation

/// The latest run (or a chosen one) with its data loaded lazily, for export producers.
final class ExportContext {
    let store: Store
    let run: RunRecord

    init(store: Store, runId: Int64?) throws {
        self.store = store
        let runs = try store.runs(limit: 10_000)
        guard let run = runId.map({ id in runs.first { $0.id == id } }) ?? runs.first else {
            throw CLIError(runId.map { "no run \($0) in \(store.path)" } ?? "no saved run in \(store.path); run `opsdeck run` first")
        }
        self.run = run
    }

    lazy var customers: [Customer] = (try? run.customersDataset.map { try store.customers(dataset: $0) }) ?? []
    lazy var reps: [Rep] = (try? run.repsDataset.map { try store.reps(dataset: $0) }) ?? []
    lazy var tickets: [Ticket] = (try? run.ticketsDataset.map { try store.tickets(dataset: $0) }) ?? []

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(json.utf8)) } catch {
            throw CLIError("run \(run.id) holds unreadable \(T.self): \(error)")
        }
    }

    /// How an error names one of this run's artifacts: "run 3, artifact gates.csv".
    func artifactLabel(_ name: String) -> String { "run \(run.id), artifact \(name)" }

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
        ("customers", { ctx in rows(CustomerCSV.header, ctx.customers.map(CustomerCSV.row)) }),
        ("reps", { ctx in
            let w = CSVWriter()
            RepCSV.write(ctx.reps, to: w)
            try w.close()
            return try table(fromCSV: w.text, name: "run \(ctx.run.id), reps")
        }),
        ("tickets", { ctx in
            let w = CSVWriter()
            TicketCSV.write(ctx.tickets, to: w)
            try w.close()
            return try table(fromCSV: w.text, name: "run \(ctx.run.id), tickets")
        }),
        ("kpis", { ctx in
            let kpis = try ctx.decode([KPI].self, ctx.run.kpis)
            var t = DataTable(columns: ["kpi", "value", "target", "met"], kinds: [.text, .number, .number, .text])
            for k in kpis { t.append([k.name, num(k.value), k.target.map(num) ?? "", k.met ? "yes" : "no"]) }
            return t
        }),
        ("trace", { ctx in
            let trace = try ctx.decode(Trace.self, ctx.run.trace)
            var t = DataTable(columns: ["stage", "start_s", "seconds", "counts", "warnings"],
                              kinds: [.text, .number, .number, .text, .text])
            for s in trace.stages {
                t.append([s.name, String(format: "%.4f", s.start), String(format: "%.4f", s.seconds),
                          s.counts.map { "\($0.name)=\($0.value)" }.joined(separator: "; "), s.warnings.joined(separator: "; ")])
            }
            return t
        }),
        ("gates", { ctx in
            try table(fromCSV: ctx.artifactText("gates.csv") ?? "dataset,gate,column,hard,rows,first_example\n",
                      name: ctx.artifactLabel("gates.csv"))
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
