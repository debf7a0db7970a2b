import Testing
@testable import Engine
@testable import TUI

/// What the loader builds from a saved run agrees with the run.
@Suite struct SalesScreensLoadTests {
    @Test func territoryRowsAddUpToTheAccounts() throws {
        let data = try SalesScreensFixture.screens()
        let assigned = data.customers.territory.filter { $0 >= 0 }.count
        #expect(data.territories.rows.map(\.accounts).reduce(0, +) == assigned)
        let hours = data.territories.rows.map(\.workloadHours)
        let mean = hours.reduce(0, +) / Double(hours.count)
        for r in data.territories.rows { #expect(abs(r.balance - (r.workloadHours / mean - 1)) < 1e-9) }
    }

    @Test func routeStopsFollowTheSavedOrderWithinTheRepsHours() throws {
        let data = try SalesScreensFixture.screens()
        #expect(data.routes.reps.map(\.visits).reduce(0, +) > 0)
        for r in data.routes.reps {
            #expect(r.days.count == SalesScreensFixture.config.sales.planningDays)
            for day in r.days {
                #expect(day.map(\.sequence) == Array(stride(from: 1, through: day.count, by: 1)))
                for s in day {
                    #expect(s.arrivalMinute >= r.rep.dayStartMinute && s.arrivalMinute <= r.rep.dayEndMinute)
                    #expect(s.travelKm >= 0 && s.waitMinutes >= 0)
                }
            }
        }
    }

    /// The distance-only stops load beside the NBA-aware ones and agree with the saved
    /// comparison; every NBA-aware stop's account is on the field on that day in the saved
    /// allocation (a fill-in's other contact was released).
    @Test func distanceOnlyStopsAndFillInsLoad() throws {
        let data = try SalesScreensFixture.screens()
        for r in data.routes.reps {
            let c = try #require(r.comparison)
            #expect(r.distanceDays.count == r.days.count)
            #expect(r.distanceDays.map(\.count).reduce(0, +) == c.visitsDistance)
            #expect(r.distanceDays.joined().filter(\.isHighNBA).count == c.highNBAVisitsDistance)
            // Per-day counts add up to the week's, in both plans.
            #expect((0..<r.days.count).map { r.highNBAVisits(day: $0, inDistanceOnly: false) }.reduce(0, +) == r.highNBAVisits)
            #expect((0..<r.days.count).map { r.highNBAVisits(day: $0, inDistanceOnly: true) }.reduce(0, +) == c.highNBAVisitsDistance)
            for (d, stops) in r.days.enumerated() {
                for s in stops {
                    #expect(data.customers.channel[s.account] == SalesChannel.field.code && data.customers.day[s.account] == Int32(d))
                }
            }
        }
        #expect(data.routes.reps.map(\.fillIns).reduce(0, +) > 0, "the fixture's reps take over accounts of other channels")
    }

    /// Each channel row adds up the way the screen's definitions say.
    @Test func channelRowsAddUp() throws {
        for r in try SalesScreensFixture.screens().channels.rows {
            #expect(r.demand == r.allocated + r.deferred + r.beyondHorizon)
            #expect(r.demand == r.bestFit + r.movedIn - r.movedOut)
        }
    }

    @Test func rocRisesFromZeroToOne() throws {
        let roc = try SalesScreensFixture.screens().models.roc
        #expect(roc.count == SalesScreens.rocPoints)
        #expect(roc.last == 1)
        for (a, b) in zip(roc, roc.dropFirst()) { #expect(b >= a) }
    }

    @Test func channelsAndModelsCarryTheSavedTables() throws {
        let data = try SalesScreensFixture.screens()
        #expect(data.channels.rows.map(\.channel) == SalesChannel.allCases.map(\.rawValue))
        #expect(!data.channels.staffing.isEmpty)
        #expect(!data.models.kpis.isEmpty && !data.models.importance.isEmpty && !data.models.calibration.isEmpty)
        #expect(data.models.history.last?.id == data.runId)
    }
}
