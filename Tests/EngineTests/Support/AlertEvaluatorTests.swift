import Foundation
import Testing
import Support

@Suite struct AlertEvaluatorTests {
    static func input(_ id: String, p: Double = 0.5, elapsed: Int64 = 3_600, target: Int64 = 4 * 3_600, loss: Double = 100,
                      priority: String = "High", status: String = "Open") -> AlertInput {
        AlertInput(ticket: id, priority: priority, status: status, channel: "Email", probability: p, elapsed: elapsed,
                   target: target, expectedLoss: loss, age: elapsed)
    }

    private let rules = (try? AlertRuleParser.parse("""
    rule late-and-likely: p >= 0.7 and left < 2h
    rule urgent-75: priority = urgent and elapsed >= 75%
    rule costly: expected_loss >= 300
    """).rules) ?? []

    @Test func conditionsSeeTheRightNumbers() {
        let t = Self.input("a", p: 0.7, elapsed: 3 * 3_600, target: 4 * 3_600, loss: 300, priority: "URGENT")
        #expect(rules.count == 3)
        #expect(rules.allSatisfy { $0.condition.holds(for: t) })
        let calm = Self.input("b", p: 0.69, elapsed: 2 * 3_600, target: 4 * 3_600, loss: 299.99, priority: "Urgent")
        #expect(rules.allSatisfy { !$0.condition.holds(for: calm) })
        // No target: nothing to be late against.
        let none = Self.input("c", p: 0.9, elapsed: 100, target: 0, priority: "urgent")
        #expect(!rules[0].condition.holds(for: none) && !rules[1].condition.holds(for: none))
        // A missing group equals nothing.
        #expect(AlertCondition.compare(.group, .notEqual, .label("tier-1")).holds(for: none))
        #expect(!AlertCondition.compare(.group, .equal, .label("tier-1")).holds(for: none))
    }

    @Test func firesOnceWhileTheConditionHoldsAndAgainAfterItLapsed() {
        var state = AlertState()
        var hot = Self.input("T-1", p: 0.8, elapsed: 3 * 3_600)
        let first = AlertEvaluator.evaluate(rules, inputs: [hot, Self.input("T-2")], state: state, at: 1_000)
        #expect(first.alerts.map { "\($0.ticket) \($0.rule) \($0.at)" } == ["T-1 late-and-likely 1000"])
        state = first.state
        #expect(state.activeCount == 1 && state.evaluatedAt == 1_000)
        #expect(state.isActive(ticket: "T-1", rule: "late-and-likely") && !state.isActive(ticket: "T-2", rule: "late-and-likely"))
        // Still true a minute later: nothing new.
        hot.elapsed += 60
        let second = AlertEvaluator.evaluate(rules, inputs: [hot], state: state, at: 1_060)
        #expect(second.alerts.isEmpty)
        // p falls under 0.7: the pair re-arms; rising again fires again.
        hot.probability = 0.6
        state = AlertEvaluator.evaluate(rules, inputs: [hot], state: second.state, at: 1_120).state
        #expect(state.activeCount == 0)
        hot.probability = 0.75
        let again = AlertEvaluator.evaluate(rules, inputs: [hot], state: state, at: 1_180)
        #expect(again.alerts.map(\.ticket) == ["T-1"])
    }

    @Test func aTicketLeavingTheQueueClearsItsAlerts() {
        let hot = Self.input("T-1", p: 0.8, elapsed: 3 * 3_600, loss: 500)
        let s = AlertEvaluator.evaluate(rules, inputs: [hot], state: AlertState(), at: 0)
        #expect(s.alerts.map(\.rule) == ["late-and-likely", "costly"])
        #expect(AlertEvaluator.evaluate(rules, inputs: [], state: s.state, at: 60).state.activeCount == 0)
    }

    @Test func orderFollowsTheQueueAndDuplicatesAlertOnce() {
        let a = Self.input("B", loss: 400), b = Self.input("A", loss: 350)
        let r = AlertEvaluator.evaluate(rules, inputs: [a, b, a], state: AlertState(), at: 0)
        #expect(r.alerts.map(\.ticket) == ["B", "A"])
        #expect(r.state.active == [.init(ticket: "A", rule: "costly"), .init(ticket: "B", rule: "costly")])
    }

    @Test func stateRoundTripsAsJSONAndNormalisesOnDecode() throws {
        let r = AlertEvaluator.evaluate(rules, inputs: [Self.input("B", loss: 400), Self.input("A", loss: 400)], state: AlertState(), at: 5)
        let data = try JSONEncoder().encode(r.state)
        #expect(try JSONDecoder().decode(AlertState.self, from: data) == r.state)
        let messy = #"{"active":[{"ticket":"B","rule":"costly"},{"ticket":"A","rule":"costly"},{"ticket":"B","rule":"costly"}],"evaluatedAt":5}"#
        #expect(try JSONDecoder().decode(AlertState.self, from: Data(messy.utf8)) == r.state)
    }

    @Test func queueRowsMapAndReclock() {
        let row = SupportSnapshot.QueueRow(
            id: "T-9", priority: "Urgent", priorityCode: 3, channel: "Chat", type: "Bug", product: "X", status: "Open",
            ticketState: .open, customerKey: nil, subject: nil, createdAt: 1_000, firstResponseAt: nil,
            probabilityAtArrival: 0.4, probability: 0.6, breachCost: 500, expectedLoss: 250,
            state: SLAState(elapsed: 3_000, target: 7_200, paused: false), deadline: 9_200, reasons: [])
        let a = AlertInput(row: row, at: 5_000)
        #expect(a == AlertInput(ticket: "T-9", priority: "Urgent", status: "Open", channel: "Chat", probability: 0.6,
                                elapsed: 3_000, target: 7_200, expectedLoss: 250, age: 4_000))
        var paused = row
        paused.state.paused = true
        let later = AlertInput.rows([row, paused], clockedAt: 5_000, at: 6_000, interventionCost: 15)
        #expect(later.map(\.elapsed) == [4_000, 3_000])
        #expect(later.map(\.age) == [5_000, 5_000])
        #expect(later.map(\.probability) == [0.6, 0.6])
        // Past its target it has breached: p 1, nothing left to save.
        let breached = AlertInput.rows([row], clockedAt: 5_000, at: 10_000, interventionCost: 15)
        #expect(breached.map(\.probability) == [1] && breached.map(\.expectedLoss) == [-15] && breached.map(\.timeLeft) == [-800])
    }

    @Test func auditEntryCarriesTheValues() throws {
        let r = AlertEvaluator.evaluate(rules, inputs: [Self.input("T-1", loss: 400)], state: AlertState(), at: 77)
        let entry = try #require(r.alerts.first.map { AlertAuditEntry($0, hook: .rateLimited) })
        #expect(entry.at == 77 && entry.rule == "costly" && entry.ticket == "T-1" && entry.values.expectedLoss == 400)
        let back = try JSONDecoder().decode(AlertAuditEntry.self, from: try JSONEncoder().encode(entry))
        #expect(back == entry)
    }
}
