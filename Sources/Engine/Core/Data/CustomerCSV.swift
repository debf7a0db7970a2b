/// The customer file: its columns, how it is read through the gates, and how it is written.
/// `opsdeck generate` writes exactly these columns and `opsdeck import customers` reads them
/// back (or a CRM export mapped onto them with `--map`).
public enum CustomerCSV {
    public static let fields: [FieldSpec] = [
        FieldSpec("customer_id", aliases: ["id", "account_id", "customer"], required: true),
        FieldSpec("lat", aliases: ["latitude"], required: true),
        FieldSpec("lon", aliases: ["lng", "long", "longitude"], required: true),
        FieldSpec("last_purchase_date", aliases: ["last_purchase"]),
        FieldSpec("amount", aliases: ["last_amount"]),
        FieldSpec("lifetime_value", aliases: ["ltv", "clv"]),
        FieldSpec("company_size", aliases: ["employees"]),
        FieldSpec("industry", aliases: ["sector"]),
        FieldSpec("tier", aliases: ["segment_tier"]),
        FieldSpec("preferred_channel"),
        FieldSpec("last_contact_channel"),
        FieldSpec("digital_engagement"),
        FieldSpec("inbound_calls_30d"),
        FieldSpec("outbound_connect_rate"),
        FieldSpec("web_sessions_30d"),
        FieldSpec("abandoned_carts_30d"),
        FieldSpec("ecom_orders_30d"),
        FieldSpec("support_tickets_90d"),
        FieldSpec("csat"),
        FieldSpec("recent_issue"),
        FieldSpec("touches_30d"),
        FieldSpec("product_interest"),
        FieldSpec("churned", aliases: ["churn"]),
        FieldSpec("future_spend_6m", aliases: ["future_spend"]),
        FieldSpec("churn_logit"),
        FieldSpec("name", aliases: ["account_name", "company_name", "company"]),
        FieldSpec("visit_window", aliases: ["opening_hours", "visiting_hours", "hours"]),
        FieldSpec("visit_minutes", aliases: ["visit_duration", "visit_length"]),
    ]

    /// Fields read for linking tickets to accounts, not written by `write` (the generic
    /// schema's columns stay as they were).
    public static let linkFields: [FieldSpec] = [
        FieldSpec("domain", aliases: ["website", "web_domain", "company_domain_name", "company_domain", "url"]),
    ]

    public static var header: [String] { fields.map(\.name) }

    /// Reads a customer file through the gates. Throws only when the file itself is
    /// unreadable (missing required columns, broken quoting, ragged rows); bad rows are
    /// left out and counted in the report.
    public static func read(path: String, mapping: ColumnMapping = ColumnMapping(), profile: String? = nil, region: Region? = nil,
                            asOfDay: Int) throws(InputError) -> (customers: [Customer], report: GateReport) {
        try read(CSVReader(path: path), mapping: mapping, profile: profile, region: region, asOfDay: asOfDay)
    }

    public static func read(_ reader: CSVReader, mapping: ColumnMapping = ColumnMapping(), profile: String? = nil, region: Region? = nil,
                            asOfDay: Int) throws(InputError) -> (customers: [Customer], report: GateReport) {
        let r = try readAll(reader, mapping: mapping, profile: profile, region: region, asOfDay: asOfDay, keepExtras: false)
        return (r.customers, r.report)
    }

    /// As `read`, keeping every column no field maps as raw text per kept row (the import
    /// saves them with the dataset; the pipeline's models use them as features).
    public static func readKeepingExtras(path: String, mapping: ColumnMapping = ColumnMapping(), profile: String? = nil,
                                         region: Region? = nil, asOfDay: Int, dateOrder: DateOrder? = nil, encoding: TextEncoding? = nil)
        throws(InputError) -> (customers: [Customer], extras: CustomerExtras, report: GateReport) {
        try readAll(CSVReader(path: path, encoding: encoding), mapping: mapping, profile: profile, region: region, asOfDay: asOfDay,
                    keepExtras: true, dateOrder: dateOrder)
    }

    public static func readKeepingExtras(_ reader: CSVReader, mapping: ColumnMapping = ColumnMapping(), profile: String? = nil,
                                         region: Region? = nil, asOfDay: Int)
        throws(InputError) -> (customers: [Customer], extras: CustomerExtras, report: GateReport) {
        try readAll(reader, mapping: mapping, profile: profile, region: region, asOfDay: asOfDay, keepExtras: true)
    }

    package static func readAll(_ reader: CSVReader, mapping: ColumnMapping, profile name: String?, region: Region?, asOfDay: Int,
                        keepExtras: Bool, dateOrder: DateOrder? = nil) throws(InputError) -> (customers: [Customer], extras: CustomerExtras, report: GateReport) {
        guard try reader.next() else { throw InputError(file: reader.name, line: 1, column: 0, "the file is empty; expected a header row") }
        let header = reader.strings
        let profile: CustomerProfile
        if let name {
            guard let p = CustomerProfile.named(name) else {
                throw InputError(file: reader.name, line: 0, column: 0, "unknown profile '\(TerminalText.safe(name, limit: 40))'; "
                                 + "expected one of \(CustomerProfile.all.map(\.name).joined(separator: ", "))")
            }
            profile = p
        } else {
            profile = CustomerProfile.detect(header: header)
        }
        let resolved = try mapping.resolve(header: header, fields: profile.fields(fields + linkFields), file: reader.name)
        var gate = RowGate(reader: reader, resolved: resolved, report: GateReport(dataset: "customers", file: reader.name))
        gate.report.notes.append("format: \(profile.title) (profile \(profile.name); --profile NAME chooses another)")
        if let note = reader.encodingNote { gate.report.notes.append(note) }
        try gate.detectTimes([F.lastPurchase], order: dateOrder, zone: .utc)
        var extras = keepExtras ? extraColumns(header, resolved, &gate.report) : nil
        noteAbsentAndUnused(resolved, &gate.report, kept: extras?.extras.names)
        var seen = RecordIdSet()
        var tables = LabelTables()
        var labels = NewLabels()
        var out = [Customer]()
        var cells = [String]()
        while try reader.next() {
            if reader.recordCount == TicketImporter.estimateAt, let rows = TicketImporter.reservation(for: reader) {
                // As the ticket importer does: room for the whole file once, not doubling.
                out.reserveCapacity(rows)
                seen.reserve(rows)
                extras?.reserve(rows)
            }
            gate.beginRow()
            if let c = parseRow(&gate, region: region, asOfDay: asOfDay, seen: &seen, kept: out, tables: &tables, labels: &labels), !gate.rowFailed {
                out.append(c)
                if extras != nil { extras?.appendRow(of: reader, into: &cells) }
            }
            gate.endRow()
        }
        gate.report.notes += labels.notes(meaning: ["tier": "planned as tier B", "preferred_channel": "read as no preference",
                                                    "last_contact_channel": "read as none"])
        return (out, extras?.extras ?? CustomerExtras(names: []), gate.report)
    }

    /// The unmapped columns worth keeping: a column without a name or with a field's own
    /// name cannot be told apart later, and is noted instead. A name repeated (Jira writes
    /// one `Labels` column per label) is one column whose cells join the repeats' values.
    package static func extraColumns(_ header: [String], _ resolved: ResolvedColumns, _ report: inout GateReport,
                             taken: Set<String> = Set((fields + linkFields).map(\.name))) -> CustomerExtras.Builder {
        var names: [String] = [], positions: [[Int]] = [], skipped: [String] = []
        for p in resolved.unusedPositions {
            let name = header[p].trimmingCharacters()
            if let k = names.firstIndex(of: name) {
                positions[k].append(p)
            } else if name.isEmpty || taken.contains(name) {
                skipped.append(name.isEmpty ? "column \(p + 1) (no name)" : "\(name) (column \(p + 1), name already taken)")
            } else {
                names.append(name)
                positions.append([p])
            }
        }
        if !skipped.isEmpty { report.notes.append("columns not kept: " + skipped.joined(separator: ", ")) }
        return CustomerExtras.Builder(names: names, positions: positions)
    }

    /// Defaults stand in for whole columns the file does not have, and the report says so.
    package static let defaults: [String: String] = [
        "lifetime_value": "0", "company_size": "1", "industry": "(unknown)", "tier": "(unknown: planned as B)",
        "preferred_channel": "(no preference)", "last_contact_channel": "= preferred_channel", "digital_engagement": "50",
        "outbound_connect_rate": "0", "recent_issue": "no", "product_interest": "(unknown)",
        "inbound_calls_30d": "0", "web_sessions_30d": "0", "abandoned_carts_30d": "0", "ecom_orders_30d": "0",
        "support_tickets_90d": "0", "touches_30d": "0",
    ]

    package static func noteAbsentAndUnused(_ resolved: ResolvedColumns, _ report: inout GateReport, kept: [String]? = nil) {
        let absent = resolved.absentFields.filter { defaults[$0] != nil }
        if !absent.isEmpty {
            report.notes.append("columns not in the file, filled for every row: "
                + absent.map { "\($0) = \(defaults[$0] ?? "")" }.joined(separator: ", "))
        }
        if let kept {
            if !kept.isEmpty {
                report.notes.append("extra columns kept with the dataset (model features for the pipeline): " + kept.joined(separator: ", "))
            }
        } else if !resolved.unusedColumns.isEmpty {
            report.notes.append("columns not used: " + resolved.unusedColumns.joined(separator: ", "))
        }
    }

    // Field positions in `fields`, named for readability of parseRow.
    private enum F {
        static let id = 0, lat = 1, lon = 2, lastPurchase = 3, amount = 4, ltv = 5, size = 6, industry = 7, tier = 8
        static let preferred = 9, lastContact = 10, engagement = 11, inbound = 12, connect = 13, web = 14
        static let carts = 15, orders = 16, tickets = 17, csat = 18, issue = 19, touches = 20, product = 21
        static let churned = 22, spend = 23, logit = 24, name = 25, window = 26, visitMinutes = 27, domain = 28
    }

    /// The label columns interned from their bytes, with what each label means worked out
    /// once (a CRM has a few industries, tiers and channels, read a million times).
    package struct LabelTables {
        package var industries = InternedLabels<Void>()
        package var tiers = InternedLabels<Bool>()
        package var products = InternedLabels<Void>()
        package var preferred = InternedLabels<SalesChannel?>()
        package var lastContact = InternedLabels<SalesChannel?>()
    }

    private static func parseRow(_ g: inout RowGate, region: Region?, asOfDay: Int, seen: inout RecordIdSet, kept: [Customer],
                                 tables t: inout LabelTables, labels: inout NewLabels) -> Customer? {
        let id = g.text(F.id, hardIfMissing: true)
        let lat = g.double(F.lat, hardIfMissing: true, range: -90...90)
        let lon = g.double(F.lon, hardIfMissing: true, range: -180...180)
        if let lat, let lon, let region, !region.isOnLand(lat: lat, lon: lon) {
            g.fail(.atSea, F.lat, "(\(lat), \(lon)) is at sea or outside \(region.name)")
        }
        let last = g.day(F.lastPurchase, hardIfMissing: false)
        if let last, last > asOfDay {
            g.fail(.datesOutOfOrder, F.lastPurchase, "last purchase \(CivilDate.format(days: last)) is after the as-of day \(CivilDate.format(days: asOfDay))")
        }
        let amount = g.double(F.amount, hardIfMissing: false, range: 0...1e12)
        // An empty cell in an optional column takes the column's default, and the report's
        // empty-cell counts say how often: a CRM's blanks never drop an account.
        let ltv = g.double(F.ltv, hardIfMissing: false, range: 0...1e12) ?? 0
        let size = g.int(F.size, hardIfMissing: false, range: 0...10_000_000) ?? 1
        let industry = g.label(F.industry, in: &t.industries).map { t.industries[$0] } ?? ""
        var tier = ""
        if let code = g.label(F.tier, in: &t.tiers) {
            tier = t.tiers[code]
            let known = t.tiers.payload[code] ?? (Tier.classify(tier) != nil)
            t.tiers.payload[code] = known
            if !known { labels.add("tier", tier) }
        }
        let preferred = salesChannel(&g, F.preferred, &t.preferred, &labels)
        // An empty last-contact cell takes its column default, the preferred channel.
        let lastContact = salesChannel(&g, F.lastContact, &t.lastContact, &labels) ?? (g.isEmpty(F.lastContact) ? preferred : nil)
        let engagement = g.double(F.engagement, hardIfMissing: false, range: 0...100) ?? 50
        let inbound = g.int(F.inbound, hardIfMissing: false, range: 0...100_000) ?? 0
        let connect = g.double(F.connect, hardIfMissing: false, range: 0...1) ?? 0
        let web = g.int(F.web, hardIfMissing: false, range: 0...10_000_000) ?? 0
        let carts = g.int(F.carts, hardIfMissing: false, range: 0...10_000_000) ?? 0
        let orders = g.int(F.orders, hardIfMissing: false, range: 0...10_000_000) ?? 0
        let tickets = g.int(F.tickets, hardIfMissing: false, range: 0...100_000) ?? 0
        let csat = g.double(F.csat, hardIfMissing: false, range: 0...10)
        let issue = g.bool(F.issue, hardIfMissing: false) ?? false
        let touches = g.int(F.touches, hardIfMissing: false, range: 0...100_000) ?? 0
        let product = g.label(F.product, in: &t.products).map { t.products[$0] } ?? ""
        let churned = g.bool(F.churned, hardIfMissing: false)
        let spend = g.double(F.spend, hardIfMissing: false, range: 0...1e12)
        let logit = g.double(F.logit, hardIfMissing: false)
        let name = g.text(F.name, hardIfMissing: false)
        let window = visitWindow(&g)
        let domain = webDomain(&g)
        guard let id, let lat, let lon, !g.rowFailed else { return nil }
        guard seen.insert(id, rows: kept, idOf: \.id) else {
            g.fail(.duplicateId, F.id, "customer_id '\(id)' appears again; the first row is kept")
            return nil
        }
        return Customer(id: id, lat: lat, lon: lon, lastPurchaseDay: last, amount: amount, lifetimeValue: ltv,
                        companySize: size, industry: industry, tier: tier, preferredChannel: preferred,
                        lastContactChannel: lastContact, digitalEngagement: engagement, inboundCalls30d: inbound,
                        outboundConnectRate: connect, webSessions30d: web, abandonedCarts30d: carts,
                        ecomOrders30d: orders, supportTickets90d: tickets, csat: csat, recentIssue: issue,
                        touches30d: touches, productInterest: product, churned: churned, futureSpend: spend,
                        churnLogit: logit, name: name, visitWindow: window, domain: domain)
    }

    /// `HH:MM-HH:MM` opening hours (several, comma-separated: the longest is used, since a
    /// visit fits one window) and a visit length in minutes.
    private static func visitWindow(_ g: inout RowGate) -> VisitWindow? {
        let minutes = g.int(F.visitMinutes, hardIfMissing: false, range: 5...600)
        var best: (Int, Int)?
        if let text = g.text(F.window, hardIfMissing: false) {
            for part in text.split(separator: ",") {
                let ends = part.split(separator: "-").map { RepCSV.minutes($0) }
                guard ends.count == 2, let a = ends[0], let b = ends[1], b > a else {
                    g.fail(.badValue, F.window, "expected opening hours HH:MM-HH:MM in visit_window, got '\(TerminalText.safe(text, limit: 40))'",
                           hard: false)
                    best = nil
                    break
                }
                if best.map({ b - a > $0.1 - $0.0 }) ?? true { best = (a, b) }
            }
        }
        guard best != nil || minutes != nil else { return nil }
        return VisitWindow(opens: best?.0, closes: best?.1, minutes: minutes)
    }

    /// The account's web domain from a website or domain cell; an unreadable one is counted
    /// and left empty (the account still links by id and name).
    private static func webDomain(_ g: inout RowGate) -> String? {
        guard let text = g.text(F.domain, hardIfMissing: false) else { return nil }
        if let d = WebDomain.of(website: text) { return d }
        g.fail(.badValue, F.domain, "expected a web address or domain in domain, got '\(TerminalText.safe(text, limit: 60))'", hard: false)
        return nil
    }

    /// A channel label as one of the five; an unknown one means no preference (and is listed).
    private static func salesChannel(_ g: inout RowGate, _ f: Int, _ table: inout InternedLabels<SalesChannel?>,
                                     _ labels: inout NewLabels) -> SalesChannel? {
        guard let code = g.label(f, in: &table) else { return nil }
        let channel: SalesChannel?
        if let known = table.payload[code] { channel = known } else {
            channel = SalesChannel.classify(table[code])
            table.payload[code] = .some(channel)
        }
        if let channel { return channel }
        labels.add(fields[f].name, table[code])
        return nil
    }

    /// Writes customers with the full header.
    public static func write(_ customers: [Customer], to writer: CSVWriter) {
        writer.write(row: header)
        for c in customers { writer.write(row: row(c)) }
    }

    public static func row(_ c: Customer) -> [String] {
        [c.id, num(c.lat), num(c.lon), c.lastPurchaseDay.map { CivilDate.format(days: $0) } ?? "", opt(c.amount),
         num(c.lifetimeValue), String(c.companySize), c.industry, c.tier,
         c.preferredChannel?.rawValue ?? "", c.lastContactChannel?.rawValue ?? "", num(c.digitalEngagement),
         String(c.inboundCalls30d), num(c.outboundConnectRate), String(c.webSessions30d),
         String(c.abandonedCarts30d), String(c.ecomOrders30d), String(c.supportTickets90d), opt(c.csat),
         c.recentIssue ? "1" : "0", String(c.touches30d), c.productInterest,
         c.churned.map { $0 ? "1" : "0" } ?? "", opt(c.futureSpend), opt(c.churnLogit), c.name ?? "",
         c.visitWindow.flatMap { w in w.opens.flatMap { o in w.closes.map { RepCSV.hhmm(o) + "-" + RepCSV.hhmm($0) } } } ?? "",
         c.visitWindow?.minutes.map(String.init) ?? ""]
    }

    /// Shortest text that reads back as the same Double (Swift's description is exact and
    /// platform-independent), without a trailing ".0" on whole numbers.
    package static func num(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    package static func opt(_ v: Double?) -> String { v.map(num) ?? "" }
}
