import Testing
@testable import Engine

@Suite struct TicketCSVTests {
    @Test func publicExportImportsAsIs() throws {
        let (tickets, report, format) = try TicketCSV.read(CSVReader(text: SupportExportFixture.text, name: "export.csv"))
        #expect(format == .supportExport)
        #expect(report.rowsRead == 10)
        // Row 8 has an unknown priority and the second "7" is a duplicate: both left out.
        #expect(tickets.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "9"])
        #expect(report.rowsKept == 8)
        #expect(report.findings.contains { $0.gate == .unknownCategory && $0.count == 1 && $0.examples[0].contains("Urgent") })
        #expect(report.findings.contains { $0.gate == .duplicateId && $0.count == 1 })
        // Ticket 4 resolved before its first response: kept, counted.
        #expect(report.findings.contains { $0.gate == .datesOutOfOrder && !$0.hard && $0.count == 1 })
        #expect(report.notes.contains { $0.contains("creation time is not in this format") })

        let t1 = try #require(tickets.first { $0.id == "1" })
        #expect(t1.status == .pendingCustomer && t1.priority == .critical && t1.channel == .social)
        #expect(t1.createdAt == CivilDate.parseTimestamp("2023-06-01 10:15"))  // first response − 2 h
        #expect(t1.resolvedAt == nil)
        let t3 = try #require(tickets.first { $0.id == "3" })
        #expect(t3.resolvedAt == CivilDate.parseTimestamp("2023-06-01 18:05"))
        #expect(t3.customerKey == "gonzalestracy@example.com" && t3.satisfaction == 3)
        // Neither time: the latest time in the file (22:52) − 2 h.
        let t6 = try #require(tickets.first { $0.id == "6" })
        #expect(t6.createdAt == CivilDate.parseTimestamp("2023-06-01 20:52"))
    }

    @Test func creationOffsetIsConfigurable() throws {
        let (tickets, report, _) = try TicketCSV.read(CSVReader(text: SupportExportFixture.text, name: "e.csv"),
                                                      creation: .init(offsetHours: 0.5))
        #expect(tickets.first?.createdAt == CivilDate.parseTimestamp("2023-06-01 11:45"))
        #expect(report.notes.contains { $0.contains("− 0.5 h") })
    }

    @Test func genericSchemaRoundTrips() throws {
        let tickets = TicketGenerator(seed: 9, days: 20).generate(count: 500)
        let w = CSVWriter()
        TicketCSV.write(tickets, to: w)
        try w.close()
        let (back, report, format) = try TicketCSV.read(CSVReader(text: w.text, name: "t.csv"))
        #expect(format == .generic)
        #expect(report.rowsKept == 500)
        #expect(back == tickets.map { var t = $0; t.subject = nil; return t })
    }

    @Test func closedTicketWithoutResolutionIsLeftOut() throws {
        let text = "ticket_id,created_at,priority,channel,status,resolved_at\nA,2024-01-02 09:00,High,Email,Closed,\n"
        let (tickets, report, _) = try TicketCSV.read(CSVReader(text: text, name: "g.csv"))
        #expect(tickets.isEmpty)
        #expect(report.findings.first?.examples.first == "g.csv:2:38: a Closed ticket needs resolved_at")
    }
}
