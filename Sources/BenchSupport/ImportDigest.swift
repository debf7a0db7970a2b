import Engine

/// `bench import --digest` and the importer's tests: one hash of what an import produced.
public enum ImportDigest {
    /// FNV-1a over every field of every ticket, every extra column (names, values, counts,
    /// codes) and the rendered report: two builds that agree here imported the same thing.
    public static func of(_ r: TicketCSV.Result) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0xff) &* 0x100_0000_01b3
        }
        func mix(_ v: Int64?) { mix(v.map { String($0) } ?? "nil") }
        for t in r.tickets {
            mix(t.id); mix(t.createdAt); mix(t.priority); mix(t.channel); mix(t.type); mix(t.product); mix(t.status)
            mix("\(t.state)"); mix(t.firstResponseAt); mix(t.resolvedAt); mix(t.customerKey ?? "nil")
            mix(t.satisfaction.map { "\($0)" } ?? "nil"); mix(t.subject ?? "nil"); mix(t.requesterEmail ?? "nil")
        }
        mix(Int64(r.extras.rowCount))
        for c in r.extras.columns {
            mix(c.name)
            for v in c.values { mix(v) }
            for n in c.counts { mix(Int64(n)) }
            for code in c.codes { mix(Int64(code)) }
        }
        mix(r.report.rendered())
        mix(r.profile.name)
        return String(h, radix: 16) + " (\(r.tickets.count) tickets, \(r.extras.columns.count) extra columns)"
    }
}
