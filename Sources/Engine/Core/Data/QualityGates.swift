import Dispatch
/// The record-level gates for data already in memory (generated, or loaded from the store):
/// duplicate ids, values out of range, points at sea, dates out of order. Rows that fail a
/// hard gate are left out and counted. Places are given as the CSV line the row would have
/// with a header (row index + 2), so they match an exported file.
public enum QualityGates {
    public static func customers(_ input: [Customer], source: String, region: Region?, asOfDay: Int) -> ([Customer], GateReport) {
        var report = GateReport(dataset: "customers", file: source)
        var seen = Set<String>()
        var kept = [Customer]()
        kept.reserveCapacity(input.count)
        for (i, c) in input.enumerated() {
            var failed = false
            func fail(_ gate: GateReport.Gate, _ column: String, _ message: String) {
                report.record(gate, column: column, hard: true, at: InputError(file: source, line: i + 2, column: 0, message))
                failed = true
            }
            if !(-90...90).contains(c.lat) || !(-180...180).contains(c.lon) {
                fail(.outOfRange, "lat", "(\(c.lat), \(c.lon)) is not a coordinate")
            } else if let region, !region.isOnLand(lat: c.lat, lon: c.lon) {
                fail(.atSea, "lat", "(\(c.lat), \(c.lon)) is at sea or outside \(region.name)")
            }
            if !(0...100).contains(c.digitalEngagement) { fail(.outOfRange, "digital_engagement", "\(c.digitalEngagement) is outside 0…100") }
            if let s = c.csat, !(0...10).contains(s) { fail(.outOfRange, "csat", "\(s) is outside 0…10") }
            if !(0...1).contains(c.outboundConnectRate) { fail(.outOfRange, "outbound_connect_rate", "\(c.outboundConnectRate) is outside 0…1") }
            if c.lifetimeValue < 0 { fail(.outOfRange, "lifetime_value", "\(c.lifetimeValue) is negative") }
            if let d = c.lastPurchaseDay, d > asOfDay {
                fail(.datesOutOfOrder, "last_purchase_date", "\(CivilDate.format(days: d)) is after the as-of day")
            }
            if c.amount == nil { report.countMissing("amount") }
            if c.csat == nil { report.countMissing("csat") }
            if !failed && !seen.insert(c.id).inserted { fail(.duplicateId, "customer_id", "'\(c.id)' appears again") }
            report.rowsRead += 1
            if !failed { kept.append(c); report.rowsKept += 1 }
        }
        return (kept, report)
    }

    public static func reps(_ input: [Rep], source: String, region: Region?) -> ([Rep], GateReport) {
        var report = GateReport(dataset: "reps", file: source)
        var seen = Set<String>()
        var kept = [Rep]()
        for (i, r) in input.enumerated() {
            var failed = false
            func fail(_ gate: GateReport.Gate, _ column: String, _ message: String) {
                report.record(gate, column: column, hard: true, at: InputError(file: source, line: i + 2, column: 0, message))
                failed = true
            }
            if !(-90...90).contains(r.homeLat) || !(-180...180).contains(r.homeLon) {
                fail(.outOfRange, "home_lat", "(\(r.homeLat), \(r.homeLon)) is not a coordinate")
            } else if let region, !region.isOnLand(lat: r.homeLat, lon: r.homeLon) {
                fail(.atSea, "home_lat", "home is at sea or outside \(region.name)")
            }
            if r.dayEndMinute <= r.dayStartMinute { fail(.datesOutOfOrder, "day_end", "the day ends before it starts") }
            if !failed && !seen.insert(r.id).inserted { fail(.duplicateId, "rep_id", "'\(r.id)' appears again") }
            report.rowsRead += 1
            if !failed { kept.append(r); report.rowsKept += 1 }
        }
        return (kept, report)
    }

    public static func tickets(_ input: [Ticket], source: String) -> ([Ticket], GateReport) {
        var report = GateReport(dataset: "tickets", file: source)
        // The dates row by row: what each row fails (few rows do) and which a hard gate refuses.
        struct Finding { var row: Int, gate: GateReport.Gate, column: String, message: String, hard: Bool }
        var dated: [Finding] = []
        var refusedByDate = [Bool](repeating: false, count: input.count)
        for i in input.indices {
            let created = input[i].createdAt, response = input[i].firstResponseAt, resolved = input[i].resolvedAt
            func fail(_ gate: GateReport.Gate, _ column: String, _ message: String, hard: Bool = true) {
                dated.append(Finding(row: i, gate: gate, column: column, message: message, hard: hard))
                if hard { refusedByDate[i] = true }
            }
            if let f = response, f < created { fail(.datesOutOfOrder, "first_response_at", "first response before creation") }
            if let r = resolved, r < created { fail(.datesOutOfOrder, "resolved_at", "resolution before creation") }
            if let f = response, let r = resolved, r < f {
                fail(.datesOutOfOrder, "resolved_at", "resolution before the first response", hard: false)
            }
            if input[i].state == .solved && resolved == nil {
                fail(.missingValue, "resolved_at", "a solved ticket without a resolution time: kept, not clocked", hard: false)
            }
        }
        // A row's findings in the order one pass would record them: its dates, then its id.
        let duplicates = duplicateRows(input, skipping: refusedByDate)
        var refused: [Int] = []
        var d = 0, e = 0
        while d < dated.count || e < duplicates.count {
            let row = min(d < dated.count ? dated[d].row : Int.max, e < duplicates.count ? duplicates[e] : Int.max)
            let at = { (message: String) in InputError(file: source, line: row + 2, column: 0, message) }
            while d < dated.count && dated[d].row == row {
                report.record(dated[d].gate, column: dated[d].column, hard: dated[d].hard, at: at(dated[d].message))
                d += 1
            }
            var out = refusedByDate[row]
            if e < duplicates.count && duplicates[e] == row {
                report.record(.duplicateId, column: "ticket_id", hard: true, at: at("'\(input[row].id)' appears again"))
                out = true
                e += 1
            }
            if out { refused.append(row) }
        }
        report.rowsRead = input.count
        report.rowsKept = input.count - refused.count
        // Nothing refused (the usual file): the input itself, not a copy of every ticket.
        if refused.isEmpty { return (input, report) }
        var kept = [Ticket]()
        kept.reserveCapacity(report.rowsKept)
        var next = 0
        for i in input.indices {
            if next < refused.count && refused[next] == i { next += 1; continue }
            kept.append(input[i])
        }
        return (kept, report)
    }

    /// Rows whose id an earlier row (not in `skipping`) already has, in row order. A large
    /// desk's ids are split by hash between two cores: an id's repeats all fall in its half,
    /// which each core scans in row order, so the rows found are those of one pass.
    static func duplicateRows(_ input: [Ticket], skipping: [Bool]) -> [Int] {
        let parts = input.count >= 1 << 17 ? 2 : 1
        let found = ParallelSlots<[Int]>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            var seen = TextCodes(capacity: input.count / parts + 1)
            var repeats: [Int] = []
            for i in input.indices where !skipping[i] {
                let id = input[i].id
                if parts > 1 && Int(TextCodes.hash(of: id) >> 63) != p { continue }
                if !seen.insert(id).inserted { repeats.append(i) }
            }
            found[p] = repeats
        }
        return found.values.compactMap { $0 }.flatMap { $0 }.sorted()
    }
}
