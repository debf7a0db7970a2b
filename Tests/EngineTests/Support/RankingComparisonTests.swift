import Testing
@testable import Engine

@Suite struct RankingComparisonTests {
    private func row(_ p: Double, cost: Double, breached: Bool = false) -> SupportSnapshot.QueueRow {
        SupportSnapshot.QueueRow(id: "t", priority: "High", priorityCode: 0, channel: "Email", type: "x", product: "y",
                                 status: "Open", ticketState: .open, customerKey: nil, subject: nil, createdAt: 0,
                                 firstResponseAt: nil, probabilityAtArrival: p, probability: p, breachCost: cost,
                                 expectedLoss: breached ? 0 : p * cost, state: SLAState(elapsed: breached ? 10 : 0, target: 5, paused: false),
                                 deadline: nil, reasons: [])
    }

    @Test func handWorkedQueue() {
        // Expected-loss order: 0.5×500=250, 0.9×200=180, 0.3×200=60, 0.95×10=9.5; a breached 0.99 last.
        let rows = [row(0.5, cost: 500), row(0.9, cost: 200), row(0.3, cost: 200), row(0.95, cost: 10),
                    row(0.99, cost: 500, breached: true)]
        let r = RankingComparison(rows)
        // Probability order: breached 0.99, 0.95, 0.9, 0.5, 0.3.
        let two = r.at(capacity: 2, effectiveness: 0.6, interventionCost: 15)
        #expect(two.differing == 2)  // {250, 180} against {breached, 9.5}
        #expect(r.at(capacity: 3, effectiveness: 0.6, interventionCost: 15).differing == 2)  // 180 is in both
        #expect(abs(two.expectedLoss - ((250 + 180) * 0.6 - 30)) < 1e-9)
        #expect(abs(two.probabilityOnly - ((0 + 9.5) * 0.6 - 30)) < 1e-9)
        let all = r.at(capacity: 9, effectiveness: 0.6, interventionCost: 15)
        #expect(all.capacity == 5 && all.differing == 0 && all.expectedLoss == all.probabilityOnly)
        #expect(r.at(capacity: 0, effectiveness: 1, interventionCost: 1) == .init(capacity: 0, expectedLoss: 0, probabilityOnly: 0, differing: 0))
    }

    @Test func expectedLossNeverLosesToProbabilityOnlyOnTheSameQueue() {
        var rng = SeededRNG(seed: 3)
        var rows = (0..<200).map { _ in row(rng.uniform(), cost: [5, 10, 50, 200, 500][rng.int(below: 5)], breached: rng.bernoulli(0.1)) }
        rows.sort { $0.expectedLoss > $1.expectedLoss }
        let r = RankingComparison(rows)
        for k in [1, 5, 20, 80, 200] {
            let x = r.at(capacity: k, effectiveness: 0.6, interventionCost: 15)
            #expect(x.expectedLoss >= x.probabilityOnly - 1e-9)
        }
    }
}

@Suite struct EscalationRosterTests {
    @Test func flatProfileMatchesErlangCPerInterval() {
        let profile = ArrivalProfile(counts: [Int](repeating: 1, count: ArrivalProfile.bins))
        let e = EscalationEconomics()  // 20 min, 80 % in 30 min, hourly
        let roster = EscalationRoster(escalationsPerDay: 48, profile: profile, economics: e)
        #expect(roster.intervals.count == 24)
        // Two an hour × 20 min = 0.667 Erlang: one agent answers 80 % within 30 min.
        let one = ErlangC.staffing(calls: 2, intervalSeconds: 3600, handleSeconds: 1200, serviceLevel: 0.8, answerSeconds: 1800)
        #expect(roster.intervals.allSatisfy { abs($0.escalations - 2) < 1e-9 && $0.staffing == one })
        #expect(roster.peak == one.rostered && roster.agentHours == Double(24 * one.rostered))
        #expect(roster.hourly == [Int](repeating: one.rostered, count: 24))
    }

    @Test func busyHoursGetMoreAgentsAndEmptyOnesNone() throws {
        var counts = [Int](repeating: 0, count: ArrivalProfile.bins)
        for q in 36..<40 { counts[q] = 30 }  // 09:00–10:00
        for q in 56..<60 { counts[q] = 10 }  // 14:00–15:00
        var e = try EscalationEconomics.parse("escalation.interval_minutes = 30\nescalation.shrinkage = 0.2", file: "x")
        e.minutes = 20
        let roster = EscalationRoster(escalationsPerDay: 40, profile: ArrivalProfile(counts: counts), economics: e)
        #expect(roster.intervals.count == 48)
        #expect(abs(roster.intervals.reduce(0) { $0 + $1.escalations } - 40) < 1e-9)
        let nine = roster.intervals[18], two = roster.intervals[28]
        #expect(abs(nine.escalations - 15) < 1e-9 && abs(two.escalations - 5) < 1e-9)
        #expect(nine.staffing.rostered > two.staffing.rostered && two.staffing.rostered > 0)
        #expect(nine.staffing.serviceLevel >= 0.8)
        #expect(roster.intervals[0].staffing.rostered == 0)
        #expect(roster.hourly[9] == nine.staffing.rostered && roster.hourly[3] == 0)
    }

    @Test func arrivalProfileReadsTheDesksWallClock() throws {
        let t = SupportFixtures.ts("2026-11-02 23:30")  // UTC
        let tickets = [Ticket(id: "a", createdAt: t, priority: "Low", channel: "Email", type: "x", product: "y",
                              status: "Open", state: .open)]
        #expect(ArrivalProfile(tickets: tickets, zone: nil).counts[94] == 1)
        let madrid = try DeskTimeZone.parse("+01:00")
        #expect(ArrivalProfile(tickets: tickets, zone: madrid).counts[2] == 1)  // 00:30 next day
        #expect(ArrivalProfile().shares(intervalMinutes: 60) == [Double](repeating: 1.0 / 24, count: 24))
    }
}
