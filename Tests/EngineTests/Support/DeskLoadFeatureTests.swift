import Testing
import OpsDeckTestSupport
import Core
import Support

@Suite struct DeskLoadFeatureTests {
    typealias F = SupportFixtures

    private func extras(_ name: String, _ groups: [String]) throws -> TicketExtraFeatures {
        let table = try RawTable(text: name + "\n" + groups.joined(separator: "\n") + "\n", name: "x")
        let raw = CustomerExtras(columns: table.columns, rowCount: table.rowCount)
        return TicketExtraFeatures(raw, asOfDay: 0, rows: [], breach: [], hours: [])
    }

    @Test func handWorkedOpenTicketsOfTheSameGroup() throws {
        let tickets = [
            F.ticket("a", .low, created: "2026-11-02 09:00", resolved: "2026-11-02 12:00"),
            F.ticket("b", .low, created: "2026-11-02 10:00", resolved: "2026-11-02 10:30"),
            F.ticket("c", .low, created: "2026-11-02 10:00"),
            F.ticket("d", .low, created: "2026-11-02 11:00"),
            F.ticket("e", .low, created: "2026-11-02 13:00"),
        ]
        let groups = ["Billing", "Billing", "Tier 1", "Billing", "Billing"]
        let load = DeskLoadFeature.openAtArrival(tickets, group: groups.map { $0 == "Billing" ? 0 : 1 })
        // a: nothing before; b: a open; c: alone in Tier 1; d: a open (b resolved 10:30); e: d (a resolved at 12).
        #expect(load == [0, 1, 0, 1, 1])
        let f = try #require(DeskLoadFeature(tickets: tickets, extras: try extras("Group", groups)))
        #expect(f.numeric == [0, 1, 0, 1, 1])
        let features = SupportFeatures(tickets: tickets, labels: [0, 0, nil, nil, nil], priorityCodes: [0, 0, 0, 0, 0],
                                       priorityLabels: ["Low"], extras: try extras("group", groups))
        #expect(features.names.last == DeskLoadFeature.name && features.categorical.last == false)
        #expect(features.numeric.last == [0, 1, 0, 1, 1])
    }

    @Test func noGroupColumnNoFeature() throws {
        let tickets = [F.ticket("a", .low, created: "2026-11-02 09:00"), F.ticket("b", .low, created: "2026-11-02 10:00")]
        #expect(DeskLoadFeature(tickets: tickets, extras: try extras("region", ["N", "S"])) == nil)
        #expect(DeskLoadFeature(tickets: tickets, extras: nil) == nil)
    }
}
