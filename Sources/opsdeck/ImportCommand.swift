import ArgumentParser
import Engine
import Foundation
import Logging

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a customer, rep or ticket CSV, check it through the quality gates and keep it in the store.",
        discussion: """
        The file's format is detected from its header and named in the report; --profile picks one. \
        Tickets: \(TicketProfile.all.map { "\($0.name) (\($0.title))" }.joined(separator: ", ")). \
        Customers: \(CustomerProfile.all.map { "\($0.name) (\($0.title))" }.joined(separator: ", ")). \
        Category columns keep the file's own labels; a label OpsDeck gives no meaning is listed in \
        the report, never a reason to drop a row. Status meanings and priority targets come from \
        sla.conf (status.<label> = open|waiting|hold|solved, target.<label> = hours). The public \
        export has no creation time: it is derived from the first response (see --created-offset). \
        Columns that no field maps are kept with the dataset and feed the models (customers: churn \
        and value; tickets: the breach model). A --map given once is remembered by the store for \
        the next file with the same header.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case customers, reps, tickets }

    @Argument(help: "What the file holds: customers, reps or tickets.") var kind: Kind
    @Argument(help: "The CSV file.") var file: String
    @Option(name: .customLong("map"), parsing: .upToNextOption,
            help: ArgumentHelp("Rename a column onto a field, e.g. --map Account=customer_id.", valueName: "source=field"))
    var map: [String] = []
    @Option(help: ArgumentHelp("Read the file as this format instead of detecting it.", valueName: "name"))
    var profile: String?
    @Option(parsing: .unconditional,
            help: "Hours between a ticket's creation and its first response, for exports without a creation time (0 to 8760).")
    var createdOffset: Double = 2
    @Option(help: "As-of date YYYY-MM-DD (default today): purchases after it are out of order.") var asOf: String?
    @Option(help: ArgumentHelp("Day/month order of numeric dates like 03/04/2024, when the file cannot prove it.",
                               valueName: "dmy|mdy")) var dateOrder: DateOrder?
    @Option(help: ArgumentHelp("Zone of times written without one (default: calendar.timezone in sla.conf, else UTC).",
                               valueName: "zone")) var timezone: String?
    @Option(help: ArgumentHelp("The file's encoding when it is not UTF-8 or UTF-16 (e.g. windows-1252).", valueName: "name"))
    var encoding: String?
    @Flag(help: "Check and report only; do not save (same report and exit status as the import).") var checkOnly = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LogOptions

    func validate() throws { try OptionCheck.nonNegative(createdOffset, "--created-offset", max: 8760) }

    func run() throws {
        try reportingErrors {
            let log = logging.logger("import"), started = ContinuousClock.now
            log.info("import started", metadata: ["kind": .string(kind.rawValue), "file": .string(file),
                                                  "store": .string(store.path), "check-only": "\(checkOnly)"])
            try InputPath.check(file)
            let asOfDay: Int
            if let asOf {
                guard let d = CivilDate.parseDay(Substring(asOf)) else { throw CLIError("--as-of expects YYYY-MM-DD, got '\(asOf)'") }
                asOfDay = d
            } else {
                asOfDay = WallClock.today()
            }
            let textEncoding = try encoding.map { name -> TextEncoding in
                guard let e = TextEncoding.parse(name) else {
                    throw CLIError("--encoding: unknown encoding '\(name)'; expected one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return e
            }
            let header = try ImportHeader.read(file, encoding: textEncoding)
            // A check never creates a store; it reads one that exists (remembered maps, accounts).
            let existing: Store? = checkOnly && !Store.isDatabaseURL(store.path) && !FileManager.default.fileExists(atPath: store.path)
                ? nil : try store.open()
            var mapping = try ColumnMapping.parse(map)
            if map.isEmpty, let db = existing, let remembered = try db.rememberedMapping(kind: kind.rawValue, header: header) {
                mapping = remembered.mapping
                print("using the --map remembered for this header on \(remembered.savedAt): "
                      + remembered.mapping.renames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            }
            let report: GateReport
            let save: (Store) throws(StoreError) -> Int64
            switch kind {
            case .customers:
                // Columns no field maps are kept with the dataset: the pipeline's models use them.
                let (customers, extras, r) = try CustomerCSV.readKeepingExtras(path: file, mapping: mapping, profile: profile,
                                                                               region: nil, asOfDay: asOfDay, dateOrder: dateOrder,
                                                                               encoding: textEncoding)
                report = r
                save = { (db: Store) throws(StoreError) in
                    try db.saveCustomers(customers, extras: extras, source: file, report: r.rendered())
                }
            case .reps:
                let (reps, r) = try RepCSV.read(try CSVReader(path: file, encoding: textEncoding), mapping: mapping, region: nil)
                report = r
                save = { (db: Store) throws(StoreError) in try db.saveReps(reps, source: file, report: r.rendered()) }
            case .tickets:
                let policy = try SLAExport.policy()
                let zone = try timezone.map { try DeskTimeZone.parse($0, source: "--timezone") } ?? policy.zone ?? .utc
                let result = try TicketCSV.read(try CSVReader(path: file, encoding: textEncoding), options: .init(
                    mapping: mapping, profile: profile, creation: .init(offsetHours: createdOffset),
                    statuses: policy.statusMapping, keepExtras: true, dateOrder: dateOrder, zone: zone))
                var r = result.report
                if let db = existing, let accounts = try db.latestImport(kind: "customers") {
                    let counts = AccountLink(try db.customers(dataset: accounts.id)).counts(result.tickets)
                    r.notes.append("accounts of customers dataset \(accounts.id) (\(accounts.source)): " + counts.summary)
                }
                report = r
                let saved = r
                save = { (db: Store) throws(StoreError) in
                    try db.saveTickets(result.tickets, extras: result.extras, source: file, report: saved.rendered())
                }
            }
            print(report.rendered())
            log.info("file read", metadata: ["file": .string(file), "read": "\(report.rowsRead)", "kept": "\(report.rowsKept)",
                                             "refused": "\(report.rowsRejected)", "seconds": elapsed(since: started)])
            guard report.rowsKept > 0 else { throw CLIError("\(file): no row passed the gates; nothing saved") }
            guard !checkOnly, let db = existing else {
                print("check only: nothing saved (what the report says is kept would be saved with the dataset)")
                return
            }
            let id = try save(db)
            if !map.isEmpty { try db.rememberMapping(mapping, kind: kind.rawValue, header: header) }
            try db.audit(user: Terminal.user, event: "import", detail: "\(kind.rawValue) \(file) → dataset \(id)")
            print("saved as \(kind.rawValue) dataset \(id) in \(db.path)")
            log.info("import saved", metadata: ["kind": .string(kind.rawValue), "dataset": "\(id)", "store": .string(db.path),
                                                "seconds": elapsed(since: started)])
        }
    }
}

/// The header row alone, to look up a remembered mapping before the import reads the file.
enum ImportHeader {
    static func read(_ file: String, encoding: TextEncoding?) throws -> [String] {
        let reader = try CSVReader(path: file, encoding: encoding)
        guard try reader.next() else { throw InputError(file: file, line: 1, column: 0, "the file is empty; expected a header row") }
        return reader.strings
    }
}

extension DateOrder: ExpressibleByArgument {}
