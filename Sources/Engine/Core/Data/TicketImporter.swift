/// Reads one ticket file with a profile: every row through the gates, each desk's labels
/// kept as they are (a new label never drops a row; the report lists it), statuses given
/// their meaning, metric columns turned into times where the export has no time column.
package struct TicketImporter {
    private typealias F = TicketField
    package let reader: CSVReader
    package let profile: TicketProfile
    package let options: TicketCSV.Options
    private var gate: RowGate
    private var extras: CustomerExtras.Builder?
    private var newLabels = NewLabels()
    private var seen = RecordIdSet()
    private var out = [Ticket]()
    private var cells = [String]()
    /// The public export: tickets with neither time, dated once the latest time is known.
    private var undated = [Int]()
    private var latest = Int64.min
    private var linked = 0
    /// Where the requester's e-mail may be, preferred first (the profile's e-mail columns,
    /// then the requester column); the first cell holding an address is kept.
    private let emailColumns: [Int]
    private let emailNote: String
    /// The label columns, interned from the cells' bytes, with each status's meaning and each
    /// rating's value worked out once: a desk has a handful of labels, read a million times.
    private var priorities = InternedLabels<Void>()
    private var channels = InternedLabels<Void>()
    private var types = InternedLabels<Void>()
    private var products = InternedLabels<Void>()
    private var statuses = InternedLabels<TicketState?>()
    private var ratings = InternedLabels<Double?>()

    package init(reader: CSVReader, header: [String], profile: TicketProfile, options: TicketCSV.Options) throws(InputError) {
        self.reader = reader
        self.profile = profile
        self.options = options
        // The offset becomes whole seconds: a non-finite or huge one would trap converting.
        guard options.creation.offsetHours.isFinite, (0...8760).contains(options.creation.offsetHours) else {
            throw InputError(file: reader.name, line: 0, column: 0,
                             "the creation offset must be 0 to 8760 hours, got \(options.creation.offsetHours)")
        }
        let resolved = try options.mapping.resolve(header: header, fields: profile.fieldSpecs, file: reader.name)
        gate = RowGate(reader: reader, resolved: resolved, report: GateReport(dataset: "tickets", file: reader.name))
        let normalised = header.map { normaliseLabel(Substring($0)) }
        var mail = profile.emailColumns.compactMap { name in normalised.firstIndex(of: normaliseLabel(Substring(name))) }
        if let requester = resolved.index[F.customerFallback.rawValue], !mail.contains(requester) { mail.append(requester) }
        emailColumns = mail
        emailNote = mail.isEmpty ? "" : "; e-mail from " + mail.map { TerminalText.safe(header[$0], limit: 40) }.joined(separator: ", ")
        gate.report.notes.append("format: \(profile.title) (profile \(profile.name); --profile NAME chooses another)")
        if let note = reader.encodingNote { gate.report.notes.append(note) }
        try gate.detectTimes([F.created, .firstResponse, .resolved, .closed].map(\.rawValue), order: options.dateOrder, zone: options.zone)
        if profile.derivesCreation { gate.report.notes.append(options.creation.summary) }
        if options.keepExtras {
            extras = Self.extraColumns(header, resolved, &gate.report)
            if let names = extras?.extras.names, !names.isEmpty {
                gate.report.notes.append("extra columns kept with the dataset (breach-model features): " + names.joined(separator: ", "))
            }
        } else if !resolved.unusedColumns.isEmpty {
            gate.report.notes.append("columns not used: " + resolved.unusedColumns.map { TerminalText.safe($0, limit: 40) }.joined(separator: ", "))
        }
        let absent = [F.priority, .channel].filter { resolved.index[$0.rawValue] == nil }.map(\.name)
        if !absent.isEmpty { gate.report.notes.append("columns not in the file, left empty for every row: " + absent.joined(separator: ", ")) }
    }

    package mutating func run() throws(InputError) -> TicketCSV.Result {
        while try reader.next() {
            if reader.recordCount == Self.estimateAt { reserve() }
            gate.beginRow()
            readRow()
            gate.endRow()
        }
        if !undated.isEmpty {
            let offset = Int64((options.creation.offsetHours * 3600).rounded())
            if latest == Int64.min {
                gate.report.notes.append("no ticket has a time at all: creation times are unknown and set to 1970-01-01")
            } else {
                for i in undated { out[i].createdAt = latest - offset }
                gate.report.notes.append("\(undated.count) tickets with neither time dated \(CivilDate.format(seconds: latest - offset))")
            }
        }
        gate.report.notes += newLabels.notes(meaning: ["status": "read as open, or as solved where the row has a resolution time; "
                                                       + "status.<label> = open|waiting|hold|solved in sla.conf says otherwise"])
        if !out.isEmpty {
            let rate = Double(linked) / Double(out.count) * 100
            gate.report.notes.append("account link: \(profile.linkNote)\(emailNote); \(linked) of \(out.count) tickets name one (\(CustomerCSV.num((rate * 10).rounded() / 10))%)")
        }
        return TicketCSV.Result(tickets: out, extras: extras?.extras ?? CustomerExtras(names: []), report: gate.report, profile: profile)
    }

    private func has(_ f: F) -> Bool { gate.has(f.rawValue) }

    /// Records read (the header counts) before the file's row count is estimated.
    package static let estimateAt = 1025

    /// Rows to reserve for: the estimate plus an eighth, at most 16 M (a file whose first rows
    /// are far shorter than the rest must not ask for an absurd allocation; past the cap the
    /// arrays grow by doubling, as they did before).
    package static func reservation(for reader: CSVReader) -> Int? {
        guard let n = reader.estimatedRecords, n > 0 else { return nil }
        return min(n + n / 8, 1 << 24)
    }

    /// Room for every row the file probably holds, plus an eighth: reserved capacity that is
    /// never written costs address space, not memory, while growing by doubling copied the
    /// tickets each time and touched twice the pages. The id table is the one part written
    /// in full (zeros), ≈ 12–23 B per estimated row: a file whose first rows are much shorter
    /// than the rest over-reserves that much, against 208 B per ticket kept (without the
    /// reservation the table's regrowth cost ≈ 7 % of a 1 M-row import).
    private mutating func reserve() {
        guard let rows = Self.reservation(for: reader) else { return }
        out.reserveCapacity(rows)
        seen.reserve(rows)
        extras?.reserve(rows)
    }

    private mutating func readRow() {
        let id = gate.text(F.id.rawValue, hardIfMissing: true)
        let probe = id.map { seen.probe($0) }
        var created = profile.derivesCreation ? nil : gate.timestamp(F.created.rawValue, hardIfMissing: true)
        let priority = gate.label(F.priority.rawValue, in: &priorities).map { priorities[$0] } ?? ""
        let channel = gate.label(F.channel.rawValue, in: &channels).map { channels[$0] } ?? ""
        let type = gate.label(F.type.rawValue, in: &types).map { types[$0] } ?? "Unspecified"
        let product = gate.label(F.product.rawValue, in: &products).map { products[$0] } ?? "Unspecified"
        let statusCode = gate.label(F.status.rawValue, in: &statuses)
        let status = statusCode.map { statuses[$0] } ?? ""
        var first = gate.timestamp(F.firstResponse.rawValue, hardIfMissing: false)
        var resolved = gate.timestamp(F.resolved.rawValue, hardIfMissing: false)
            ?? gate.timestamp(F.closed.rawValue, hardIfMissing: false)
        let customer = gate.text(F.customer.rawValue, hardIfMissing: false) ?? gate.text(F.customerFallback.rawValue, hardIfMissing: false)
        let satisfaction = readSatisfaction()
        let subject = gate.text(F.subject.rawValue, hardIfMissing: false)
        if profile.derivesCreation {
            for t in [first, resolved].compactMap({ $0 }) { latest = max(latest, t) }
            let offset = Int64((options.creation.offsetHours * 3600).rounded())
            created = [first, resolved].compactMap { $0 }.min().map { $0 - offset }
        }
        // Metric columns stand in for missing times (Zendesk's reply_time_in_minutes, …).
        if let c = created {
            if first == nil, let d = gate.duration(F.firstResponseMinutes.rawValue, unit: 60) ?? gate.duration(F.firstResponseHours.rawValue, unit: 3600) {
                first = c + d
            }
            if resolved == nil, let d = gate.duration(F.resolutionMinutes.rawValue, unit: 60) ?? gate.duration(F.resolutionHours.rawValue, unit: 3600) {
                resolved = c + d
            }
        }
        var state = meaning(of: statusCode, resolved: resolved != nil)
        if state == .onHold, let reason = gate.text(F.holdReason.rawValue, hardIfMissing: false),
           ["awaitingcaller", "awaitingcustomer", "awaitinguserinfo", "awaitingrequester"].contains(normaliseLabel(Substring(reason))) {
            state = .waitingOnCustomer
        }
        if let created {
            TicketCSV.checkOrder(&gate, created: created, first: first, resolved: resolved,
                                 firstField: F.firstResponse.rawValue, resolvedField: F.resolved.rawValue)
        }
        if state == .solved, resolved == nil {
            gate.fail(.missingValue, F.resolved.rawValue, "a solved ticket ('\(TerminalText.safe(status, limit: 40))') without a resolution time: kept, not clocked", hard: false)
        }
        guard let id, let probe, !gate.rowFailed else { return }
        guard seen.insert(id, probe, rows: out, idOf: \.id) else {
            gate.fail(.duplicateId, F.id.rawValue, "ticket id '\(TerminalText.safe(id, limit: 40))' appears again; the first row is kept")
            return
        }
        if created == nil { undated.append(out.count) }
        let email = requesterEmail()
        if customer != nil || email != nil { linked += 1 }
        out.append(Ticket(id: id, createdAt: created ?? 0, priority: priority, channel: channel.isEmpty ? "unknown" : channel,
                          type: type, product: product, status: status, state: state, firstResponseAt: first,
                          resolvedAt: state == .solved ? resolved : nil, customerKey: customer,
                          satisfaction: satisfaction, subject: subject, requesterEmail: email))
        if extras != nil { extras?.appendRow(of: reader, into: &cells) }
    }

    /// The first of the e-mail columns whose cell is an address.
    private func requesterEmail() -> String? {
        for col in emailColumns where col < reader.fieldCount {
            guard reader.withTrimmedBytes(col, { $0.contains(64) }), let text = reader.text(col) else { continue }  // '@'
            if WebDomain.isEmail(text) { return text }
        }
        return nil
    }

    /// The user's `status.<label>` lines first, then the profile's own meanings (Jira's
    /// Pending), then the common defaults.
    private mutating func meaning(of code: Int?, resolved: Bool) -> TicketState {
        let status = code.map { statuses[$0] } ?? ""
        let known: TicketState?
        if let code {
            if let cached = statuses.payload[code] { known = cached } else {
                known = knownMeaning(of: status)
                statuses.payload[code] = .some(known)
            }
        } else {
            known = knownMeaning(of: status)
        }
        if let s = known { return s }
        newLabels.add("status", status.isEmpty ? "(empty)" : status)
        return resolved ? .solved : .open
    }

    private func knownMeaning(of status: String) -> TicketState? {
        if let s = options.statuses.override(of: status) { return s }
        if let s = profile.statuses.first(where: { normaliseLabel(Substring($0.key)) == normaliseLabel(Substring(status)) })?.value {
            return s
        }
        return options.statuses.state(of: status)
    }

    /// A number (0–10), or the survey words desks write: good/bad (Zendesk), Awesome / Just
    /// Okay / Not Good (Freshdesk); "offered" and "unoffered" are no rating.
    private mutating func readSatisfaction() -> Double? {
        let f = F.satisfaction.rawValue
        guard has(.satisfaction), let code = gate.label(f, in: &ratings) else { return nil }
        if let r = ratings.payload[code] { return r }
        let text = ratings[code]
        if let v = Double(text), v.isFinite {
            guard (0...10).contains(v) else {
                gate.fail(.outOfRange, f, "satisfaction = \(TerminalText.safe(text, limit: 20)) is outside 0…10", hard: false)
                return nil
            }
            ratings.payload[code] = .some(v)
            return v
        }
        let r: Double? = switch normaliseLabel(Substring(text)) {
        case "good", "awesome", "satisfied", "verysatisfied", "happy", "great": 5
        case "justokay", "okay", "ok", "neutral": 3
        case "bad", "notgood", "unsatisfied", "dissatisfied", "verydissatisfied", "unhappy": 1
        default: nil  // offered, unoffered, not offered: asked, not answered
        }
        ratings.payload[code] = .some(r)
        return r
    }

    /// The unmapped columns worth keeping (see `CustomerCSV.extraColumns`).
    package static func extraColumns(_ header: [String], _ resolved: ResolvedColumns, _ report: inout GateReport) -> CustomerExtras.Builder {
        CustomerCSV.extraColumns(header, resolved, &report, taken: Set(TicketField.allCases.map(\.name)))
    }
}

extension TicketCSV {
    /// Responses and resolutions cannot come before creation, nor a resolution before the first response.
    package static func checkOrder(_ g: inout RowGate, created: Int64, first: Int64?, resolved: Int64?, firstField: Int, resolvedField: Int) {
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
}
