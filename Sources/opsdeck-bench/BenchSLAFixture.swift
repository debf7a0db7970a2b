import BenchSupport
import Engine

/// The bench's own fixture in the public "customer support tickets" export format: seeded
/// synthetic tickets written with that header (times as the export writes them, personal
/// columns filled with neutral placeholders), then read back through the real importer, so
/// the measured figures include what the format loses (it has no creation time: the
/// importer derives one by its documented rule).
enum BenchSLAFixture {
    static func tickets(count: Int, seed: UInt64) throws -> (tickets: [Ticket], notes: [String]) {
        let source = TicketGenerator(seed: seed ^ 0xF1C5, days: 90).generate(count: count)
        let w = CSVWriter()
        w.write(row: TicketCSV.exportHeader)
        for (i, t) in source.enumerated() {
            let key = t.customerKey ?? "anonymous"
            w.write(row: [
                String(i + 1), "Customer " + key, key.lowercased() + "@example.com", String(20 + i % 50),
                i % 2 == 0 ? "Female" : "Male", t.product, CivilDate.format(days: Int(t.createdAt / 86_400) - 30),
                t.type, t.type + " about " + t.product, "Synthetic description,\nspanning two lines.",
                t.status, t.resolvedAt == nil ? "" : "Resolved.", t.priority, t.channel,
                t.firstResponseAt.map { CivilDate.format(seconds: $0) } ?? "",
                t.resolvedAt.map { CivilDate.format(seconds: $0) } ?? "",
                t.satisfaction.map { String(Int($0)) } ?? "",
            ])
        }
        try w.close()
        let read = try TicketCSV.read(CSVReader(bytes: w.bytes, name: "bench-fixture.csv"))
        guard read.profile == .supportExport else { throw CLIError("bench fixture was not read as the public export format") }
        return (read.tickets, read.report.notes)
    }
}
