/// Ticket files: OpsDeck's generic schema (what `opsdeck generate tickets` writes) and the
/// exports of the help desks in `TicketProfile.all`, told apart by their header.
public enum TicketCSV {
    /// The generic schema's columns, in the order `write` writes them.
    public static let header = ["ticket_id", "created_at", "priority", "channel", "type", "product", "status",
                                "first_response_at", "resolved_at", "customer", "satisfaction", "subject"]

    /// The public export has no creation time. It is derived as the earlier of the first response
    /// and the resolution time minus `offsetHours`; tickets with neither are taken as created
    /// `offsetHours` before the as-of moment (the latest time anywhere in the file). The rule
    /// is printed in the import report.
    public struct CreationRule: Sendable, Equatable {
        public var offsetHours: Double
        public init(offsetHours: Double = 2) { self.offsetHours = offsetHours }

        public var summary: String {
            let h = CustomerCSV.num(offsetHours)
            return "creation time is not in this format: taken as the earlier of First Response Time and "
                + "Time to Resolution − \(h) h; tickets with neither: the latest time in the file − \(h) h "
                + "(change with --created-offset HOURS)"
        }
    }

    /// How a ticket file is read.
    public struct Options: Sendable {
        public var mapping: ColumnMapping
        /// A profile name (`--profile`); nil: detected from the header.
        public var profile: String?
        public var creation: CreationRule
        /// Status meanings (the SLA policy's overrides on the common defaults).
        public var statuses: StatusMapping
        /// Keep the columns no field takes (group, tags, custom fields) for the breach model.
        public var keepExtras: Bool
        /// Day/month order of numeric dates (`--date-order`); nil: proven from the file.
        public var dateOrder: DateOrder?
        /// The desk's zone, for times written without one (`--timezone`, `calendar.timezone`).
        public var zone: DeskTimeZone

        public init(mapping: ColumnMapping = ColumnMapping(), profile: String? = nil, creation: CreationRule = CreationRule(),
                    statuses: StatusMapping = StatusMapping(), keepExtras: Bool = false, dateOrder: DateOrder? = nil,
                    zone: DeskTimeZone = .utc) {
            self.mapping = mapping; self.profile = profile; self.creation = creation; self.statuses = statuses
            self.keepExtras = keepExtras; self.dateOrder = dateOrder; self.zone = zone
        }
    }

    /// What an import read: the tickets that passed, their extra columns (empty unless
    /// kept), the gate report and the profile the file was read with.
    public struct Result: Sendable {
        public var tickets: [Ticket]
        public var extras: CustomerExtras
        public var report: GateReport
        public var profile: TicketProfile

        package init(tickets: [Ticket], extras: CustomerExtras, report: GateReport, profile: TicketProfile) {
            self.tickets = tickets; self.extras = extras; self.report = report; self.profile = profile
        }
    }

    public static func read(path: String, options: Options = Options()) throws(InputError) -> Result {
        try read(CSVReader(path: path), options: options)
    }

    public static func read(_ reader: CSVReader, options: Options = Options()) throws(InputError) -> Result {
        guard try reader.next() else { throw InputError(file: reader.name, line: 1, column: 0, "the file is empty; expected a header row") }
        let header = reader.strings
        let profile: TicketProfile
        if let name = options.profile {
            guard let p = TicketProfile.named(name) else {
                throw InputError(file: reader.name, line: 0, column: 0,
                                 "unknown profile '\(TerminalText.safe(name, limit: 40))'; expected one of \(TicketProfile.names.joined(separator: ", "))")
            }
            profile = p
        } else {
            profile = TicketProfile.detect(header: header)
        }
        var importer = try TicketImporter(reader: reader, header: header, profile: profile, options: options)
        return try importer.run()
    }

    /// As before issue 16: tickets, report and the profile, with the default options.
    public static func read(_ reader: CSVReader, mapping: ColumnMapping = ColumnMapping(),
                            creation: CreationRule = CreationRule()) throws(InputError) -> (tickets: [Ticket], report: GateReport, format: TicketProfile) {
        let r = try read(reader, options: Options(mapping: mapping, creation: creation))
        return (r.tickets, r.report, r.profile)
    }

    public static func write(_ tickets: [Ticket], to writer: CSVWriter) {
        writer.write(row: header)
        for t in tickets {
            writer.write(row: [t.id, CivilDate.format(seconds: t.createdAt), t.priority, t.channel,
                               t.type, t.product, t.status,
                               t.firstResponseAt.map { CivilDate.format(seconds: $0) } ?? "",
                               t.resolvedAt.map { CivilDate.format(seconds: $0) } ?? "",
                               t.customerKey ?? "", t.satisfaction.map(CustomerCSV.num) ?? "", t.subject ?? ""])
        }
    }
}
