import Testing
@testable import Core

/// A ticket's optional fields behave as plain optionals whatever the layout behind them.
struct TicketLayoutTests {
    private func ticket(subject: String? = nil, email: String? = nil) -> Ticket {
        Ticket(id: "INC0010042", createdAt: 1_700_000_000, priority: "2 - High", channel: "Self-service", type: "Incident",
               product: "Payroll", status: "In Progress", state: .open, subject: subject, requesterEmail: email)
    }

    /// At 10 M tickets every byte is 10 MB of fresh pages: the rarely-set texts sit behind
    /// one reference, the times without their optionals.
    @Test func aTicketIsLaidOutInOneHundredAndSixtyBytes() {
        #expect(MemoryLayout<Ticket>.stride == 160)
    }

    @Test func subjectAndRequesterAreSetAndClearedOneByOne() {
        var t = ticket()
        #expect(t.subject == nil && t.requesterEmail == nil)
        t.subject = "VPN drops every hour"
        #expect(t.subject == "VPN drops every hour" && t.requesterEmail == nil)
        t.requesterEmail = "ana.souza@lisboa-logistica.pt"
        #expect(t.subject == "VPN drops every hour" && t.requesterEmail == "ana.souza@lisboa-logistica.pt")
        t.subject = nil
        #expect(t.subject == nil && t.requesterEmail == "ana.souza@lisboa-logistica.pt")
        t.requesterEmail = nil
        #expect(t == ticket())
    }

    /// Equality reads the texts, not which copy holds them; a copy changed alone leaves the
    /// original as it was.
    @Test func equalityComparesTheTextsAndCopiesAreIndependent() {
        let a = ticket(subject: "Login loop", email: "kim@example.org")
        var b = ticket(subject: "Login loop", email: "kim@example.org")
        #expect(a == b)
        let c = b
        b.subject = "Login loop (again)"
        #expect(a != b)
        #expect(c == a)
        #expect(ticket(subject: "x") != ticket(email: "x"))
    }
}
