import ArgumentParser
import Engine

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a customer, rep or ticket CSV, check it through the quality gates and keep it in the store.",
        discussion: """
        Tickets may be in OpsDeck's generic schema (ticket_id, created_at, priority, channel, type, \
        product, status, first_response_at, resolved_at) or the public "customer support tickets" \
        export, which is detected from its header. That export has no creation time: it is derived \
        from the first response (see --created-offset), and the report says how. A customer file's \
        columns that no field maps are kept with the dataset, and the pipeline's churn and value \
        models use them as features (types inferred as in `opsdeck model fit`).
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case customers, reps, tickets }

    @Argument(help: "What the file holds: customers, reps or tickets.") var kind: Kind
    @Argument(help: "The CSV file.") var file: String
    @Option(name: .customLong("map"), parsing: .upToNextOption,
            help: ArgumentHelp("Rename a column onto a field, e.g. --map Account=customer_id.", valueName: "source=field"))
    var map: [String] = []
    @Option(help: "Hours between a ticket's creation and its first response, for exports without a creation time.")
    var createdOffset: Double = 2
    @Flag(help: "Skip the land/sea check (data outside the demo region).") var anyRegion = false
    @Option(help: "As-of date YYYY-MM-DD (default today): purchases after it are out of order.") var asOf: String?
    @Flag(help: "Check and report only; do not save.") var checkOnly = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let mapping = try ColumnMapping.parse(map)
            let region: Region? = anyRegion ? nil : .barcelona
            let asOfDay: Int
            if let asOf {
                guard let d = CivilDate.parseDay(Substring(asOf)) else { throw CLIError("--as-of expects YYYY-MM-DD, got '\(asOf)'") }
                asOfDay = d
            } else {
                asOfDay = WallClock.today()
            }
            let report: GateReport
            let save: (Store) throws(StoreError) -> Int64
            switch kind {
            case .customers:
                // Columns no field maps are kept with the dataset: the pipeline's models use them.
                let (customers, extras, r) = try CustomerCSV.readKeepingExtras(path: file, mapping: mapping, region: region,
                                                                               asOfDay: asOfDay)
                report = r
                save = { (db: Store) throws(StoreError) in
                    try db.saveCustomers(customers, extras: extras, source: file, report: r.rendered())
                }
            case .reps:
                let (reps, r) = try RepCSV.read(path: file, mapping: mapping, region: region)
                report = r
                save = { (db: Store) throws(StoreError) in try db.saveReps(reps, source: file, report: r.rendered()) }
            case .tickets:
                let (tickets, r, _) = try TicketCSV.read(path: file, mapping: mapping,
                                                         creation: .init(offsetHours: createdOffset))
                report = r
                save = { (db: Store) throws(StoreError) in try db.saveTickets(tickets, source: file, report: r.rendered()) }
            }
            print(report.rendered())
            guard !checkOnly else { print("check only: nothing saved (what the report says is kept would be saved with the dataset)"); return }
            guard report.rowsKept > 0 else { throw CLIError("\(file): no row passed the gates; nothing saved") }
            let db = try store.open()
            let id = try save(db)
            try db.audit(user: Terminal.user, event: "import", detail: "\(kind.rawValue) \(file) → dataset \(id)")
            print("saved as \(kind.rawValue) dataset \(id) in \(db.path)")
        }
    }
}
