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
        // Sized once: a year of a large desk is ten million ids, and growing the set rehashes them.
        var seen = Set<String>(minimumCapacity: input.count)
        var refused: [Int] = []
        for (i, t) in input.enumerated() {
            var failed = false
            func fail(_ gate: GateReport.Gate, _ column: String, _ message: String, hard: Bool = true) {
                report.record(gate, column: column, hard: hard, at: InputError(file: source, line: i + 2, column: 0, message))
                if hard { failed = true }
            }
            if let f = t.firstResponseAt, f < t.createdAt { fail(.datesOutOfOrder, "first_response_at", "first response before creation") }
            if let r = t.resolvedAt, r < t.createdAt { fail(.datesOutOfOrder, "resolved_at", "resolution before creation") }
            if let f = t.firstResponseAt, let r = t.resolvedAt, r < f {
                fail(.datesOutOfOrder, "resolved_at", "resolution before the first response", hard: false)
            }
            if t.state == .solved && t.resolvedAt == nil {
                fail(.missingValue, "resolved_at", "a solved ticket without a resolution time: kept, not clocked", hard: false)
            }
            if !failed && !seen.insert(t.id).inserted { fail(.duplicateId, "ticket_id", "'\(t.id)' appears again") }
            report.rowsRead += 1
            if failed { refused.append(i) } else { report.rowsKept += 1 }
        }
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
}
