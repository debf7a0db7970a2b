import Testing
import Core
import Synthetic
import Sales

@Suite struct FieldRoutesTests {
    @Test func routesAreFeasibleAndPreferHighNBA() throws {
        let customers = CustomerGenerator(seed: 3).generate(count: 240)
        let reps = RepGenerator(seed: 3).generate(count: 2, customers: customers)
        let lat = customers.map(\.lat), lon = customers.map(\.lon)
        let workload = FieldTerritories.workloadHours(tiers: customers.map(\.plannedTier), nbaPercentile: Array(repeating: 0.5, count: 240),
                                                      visitMinutes: 40)
        let territories = FieldTerritories(lat: lat, lon: lon, workload: workload, reps: reps, seed: 3)
        #expect(Set(territories.territory).count == 2)
        #expect(Set(territories.repOfTerritory) == [0, 1])
        let pct = (0..<240).map { Double($0) / 239 }
        // Every account a candidate for one day: more than two reps can visit.
        let routes = FieldRoutes(territories: territories, reps: reps, lat: lat, lon: lon, percentile: pct,
                                 fieldDay: Array(repeating: 0, count: 240), otherDay: Array(repeating: -1, count: 240),
                                 visitsPerDay: [30, 30], days: 1, visitMinutes: 40, iterations: 200, seed: 3)
        #expect(!routes.visits.isEmpty)
        for v in routes.visits {
            #expect(v.arrivalMinute >= reps[v.rep].dayStartMinute && v.arrivalMinute < reps[v.rep].dayEndMinute)
            #expect(Int(territories.territory[v.account]) == territories.repOfTerritory.firstIndex(of: v.rep))
            // Each visit carries its place in the day's one timeline.
            #expect(v.arrivalMinute == v.time.start / 60 && v.time.service == 40 * 60 && v.time.wait >= 0)
        }
        for (a, b) in zip(routes.visits, routes.visits.dropFirst()) where a.rep == b.rep && a.day == b.day {
            #expect(b.time.arrival == a.time.end + b.time.travelSeconds + b.time.lunchSeconds || b.time.lunchSeconds > 0)
        }
        let gained = routes.comparison.map { $0.highNBAVisitsNBA - $0.highNBAVisitsDistance }.reduce(0, +)
        #expect(gained > 0)
    }

    /// A few field accounts per territory and many field-fitting accounts of other channels:
    /// each day's pool is twice what the rep fits, so both plans choose, the NBA-aware one takes
    /// more top-quintile accounts, and the others it visits are fill-ins, never visited after
    /// the day their own channel serves them.
    @Test func poolExceedsWhatFitsSoRoutingChooses() throws {
        let n = 300
        let customers = CustomerGenerator(seed: 5).generate(count: n)
        let reps = RepGenerator(seed: 5).generate(count: 2, customers: customers)
        let lat = customers.map(\.lat), lon = customers.map(\.lon)
        let territories = FieldTerritories(lat: lat, lon: lon, workload: Array(repeating: 1, count: n), reps: reps, seed: 5)
        var rng = SeededRNG(seed: 8)
        let pct = (0..<n).map { _ in rng.uniform() }
        // Every tenth account is on the field (day 0 or 1); the others on another channel, day 0 or 1.
        let fieldDay = (0..<n).map { (i: Int) -> Int32 in i % 10 == 0 ? Int32(i % 2) : -1 }
        let otherDay = (0..<n).map { (i: Int) -> Int32 in i % 10 == 0 ? -1 : Int32((i / 10) % 2) }
        let routes = FieldRoutes(territories: territories, reps: reps, lat: lat, lon: lon, percentile: pct, fieldDay: fieldDay,
                                 otherDay: otherDay, visitsPerDay: [6, 6], days: 2, visitMinutes: 40, iterations: 300, seed: 5)
        for c in routes.comparison {
            #expect(c.visitsNBA < c.candidates && c.visitsDistance < c.candidates)
        }
        for v in routes.visits + routes.distanceVisits {
            #expect(v.fillIn == (fieldDay[v.account] < 0))
            if v.fillIn { #expect(v.day <= Int(otherDay[v.account])) }
        }
        #expect(routes.fillIns > 0)
        let high = routes.comparison.map(\.highNBAVisitsNBA).reduce(0, +), highDistance = routes.comparison.map(\.highNBAVisitsDistance).reduce(0, +)
        #expect(high > highDistance)
        let days = routes.visitDay(accounts: n)
        #expect(days.filter { $0 >= 0 }.count == routes.visits.count)
        #expect(Set(routes.visits.map(\.account)).count == routes.visits.count, "an account is visited once")
    }
}
