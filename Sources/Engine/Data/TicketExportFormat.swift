/// The public "customer support tickets" export: descriptions are quoted and span lines,
/// priorities are Low/Medium/High/Critical, channels Email/Phone/Chat/Social media, the two
/// times are `YYYY-MM-DD HH:MM` and empty on tickets not yet answered or resolved.
/// It has no creation time; `TicketCSV.CreationRule` derives one, and the report says how.
enum TicketExportFormat {
    static let fields: [FieldSpec] = [
        FieldSpec("Ticket ID", required: true),
        FieldSpec("Customer Name"),
        FieldSpec("Customer Email"),
        FieldSpec("Product Purchased"),
        FieldSpec("Ticket Type"),
        FieldSpec("Ticket Subject"),
        FieldSpec("Ticket Status", required: true),
        FieldSpec("Ticket Priority", required: true),
        FieldSpec("Ticket Channel", required: true),
        FieldSpec("First Response Time"),
        FieldSpec("Time to Resolution"),
        FieldSpec("Customer Satisfaction Rating"),
    ]

    static func read(_ reader: CSVReader, header: [String], mapping: ColumnMapping,
                     creation: TicketCSV.CreationRule) throws(InputError) -> ([Ticket], GateReport) {
        let resolved = try mapping.resolve(header: header, fields: fields, file: reader.name)
        var g = RowGate(reader: reader, resolved: resolved, report: GateReport(dataset: "tickets", file: reader.name))
        g.report.notes.append("format: public customer-support-tickets export")
        g.report.notes.append(creation.summary)
        let offset = Int64((creation.offsetHours * 3600).rounded())
        var seen = Set<String>()
        var out = [Ticket]()
        var undated = [Int]()        // tickets with neither time: dated once the as-of is known
        var latest = Int64.min
        while try reader.next() {
            g.beginRow()
            let id = g.text(0, hardIfMissing: true)
            let customer = g.text(2, hardIfMissing: false) ?? g.text(1, hardIfMissing: false)
            let product = g.text(3, hardIfMissing: false) ?? "Unspecified"
            let type = g.text(4, hardIfMissing: false) ?? "Unspecified"
            let subject = g.text(5, hardIfMissing: false)
            let status = g.category(6, TicketStatus.self, hardIfMissing: true)
            let priority = g.category(7, Priority.self, hardIfMissing: true)
            let channel = g.category(8, TicketChannel.self, hardIfMissing: true)
            let first = g.timestamp(9, hardIfMissing: false)
            let resolvedAt = g.timestamp(10, hardIfMissing: false)
            let rating = g.double(11, hardIfMissing: false, range: 0...10)
            if let status, status == .closed, resolvedAt == nil {
                g.fail(.missingValue, 10, "a Closed ticket needs Time to Resolution")
            }
            for t in [first, resolvedAt].compactMap({ $0 }) { latest = max(latest, t) }
            let anchor = [first, resolvedAt].compactMap { $0 }.min()
            let created = anchor.map { $0 - offset } ?? 0
            if anchor != nil {
                TicketCSV.checkOrder(&g, created: created, first: first, resolved: resolvedAt, firstField: 9, resolvedField: 10)
            }
            if let id, let status, let priority, let channel, !g.rowFailed {
                if seen.insert(id).inserted {
                    if anchor == nil { undated.append(out.count) }
                    out.append(Ticket(id: id, createdAt: created, priority: priority, channel: channel, type: type,
                                      product: product, status: status, firstResponseAt: first,
                                      resolvedAt: status == .closed ? resolvedAt : nil, customerKey: customer,
                                      satisfaction: rating, subject: subject))
                } else {
                    g.fail(.duplicateId, 0, "Ticket ID '\(id)' appears again; the first row is kept")
                }
            }
            g.endRow()
        }
        if !undated.isEmpty {
            if latest == Int64.min {
                g.report.notes.append("no ticket has a time at all: creation times are unknown and set to 1970-01-01")
            } else {
                for i in undated { out[i].createdAt = latest - offset }
                g.report.notes.append("\(undated.count) tickets with neither time dated \(CivilDate.format(seconds: latest - offset))")
            }
        }
        return (out, g.report)
    }
}
