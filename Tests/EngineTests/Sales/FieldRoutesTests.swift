import Testing
@testable import Engine

@Suite struct FieldRoutesTests {
    @Test func routesAreFeasibleAndPreferHighNBA() throws {
        let customers = CustomerGenerator(seed: 3).generate(count: 240)
        let reps = RepGenerator(seed: 3).generate(count: 2, customers: customers)
        let lat = customers.map(\.lat), lon = customers.map(\.lon)
        let workload = FieldTerritories.workloadHours(tiers: customers.map(\.tier), nbaPercentile: Array(repeating: 0.5, count: 240),
                                                      visitMinutes: 40)
        let territories = FieldTerritories(lat: lat, lon: lon, workload: workload, reps: reps, seed: 3)
        #expect(Set(territories.territory).count == 2)
        #expect(Set(territories.repOfTerritory) == [0, 1])
        let pct = (0..<240).map { Double($0) / 239 }
        // Every account a candidate for one day: more than two reps can visit.
        let routes = FieldRoutes(territories: territories, reps: reps, lat: lat, lon: lon, percentile: pct,
                                 fieldDay: Array(repeating: 0, count: 240), fieldCandidate: Array(repeating: true, count: 240),
                                 days: 1, visitMinutes: 40, iterations: 200, seed: 3)
        #expect(!routes.visits.isEmpty)
        for v in routes.visits {
            #expect(v.arrivalMinute >= reps[v.rep].dayStartMinute && v.arrivalMinute < reps[v.rep].dayEndMinute)
            #expect(Int(territories.territory[v.account]) == territories.repOfTerritory.firstIndex(of: v.rep))
        }
        let gained = routes.comparison.map { $0.highNBAVisitsNBA - $0.highNBAVisitsDistance }.reduce(0, +)
        #expect(gained > 0)
    }
}
