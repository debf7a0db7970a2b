import Testing
import Core
import Support

/// Found by the sla-policy fuzz target (issue 17): a target of 1e300 hours parsed, then
/// trapped converting to seconds when the policy was resolved for tickets.
@Suite struct SLAPolicyLimitsTests {
    @Test func aHugeTargetIsRefusedWithItsLine() {
        let text = "target.Critical = 1e300\ntarget.High = 8\ntarget.Medium = 24\ntarget.Low = 72\n"
        #expect(throws: SLAPolicyError.atLine(file: "sla.conf", line: 1, .badValue(
            key: "target.Critical", value: "1e300", expected: "a number of hours above 0 and at most 87600 (ten years)"))) {
            try SLAPolicy.parse(text, file: "sla.conf")
        }
    }

    @Test func theLongestTargetResolves() throws {
        var p = SLAPolicy()
        try p.set("target.Critical", "87600")
        let t = Ticket(id: "T", createdAt: 0, priority: "Critical", channel: "Email", type: "t", product: "p", status: "Open", state: .open)
        let resolved = try p.resolved(for: [t])
        #expect(resolved.targetSeconds[Int(resolved.priorityCode[0])] == 87_600 * 3_600)
    }
}
