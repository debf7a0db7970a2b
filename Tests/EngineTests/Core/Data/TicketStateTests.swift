import Testing
import OpsDeckTestSupport
import Core
import Synthetic
import Support

/// What a desk's status label means for the SLA clock (`StatusMapping`), and how the
/// importer applies it.
@Suite struct TicketStateTests {
    let defaults = StatusMapping()

    private func expectStates(_ expected: [String: TicketState], _ mapping: StatusMapping = StatusMapping(),
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for (label, state) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(mapping.state(of: label) == state, "\(label)", sourceLocation: sourceLocation)
        }
    }

    @Test func zendeskStatuses() {
        expectStates(["new": .open, "open": .open, "pending": .waitingOnCustomer, "hold": .onHold,
                      "solved": .solved, "closed": .solved])
    }

    @Test func freshdeskStatuses() {
        expectStates(["Open": .open, "Pending": .waitingOnCustomer, "Resolved": .solved, "Closed": .solved,
                      "Waiting on Customer": .waitingOnCustomer, "Waiting on Third Party": .onHold])
    }

    @Test func jiraServiceManagementStatuses() {
        expectStates(["Waiting for support": .open, "Waiting for customer": .waitingOnCustomer, "In progress": .open,
                      "Escalated": .open, "Resolved": .solved, "Closed": .solved, "Canceled": .solved, "Done": .solved])
    }

    @Test func serviceNowIncidentStates() {
        expectStates(["New": .open, "In Progress": .open, "On Hold": .onHold, "Resolved": .solved, "Closed": .solved,
                      "Canceled": .solved])
        // The numeric incident_state values.
        expectStates(["1": .open, "2": .open, "3": .onHold, "6": .solved, "7": .solved, "8": .solved])
    }

    @Test func theDemoDesksStatuses() {
        expectStates([DemoDesk.open: .open, DemoDesk.pending: .waitingOnCustomer, DemoDesk.closed: .solved])
        for s in [DemoStatus.open, .closed, .pendingCustomer] { #expect(defaults.state(of: s.label) == s.state) }
    }

    @Test func labelsMatchIgnoringCaseSpacesDashesAndUnderscores() {
        expectStates(["ON HOLD": .onHold, "on_hold": .onHold, "On-Hold": .onHold, "WAITING_ON_CUSTOMER": .waitingOnCustomer,
                      " Solved ": .solved])
    }

    @Test func overridesAddAndChangeMeanings() {
        let m = StatusMapping(overrides: ["Escalated to vendor": .onHold, "Pending": .onHold, "QA": .solved])
        expectStates(["escalated to vendor": .onHold, "pending": .onHold, "qa": .solved], m)
        // Everything else keeps its default.
        expectStates(["hold": .onHold, "new": .open, "Waiting for customer": .waitingOnCustomer], m)
        #expect(m != defaults && StatusMapping(overrides: [:]) == defaults)
        // The SLA policy's `status.*` overrides are the mapping it reads tickets with.
        let p = SLAPolicy(statusOverrides: ["Escalated": .onHold])
        #expect(p.statusMapping.state(of: "escalated") == .onHold)
    }

    @Test func anUnknownLabelIsOpenOrSolvedByItsResolution() {
        #expect(defaults.state(of: "Awaiting QA sign-off") == nil)
        #expect(defaults.state(of: "Awaiting QA sign-off", resolved: false) == .open)
        #expect(defaults.state(of: "Awaiting QA sign-off", resolved: true) == .solved)
        // A known label keeps its meaning whatever the resolution says.
        #expect(defaults.state(of: "hold", resolved: true) == .onHold)
        #expect(defaults.state(of: "closed", resolved: false) == .solved)
    }

    @Test func statesHaveStableCodesAndConfigNames() {
        #expect(TicketState.allCases.map(\.code) == [0, 1, 2, 3])
        for s in TicketState.allCases { #expect(TicketState(code: s.code) == s) }
        #expect(TicketState(code: 4) == nil)
        #expect(TicketState.allCases.map(\.rawValue) == ["open", "waiting", "hold", "solved"])
    }

    @Test func isResolvedNeedsASolvedStateAndAResolutionTime() {
        func t(_ state: TicketState, resolved: Int64?) -> Ticket {
            Ticket(id: "x", createdAt: 0, priority: "", channel: "", type: "", product: "", status: "s", state: state,
                   resolvedAt: resolved)
        }
        #expect(t(.solved, resolved: 10).isResolved)
        #expect(!t(.solved, resolved: nil).isResolved)
        #expect(!t(.onHold, resolved: 10).isResolved)
        #expect(!t(.open, resolved: nil).isResolved)
    }

    // MARK: the importer

    @Test func importReadsUnknownStatusesByResolutionAndListsThem() throws {
        let text = """
        ticket_id,created_at,priority,channel,status,resolved_at
        A,2024-01-02 09:00,High,Email,Awaiting QA,
        B,2024-01-02 09:00,High,Email,Awaiting QA,2024-01-02 12:00
        C,2024-01-02 09:00,High,Email,hold,
        D,2024-01-02 09:00,High,Email,Escalated to vendor,

        """
        let r = try TicketCSV.read(CSVReader(text: text, name: "g.csv"), options: .init())
        #expect(r.tickets.map(\.state) == [.open, .solved, .onHold, .open])
        #expect(r.tickets.map(\.status) == ["Awaiting QA", "Awaiting QA", "hold", "Escalated to vendor"])
        #expect(r.tickets[1].isResolved && r.tickets[0].resolvedAt == nil)
        let note = try #require(r.report.notes.first { $0.hasPrefix("labels new to OpsDeck in status: ") })
        #expect(note.contains("'Awaiting QA' 2") && note.contains("'Escalated to vendor' 1"))
        #expect(!note.contains("'hold'"))
        #expect(r.report.notes.first?.hasPrefix("format: OpsDeck generic ticket schema") == true)

        // The policy's overrides give the label a meaning: no longer listed.
        let over = try TicketCSV.read(CSVReader(text: text, name: "g.csv"),
                                      options: .init(statuses: StatusMapping(overrides: ["Escalated to vendor": .onHold])))
        #expect(over.tickets.map(\.state) == [.open, .solved, .onHold, .onHold])
        #expect(over.report.notes.contains { $0.contains("'Awaiting QA' 2") && !$0.contains("Escalated") })
    }

    @Test func aResolutionTimeOnAnUnsolvedTicketIsNotKept() throws {
        // A held ticket with a resolution time stays in the queue: only solved tickets carry one.
        let text = "ticket_id,created_at,priority,channel,status,resolved_at\nA,2024-01-02 09:00,High,Email,hold,2024-01-02 12:00\n"
        let r = try TicketCSV.read(CSVReader(text: text, name: "g.csv"), options: .init())
        #expect(r.tickets.first?.state == .onHold && r.tickets.first?.resolvedAt == nil)
    }

    @Test func jiraProfileReadsPendingAsOnHold() throws {
        let text = """
        Issue key,Issue Type,Summary,Status,Priority,Created,Resolved,Reporter
        SUP-1,Incident,VPN down,Pending,Highest,2024-03-05 14:07,,ana
        SUP-2,Incident,Printer,Waiting for customer,Medium,2024-03-05 14:10,,bob
        SUP-3,Service request,Access,Done,Low,2024-03-05 14:20,2024-03-05 16:00,ana

        """
        let r = try TicketCSV.read(CSVReader(text: text, name: "jira.csv"), options: .init())
        #expect(r.profile == .jira)
        #expect(r.tickets.map(\.state) == [.onHold, .waitingOnCustomer, .solved])
        #expect(r.tickets.map(\.priority) == ["Highest", "Medium", "Low"])
        // Without the profile's meaning, the common defaults read Pending as waiting on the customer.
        #expect(StatusMapping().state(of: "Pending") == .waitingOnCustomer)
    }

    @Test func serviceNowHoldAwaitingCallerWaitsOnTheCustomer() throws {
        let text = """
        number,opened_at,short_description,state,priority,hold_reason,resolved_at,contact_type
        INC001,2024-03-05 09:00,Mail down,On Hold,1 - Critical,Awaiting Caller,,phone
        INC002,2024-03-05 09:05,Disk full,On Hold,3 - Moderate,Awaiting Vendor,,self-service
        INC003,2024-03-05 09:10,Reset,Resolved,4 - Low,,2024-03-05 10:00,email

        """
        let r = try TicketCSV.read(CSVReader(text: text, name: "incidents.csv"), options: .init())
        #expect(r.profile == .serviceNow)
        #expect(r.tickets.map(\.state) == [.waitingOnCustomer, .onHold, .solved])
        #expect(r.tickets.map(\.channel) == ["phone", "self-service", "email"])
    }
}

@Suite struct StatusOverrideOrderTests {
    /// The user's sla.conf line wins over a profile's own meaning (Jira's Pending is on hold
    /// unless the desk says otherwise).
    @Test func userLineBeatsTheProfile() throws {
        let text = "Summary,Issue key,Issue Type,Status,Priority,Created,Resolved\nS,DESK-1,Incident,Pending,High,05/Mar/24 2:07 PM,\n"
        let jira = try TicketCSV.read(CSVReader(text: text, name: "j.csv"), options: .init())
        #expect(jira.tickets.first?.state == .onHold)
        let told = try TicketCSV.read(CSVReader(text: text, name: "j.csv"),
                                      options: .init(statuses: StatusMapping(overrides: ["pending": .waitingOnCustomer])))
        #expect(told.tickets.first?.state == .waitingOnCustomer)
    }
}
