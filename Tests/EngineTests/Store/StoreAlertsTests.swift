import Foundation
import Testing
import Support
import Store

/// Fired alerts and the decision feed on a file store that two command centers share.
@Suite struct StoreAlertsTests {
    private func tempStorePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-alerts-\(UInt64.random(in: 0...UInt64.max)).sqlite").path
    }

    private func alert(_ ticket: String, _ rule: String, at: Int64 = 100) -> Alert {
        Alert(rule: rule, at: at, input: AlertInput(ticket: ticket, priority: "High", status: "open", channel: "Email",
                                                    probability: 0.8, elapsed: 100, target: 3600, expectedLoss: 40, age: 100))
    }

    @Test func eachTicketAndRuleIsClaimedOnceAcrossStoresAndReopens() throws {
        let path = tempStorePath()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let a = try Store(path: path), b = try Store(path: path)
        let first = try a.claimAlerts([alert("T-1", "late"), alert("T-2", "late")], run: nil, user: "ana")
        #expect(first.map(\.ticket) == ["T-1", "T-2"])
        // The other command center finds the same pairs already fired, and one new one.
        let second = try b.claimAlerts([alert("T-1", "late", at: 160), alert("T-1", "big")], run: nil, user: "bob")
        #expect(second.map { "\($0.ticket) \($0.rule)" } == ["T-1 big"])
        // Reopened (a restart), nothing fires again.
        let reopened = try Store(path: path)
        #expect(try reopened.claimAlerts([alert("T-1", "late"), alert("T-2", "late"), alert("T-1", "big")], run: nil, user: "ana").isEmpty)
        let fired = try reopened.firedAlerts()
        #expect(fired.count == 3)
        #expect(fired.first { $0.rule == "big" }?.user == "bob")
    }

    @Test func claimedAlertsLandInTheAuditLogAndSoDoTheirHooks() throws {
        let store = try Store.inMemory()
        let claimed = try store.claimAlerts([alert("T-9", "late"), alert("T-8", "late")], run: nil, user: "ana")
        let log = try store.auditLog().filter { $0.event == AlertAuditEntry.action }
        #expect(log.count == 2 && log.allSatisfy { $0.user == "ana" })
        let entry = try JSONDecoder().decode(AlertAuditEntry.self, from: Data((log.last?.detail ?? "").utf8))
        #expect(entry.ticket == "T-9" && entry.rule == "late" && entry.values.probability == 0.8 && entry.hook == nil)
        // A second claim of the same pair writes nothing.
        _ = try store.claimAlerts([alert("T-9", "late")], run: nil, user: "bob")
        #expect(try store.auditLog().filter { $0.event == AlertAuditEntry.action }.count == 2)
        try store.recordHookOutcomes([AlertAuditEntry(claimed[0], hook: .ran(status: 0)), AlertAuditEntry(claimed[1])], user: "ana")
        let hooks = try store.auditLog().filter { $0.event == AlertAuditEntry.hookAction }
        #expect(hooks.count == 1, "an alert without a hook has no hook line")
        #expect(try store.firedAlerts().first { $0.ticket == "T-9" }?.entry.hook == .ran(status: 0))
    }

    @Test func decisionFeedSeesTheOtherStoresDecisions() throws {
        let path = tempStorePath()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let a = try Store(path: path), b = try Store(path: path)
        #expect(try b.decisionSequence() == 0)
        let d = try a.recordDecision(run: nil, user: "ana", action: "escalate", subject: "T-3")
        #expect(try b.decisionSequence() == d.id)
        let seen = try b.decisions(after: 0, run: nil)
        #expect(seen.map(\.subject) == ["T-3"] && seen.first?.user == "ana")
        #expect(try b.decisions(after: d.id, run: nil).isEmpty)
    }
}
