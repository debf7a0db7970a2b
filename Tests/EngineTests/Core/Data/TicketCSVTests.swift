import Testing
import OpsDeckTestSupport
import Core
import Synthetic

@Suite struct TicketCSVTests {
    @Test func publicExportImportsAsIs() throws {
        let (tickets, report, format) = try TicketCSV.read(CSVReader(text: SupportExportFixture.text, name: "export.csv"))
        #expect(format == .supportExport)
        #expect(report.rowsRead == 10)
        // Open vocabularies: row 8's priority "Urgent" is the desk's own label and is kept;
        // the second "7" is a duplicate and is left out.
        #expect(tickets.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(report.rowsKept == 9)
        #expect(!report.findings.contains { $0.gate == .unknownCategory })
        #expect(tickets.first { $0.id == "8" }?.priority == "Urgent")
        #expect(report.notes.first?.hasPrefix("format: public customer-support-tickets export") == true)
        #expect(report.findings.contains { $0.gate == .duplicateId && $0.count == 1 })
        // Ticket 4 resolved before its first response: kept, counted.
        #expect(report.findings.contains { $0.gate == .datesOutOfOrder && !$0.hard && $0.count == 1 })
        #expect(report.notes.contains { $0.contains("creation time is not in this format") })

        let t1 = try #require(tickets.first { $0.id == "1" })
        #expect(t1.status == DemoStatus.pendingCustomer.label && t1.state == .waitingOnCustomer)
        #expect(t1.priority == DemoPriority.critical.rawValue && t1.channel == DemoChannel.social.rawValue)
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

    /// Open vocabularies: a solved ticket without a resolution time is now kept (soft finding), not dropped.
    @Test func closedTicketWithoutResolutionIsKeptNotClocked() throws {
        let text = "ticket_id,created_at,priority,channel,status,resolved_at\nA,2024-01-02 09:00,High,Email,Closed,\n"
        let (tickets, report, _) = try TicketCSV.read(CSVReader(text: text, name: "g.csv"))
        #expect(tickets.map(\.id) == ["A"])
        #expect(tickets.first?.state == .solved && tickets.first?.resolvedAt == nil && tickets.first?.isResolved == false)
        let finding = try #require(report.findings.first { $0.gate == .missingValue })
        #expect(!finding.hard)
        #expect(finding.examples.first == "g.csv:2:38: a solved ticket ('Closed') without a resolution time: kept, not clocked")
    }
}
