import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Support

/// SLA targets and costs keyed by each desk's own priority labels.
@Suite struct SLAPolicyLabelsTests {
    private func ticket(_ id: String, _ priority: String, created: Int64 = 0, resolved: Int64? = nil) -> Ticket {
        Ticket(id: id, createdAt: created, priority: priority, channel: "web", type: "t", product: "p",
               status: resolved == nil ? "open" : "solved", state: resolved == nil ? .open : .solved, resolvedAt: resolved)
    }

    private let h: Int64 = 3600

    @Test func zendeskPrioritiesTakeTheDefaultTargetsLeastUrgentFirst() throws {
        let tickets = ["high", "urgent", "normal", "low", "URGENT", "Normal"].enumerated().map { ticket("z\($0)", $1) }
        let r = try SLAPolicy().resolved(for: tickets)
        // Codes run from the least urgent (longest target) to the most; the data's first spelling.
        #expect(r.labels == ["low", "normal", "high", "urgent"])
        #expect(r.targetSeconds == [72 * h, 24 * h, 8 * h, 4 * h])
        #expect(r.cost == [10, 50, 200, 500])
        #expect(r.priorityCode == [2, 3, 1, 0, 3, 1])
        #expect(r.code(of: "Urgent") == 3 && r.code(of: "NORMAL") == 1 && r.code(of: "Critical") == nil)
    }

    @Test func theDemoDeskKeepsCodesLowToCritical() throws {
        let tickets = DemoPriority.allCases.reversed().map { SupportFixtures.ticket($0.rawValue, $0, created: "2026-11-02 10:00") }
        let r = try SLAPolicy().resolved(for: tickets)
        #expect(r.labels == DemoDesk.priorities)
        #expect(r.priorityCode == [3, 2, 1, 0])
    }

    @Test func serviceNowNumberedPriorities() throws {
        let tickets = ["1 - Critical", "3 - Moderate", "5 - Planning", "2 - High", "4 - Low"].enumerated().map { ticket("i\($0)", $1) }
        let r = try SLAPolicy().resolved(for: tickets)
        #expect(r.labels == ["5 - Planning", "4 - Low", "3 - Moderate", "2 - High", "1 - Critical"])
        #expect(r.targetSeconds == [120 * h, 72 * h, 24 * h, 8 * h, 4 * h])
        #expect(r.priorityCode == [4, 2, 0, 3, 1])
    }

    @Test func labelsSharingATargetOrderByCostThenLabel() throws {
        var p = SLAPolicy()
        try p.set("target.Sev2", "8")
        try p.set("cost.Sev2", "300")
        let r = try p.resolved(for: ["P2", "Sev2", "High"].enumerated().map { ticket("t\($0)", $1) })
        // All three are 8 h: the cheaper breach is the less urgent; equal costs by label.
        #expect(r.labels == ["High", "P2", "Sev2"])
        #expect(r.priorityCode == [1, 2, 0])
    }

    @Test func theClockLooksTargetsUpByLabel() throws {
        let t = ticket("a", "URGENT", created: 0)
        let r = try SLAPolicy().resolved(for: [t])
        let clock = SLAClock(policy: r)
        let s = clock.state(of: t, at: 5 * h)
        #expect(s.target == 4 * h && s.breached)
        #expect(clock.state(of: t, code: r.priorityCode[0], at: 5 * h) == s)
        // A priority the policy was not resolved with gets no target.
        #expect(clock.state(of: ticket("b", "Sev9"), at: h).target == 0)
    }

    @Test func aLabelWithNoTargetNamesItAndTheLineToAdd() throws {
        let tickets = [ticket("a", "High"), ticket("b", "P0 - Outage")]
        #expect(throws: SLAPolicyError.missingTarget("P0 - Outage")) { try SLAPolicy().resolved(for: tickets) }
        let e = SLAPolicyError.missingTarget("P0 - Outage")
        #expect(e.description == "priority \"P0 - Outage\" occurs in the tickets but has no SLA target; add target.P0 - Outage = <hours> to sla.conf")
        // Adding the line (any case) clocks it, once it has a cost too.
        var p = SLAPolicy()
        try p.set("target.p0 - outage", "2")
        #expect(throws: SLAPolicyError.missingCost("P0 - Outage")) { try p.resolved(for: tickets) }
        #expect(SLAPolicyError.missingCost("P0 - Outage").description
                == "priority \"P0 - Outage\" occurs in the tickets but has no breach cost; add cost.P0 - Outage = <amount> to sla.conf")
        try p.set("cost.P0 - Outage", "1000")
        let r = try p.resolved(for: tickets)
        #expect(r.labels == ["High", "P0 - Outage"] && r.targetSeconds == [8 * h, 2 * h])
    }

    @Test func aConfigFileMeansExactlyItsLabels() throws {
        let p = try SLAPolicy.parse("""
            target.urgent = 2
            target.normal = 12
            cost.Urgent = 800
            cost.Normal = 40
            """, file: "sla.conf")
        let r = try p.resolved(for: [ticket("a", "Urgent"), ticket("b", "NORMAL")])
        #expect(r.labels == ["NORMAL", "Urgent"] && r.targetSeconds == [12 * h, 2 * h] && r.cost == [40, 800])
        // The file replaced the default table: High is no longer known.
        #expect(throws: SLAPolicyError.missingTarget("High")) { try p.resolved(for: [ticket("c", "High")]) }
    }

    @Test func emptyPrioritiesNeedADefault() throws {
        let tickets = [ticket("a", ""), ticket("b", "High"), ticket("c", "")]
        #expect(throws: SLAPolicyError.missingDefault(tickets: 2, labels: ["High"])) { try SLAPolicy().resolved(for: tickets) }
        #expect(SLAPolicyError.missingDefault(tickets: 2, labels: ["urgent", "normal"]).description
                == "2 tickets have no priority; add priority.default = <label> to sla.conf (the desk's priorities: urgent, normal)")
        #expect(SLAPolicyError.missingDefault(tickets: 1, labels: []).description
                == "1 ticket has no priority; add priority.default = <label> to sla.conf")

        let p = try SLAPolicy.parse("priority.default = Normal\n")
        #expect(p.defaultPriority == "Normal")
        let r = try p.resolved(for: tickets)
        #expect(r.labels == ["Normal", "High"])            // no empty label among the codes
        #expect(r.priorityCode == [0, 1, 0])
        #expect(r.code(of: "") == 0)
        #expect(SLAClock(policy: r).state(of: tickets[0], at: h).target == 24 * h)
        // A default spelled as in the data shares its code.
        var q = SLAPolicy(defaultPriority: "high")
        #expect(try q.resolved(for: tickets).priorityCode == [0, 0, 0])
        // A default with no target or cost is refused by name.
        q.defaultPriority = "Sev9"
        #expect(throws: SLAPolicyError.badDefault("Sev9")) { try q.resolved(for: tickets) }
        #expect(SLAPolicyError.badDefault("Sev9").description.contains("add target.Sev9 and cost.Sev9"))
        // Without empty cells no default is needed.
        #expect(throws: Never.self) { try SLAPolicy().resolved(for: [tickets[1]]) }
    }

    @Test func priorityDefaultMustNameALabel() {
        #expect(throws: SLAPolicyError.atLine(file: "sla.conf", line: 2,
                                              .badValue(key: "priority.default", value: "", expected: "a label"))) {
            try SLAPolicy.parse("target.Low = 1\npriority.default =\n", file: "sla.conf")
        }
    }

    @Test func statusLinesGiveMeanings() throws {
        let p = try SLAPolicy.parse("""
            status.Escalated = hold
            status.Awaiting QA = WAITING   # any case
            status.Done for now = solved
            status.New = open
            """, file: "sla.conf")
        #expect(p.statusOverrides == ["Escalated": .onHold, "Awaiting QA": .waitingOnCustomer, "Done for now": .solved, "New": .open])
        #expect(p.statusMapping.state(of: "escalated") == .onHold)
        #expect(p.statusMapping.state(of: "awaiting_qa") == .waitingOnCustomer)
        #expect(p.statusMapping.state(of: "pending") == .waitingOnCustomer)   // defaults stay
        do {
            _ = try SLAPolicy.parse("status.Escalated = paused\n", file: "sla.conf")
            Issue.record("accepted an unknown status meaning")
        } catch let e as SLAPolicyError {
            #expect(e == .atLine(file: "sla.conf", line: 1,
                                 .badValue(key: "status.Escalated", value: "paused", expected: "one of open, waiting, hold, solved")))
            #expect(e.description.hasPrefix("sla.conf:1: "))
        }
        #expect(SLAPolicyError.unknownKey("x").description.contains("priority.default, status.<status>"))
    }
}
