import Testing
import Core
import Optimisation
import Sales

@Suite struct ContactCentrePlanTests {
    func channel(agents: Int) -> ContactCentreChannel {
        var c = ContactCentreChannel(channel: .outboundCC, agents: agents, handleSeconds: 180)
        c.shrinkage = 0
        c.maxOccupancy = 1
        c.openMinute = 9 * 60
        c.closeMinute = 10 * 60  // two 30-minute intervals
        return c
    }

    @Test func intervalsHoldWhatTheTeamAnswersAtTarget() {
        // 14 agents answer 100 calls of 180 s per 30 min at 80/20 (the Erlang C textbook case).
        let cc = channel(agents: 14)
        #expect(ContactCentrePlan.capacity(agents: 14, cc) >= 100)
        #expect(ErlangC.staffing(calls: Double(ContactCentrePlan.capacity(agents: 14, cc) + 1), intervalSeconds: 1800, handleSeconds: 180,
                                 serviceLevel: 0.8, answerSeconds: 20).agents > 14)
    }

    @Test func scheduleByDeadlineThenNBAWithBacklogAndSLA() {
        let cc = channel(agents: 2)
        let per = ContactCentrePlan.capacity(agents: 2, cc)
        let n = 2 * per + 3
        // The last account has the earliest deadline, 09:10: inside the first interval, so it is missed.
        var deadline = [Int32?](repeating: nil, count: n)
        deadline[n - 1] = Int32(9 * 60 + 10)
        deadline[n - 2] = Int32(12 * 60)
        let nba = (0..<n).map { Float($0) }
        let plan = ContactCentrePlan(accounts: (0..<n).map { ($0, SalesChannel.outboundCC) }, nba: nba, deadline: deadline, staffing: [cc])
        let r = plan.channels[0]
        #expect(r.scheduled == 2 * per && r.backlog == 3)
        #expect(plan.schedule.first?.account == n - 1)  // earliest deadline first
        #expect(plan.schedule.first?.sla == .missed)  // 09:10 falls inside the 09:00–09:30 interval
        #expect(plan.schedule[1].account == n - 2 && plan.schedule[1].sla == .met)
        #expect(plan.schedule[2].account == n - 3)      // then by NBA, highest first
        #expect(plan.intervals.count == 2 && plan.intervals.allSatisfy { $0.serviceLevel >= 0.8 })
        #expect(r.slaMissed == 1 && r.slaMet == n - 1 && r.overdueAtStart == 0)
    }

    /// A ticket already past its SLA before the open is worked first and counted apart, not as
    /// a miss of the plan; so is a deadline that falls before the channel opens.
    @Test func overdueAtStartIsNeitherMetNorMissed() {
        let cc = channel(agents: 2)
        let n = 5
        var deadline = [Int32?](repeating: nil, count: n)
        deadline[3] = Int32(8 * 60)        // 08:00, before the 09:00 open
        deadline[1] = Int32(9 * 60 + 45)   // inside the second interval: met
        let overdue: [Int64] = [0, 0, 0, 0, 7200]
        let nba = (0..<n).map { Float($0) }
        let plan = ContactCentrePlan(accounts: (0..<n).map { ($0, SalesChannel.outboundCC) }, nba: nba, deadline: deadline,
                                     overdueSeconds: overdue, staffing: [cc])
        #expect(plan.schedule.map(\.account).prefix(3) == [4, 3, 1])  // overdue (longest first), then by deadline
        #expect(plan.schedule[0].sla == .overdueAtStart && plan.schedule[0].overdueSeconds == 7200)
        #expect(plan.schedule[1].sla == .overdueAtStart)
        #expect(plan.schedule[2].sla == .met)
        let r = plan.channels[0]
        #expect(r.overdueAtStart == 2 && r.slaMissed == 0 && r.slaMet == 3)
    }
}
