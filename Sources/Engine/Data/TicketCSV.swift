/// Ticket files in two shapes: OpsDeck's generic schema and the widely used public
/// "customer support tickets" export, told apart by their header.
public enum TicketCSV {
    /// `ticket_id, created_at, priority, channel, type, product, status, first_response_at, resolved_at`
    /// (+ optional customer, satisfaction, subject).
    public static let genericFields: [FieldSpec] = [
        FieldSpec("ticket_id", aliases: ["id"], required: true),
        FieldSpec("created_at", aliases: ["created", "opened_at"], required: true),
        FieldSpec("priority", required: true),
        FieldSpec("channel", required: true),
        FieldSpec("type", aliases: ["ticket_type"]),
        FieldSpec("product"),
        FieldSpec("status", required: true),
        FieldSpec("first_response_at", aliases: ["first_response"]),
        FieldSpec("resolved_at", aliases: ["closed_at"]),
        FieldSpec("customer", aliases: ["customer_id", "customer_key"]),
        FieldSpec("satisfaction", aliases: ["csat"]),
        FieldSpec("subject"),
    ]

    /// The public export's header, in its order.
    public static let exportHeader = [
        "Ticket ID", "Customer Name", "Customer Email", "Customer Age", "Customer Gender", "Product Purchased",
        "Date of Purchase", "Ticket Type", "Ticket Subject", "Ticket Description", "Ticket Status", "Resolution",
        "Ticket Priority", "Ticket Channel", "First Response Time", "Time to Resolution",
        "Customer Satisfaction Rating",
    ]

    public enum Format: String, Sendable { case generic, supportExport = "support-export" }

    /// The export has no creation time. It is derived as the earlier of the first response
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

    public static func detect(header: [String]) -> Format {
        let set = Set(header.map { normaliseLabel(Substring($0)) })
        return set.contains("ticketpriority") && set.contains("ticketid") ? .supportExport : .generic
    }

    /// Reads tickets; the format is detected from the header.
    public static func read(path: String, mapping: ColumnMapping = ColumnMapping(),
                            creation: CreationRule = CreationRule()) throws(InputError) -> (tickets: [Ticket], report: GateReport, format: Format) {
        try read(CSVReader(path: path), mapping: mapping, creation: creation)
    }

    public static func read(_ reader: CSVReader, mapping: ColumnMapping = ColumnMapping(),
                            creation: CreationRule = CreationRule()) throws(InputError) -> (tickets: [Ticket], report: GateReport, format: Format) {
        guard try reader.next() else { throw InputError(file: reader.name, line: 1, column: 0, "the file is empty; expected a header row") }
        let header = reader.strings
        switch detect(header: header) {
        case .generic:
            let r = try readGeneric(reader, header: header, mapping: mapping)
            return (r.0, r.1, .generic)
        case .supportExport:
            let r = try TicketExportFormat.read(reader, header: header, mapping: mapping, creation: creation)
            return (r.0, r.1, .supportExport)
        }
    }

    private static func readGeneric(_ reader: CSVReader, header: [String], mapping: ColumnMapping) throws(InputError) -> ([Ticket], GateReport) {
        let resolved = try mapping.resolve(header: header, fields: genericFields, file: reader.name)
        var g = RowGate(reader: reader, resolved: resolved, report: GateReport(dataset: "tickets", file: reader.name))
        if !resolved.unusedColumns.isEmpty { g.report.notes.append("columns not used: " + resolved.unusedColumns.joined(separator: ", ")) }
        var seen = Set<String>()
        var out = [Ticket]()
        while try reader.next() {
            g.beginRow()
            let id = g.text(0, hardIfMissing: true)
            let created = g.timestamp(1, hardIfMissing: true)
            let priority = g.category(2, Priority.self, hardIfMissing: true)
            let channel = g.category(3, TicketChannel.self, hardIfMissing: true)
            let type = g.text(4, hardIfMissing: false) ?? "Unspecified"
            let product = g.text(5, hardIfMissing: false) ?? "Unspecified"
            let status = g.category(6, TicketStatus.self, hardIfMissing: true)
            let first = g.timestamp(7, hardIfMissing: false)
            let resolved = g.timestamp(8, hardIfMissing: false)
            let customer = g.text(9, hardIfMissing: false)
            let satisfaction = g.double(10, hardIfMissing: false, range: 0...10)
            let subject = g.text(11, hardIfMissing: false)
            if let created {
                checkOrder(&g, created: created, first: first, resolved: resolved, firstField: 7, resolvedField: 8)
            }
            if let status, status == .closed, resolved == nil {
                g.fail(.missingValue, 8, "a Closed ticket needs resolved_at", hard: true)
            }
            if let id, let created, let priority, let channel, let status, !g.rowFailed {
                if seen.insert(id).inserted {
                    out.append(Ticket(id: id, createdAt: created, priority: priority, channel: channel, type: type,
                                      product: product, status: status, firstResponseAt: first,
                                      resolvedAt: status == .closed ? resolved : nil, customerKey: customer,
                                      satisfaction: satisfaction, subject: subject))
                } else {
                    g.fail(.duplicateId, 0, "ticket_id '\(id)' appears again; the first row is kept")
                }
            }
            g.endRow()
        }
        return (out, g.report)
    }

    /// Responses and resolutions cannot come before creation, nor a resolution before the first response.
    static func checkOrder(_ g: inout RowGate, created: Int64, first: Int64?, resolved: Int64?, firstField: Int, resolvedField: Int) {
        if let first, first < created {
            g.fail(.datesOutOfOrder, firstField, "first response \(CivilDate.format(seconds: first)) is before creation \(CivilDate.format(seconds: created))")
        }
        if let resolved, resolved < created {
            g.fail(.datesOutOfOrder, resolvedField, "resolution \(CivilDate.format(seconds: resolved)) is before creation \(CivilDate.format(seconds: created))")
        }
        // Kept but counted: the SLA clock runs from creation to resolution, so the row stays usable.
        if let first, let resolved, resolved < first {
            g.fail(.datesOutOfOrder, resolvedField, "resolution \(CivilDate.format(seconds: resolved)) is before the first response \(CivilDate.format(seconds: first))", hard: false)
        }
    }

    public static func write(_ tickets: [Ticket], to writer: CSVWriter) {
        writer.write(row: genericFields.map(\.name))
        for t in tickets {
            writer.write(row: [t.id, CivilDate.format(seconds: t.createdAt), t.priority.rawValue, t.channel.rawValue,
                               t.type, t.product, t.status.rawValue,
                               t.firstResponseAt.map { CivilDate.format(seconds: $0) } ?? "",
                               t.resolvedAt.map { CivilDate.format(seconds: $0) } ?? "",
                               t.customerKey ?? "", t.satisfaction.map(CustomerCSV.num) ?? "", t.subject ?? ""])
        }
    }
}
