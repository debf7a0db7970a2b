import Testing
@testable import Engine
@testable import TUI

/// `r` on a rep's day: the re-plan starts from the saved order and never ends worse than it.
@Suite struct RouteDayReplanTests {
    @Test func replanNeverReturnsALongerRouteThanTheSavedOne() throws {
        let data = try SalesScreensFixture.screens()
        var routes = data.routes
        let position = try #require(routes.reps.indices.first { (routes.reps[$0].days.first?.count ?? 0) >= 3 })
        let old = routes.reps[position].days[0]
        let oldKm = old.map(\.travelKm).reduce(0, +)
        let day = RouteDay(routes: routes, customers: data.customers, repPosition: position, day: 0)
        guard case .success(let job) = day.startReplan(routes: routes, customers: data.customers) else {
            Issue.record("re-plan did not start"); return
        }
        #expect(job.job.wait(seconds: 5))
        let status = RouteDay.finish(job, routes: &routes)
        let new = routes.reps[position].days[0]
        #expect(Set(new.map(\.account)) == Set(old.map(\.account)), "\(status)")
        #expect(new.map(\.travelKm).reduce(0, +) <= oldKm + 1e-9, "\(status)")
    }

    /// A shuffled day (a worse order than the run's) re-plans to a route no longer than it.
    @Test func replanImprovesAShuffledDay() throws {
        let data = try SalesScreensFixture.screens()
        var routes = data.routes
        let position = try #require(routes.reps.indices.first { (routes.reps[$0].days.first?.count ?? 0) >= 3 })
        var rng = SeededRNG(seed: 2)
        var shuffled = routes.reps[position].days[0]
        rng.shuffle(&shuffled)
        let problem = RouteDay.dayProblem(shuffled, rep: routes.reps[position].rep, customers: data.customers, travel: routes.travel,
                                          locked: [])
        shuffled = RouteDay.scheduled(shuffled, order: Array(1...shuffled.count), in: problem)
        routes.reps[position].days[0] = shuffled
        let before = shuffled.map(\.travelKm).reduce(0, +)
        let day = RouteDay(routes: routes, customers: data.customers, repPosition: position, day: 0)
        guard case .success(let job) = day.startReplan(routes: routes, customers: data.customers) else {
            Issue.record("re-plan did not start"); return
        }
        #expect(job.job.wait(seconds: 5))
        _ = RouteDay.finish(job, routes: &routes)
        #expect(routes.reps[position].days[0].map(\.travelKm).reduce(0, +) <= before + 1e-9)
    }
}
