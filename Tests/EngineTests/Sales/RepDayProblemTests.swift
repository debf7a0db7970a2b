import Testing
import Core
import Optimisation
import Sales

/// The rep-day problem Sales builds for the run and the screen's re-plan, and its one timeline.
@Suite struct RepDayProblemTests {
    /// A rep at (41.40, 2.15), 08:30–17:30, and two stops ~1.1 km and ~2.2 km east.
    func day(opens second: Int?) -> RepDayProblem {
        let rep = Rep(id: "R1", name: "Ana", homeLat: 41.40, homeLon: 2.15)
        return RepDayProblem(rep: rep, stops: [
            RepDayProblem.Stop(account: 7, lat: 41.40, lon: 2.163, serviceMinutes: 200, nbaPercentile: 0.9),
            RepDayProblem.Stop(account: 9, lat: 41.40, lon: 2.176, opens: second, serviceMinutes: 30, nbaPercentile: 0.1, mandatory: true),
        ], travel: TravelModel(), maxVisits: 5)
    }

    @Test func buildsTheDayAsTheRunPlansIt() {
        let d = day(opens: 13 * 60 + 30)
        let p = d.problem
        #expect(p.size == 3 && p.stops == [1, 2] && p.vehicles[0].capacity == 5)
        #expect(p.vehicles[0].earliest == (8 * 60 + 30) * 60 && p.vehicles[0].latest == (17 * 60 + 30) * 60)
        #expect(p.ready[1] == p.vehicles[0].earliest && p.ready[2] == (13 * 60 + 30) * 60)
        #expect(p.service == [0, 200 * 60, 30 * 60] && p.demand == [0, 1, 1])
        #expect(p.prize[1] == FieldRoutes.prize(nbaPercentile: 0.9) && p.mandatory == [true, false, true])
        #expect(p.lunch == d.rep.lunchBreak && d.withEqualPrizes.prize == [0, 1, 1])
    }

    /// Lunch comes before the first visit that would start at or after 13:00, even when the
    /// rep gets there earlier: the window opens at 13:30, so the rep lunches 13:00–13:45 first
    /// (the screen's own copy once lunched only when the travel alone reached 13:00).
    @Test func lunchIsTakenBeforeTheFirstVisitStartingAfterItsEarliestStart() throws {
        let t = day(opens: 13 * 60 + 30).timeline([1, 2])
        let first = t.stops[0], second = t.stops[1]
        #expect(first.lunchSeconds == 0 && first.start == first.arrival && first.end == first.start + 200 * 60)
        #expect(first.end < 13 * 3600)  // 08:30 + ~2 min + 3 h 20
        #expect(t.lunchStart == 13 * 3600 && second.lunchSeconds == 45 * 60)
        #expect(second.arrival == 13 * 3600 + 45 * 60 && second.wait == 0 && second.service == 30 * 60)
        #expect(t.home == second.end + day(opens: nil).problem.travel(2, 0))
        #expect(abs(first.travelKm - TravelModel.haversineKm(41.40, 2.15, 41.40, 2.163) * 1.3) < 1e-12)
        // The independent checker agrees the day is feasible, over the same road seconds.
        let legs = t.stops.map(\.travelSeconds).reduce(0, +) + (t.home - second.end)
        let verdict = RouteChecker.check(day(opens: 13 * 60 + 30).problem,
                                         RoutingSolution(routes: [[1, 2]], unserved: [], distance: legs, prize: 101))
        #expect(verdict.isFeasible, "\(verdict.violations)")
        #expect(verdict.distance == legs)
    }

    @Test func aWindowStillClosedIsWaitedFor() {
        let t = day(opens: 12 * 60).timeline([2, 1])
        #expect(t.stops[0].start == 12 * 3600 && t.stops[0].wait > 3 * 3600 && t.stops[0].lunchSeconds == 0)
        // The long visit after it starts 12:32 and runs past 13:00: lunch comes on the way home.
        #expect(t.stops[1].lunchSeconds == 0 && t.lunchStart == t.stops[1].end)
        #expect(t.home > t.stops[1].end + 45 * 60)
    }
}
