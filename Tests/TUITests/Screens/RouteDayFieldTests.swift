import Foundation
import Testing
@testable import Engine
@testable import TUI

/// The field day on the route screen, driven by the binding table: done, cancel, the team's
/// re-plan and what moved, an urgent visit, and the day rebuilt from the saved decisions.
@Suite struct RouteDayFieldTests {
    let routesScope = KeyScope.screen(.repsRoutes)

    /// The fixture's rep with the most stops on day 1, its day open at 11:00.
    func openBusiestDay(_ recorder: Recorder) throws -> (app: AppState, data: SalesScreens, position: Int) {
        var data = try SalesScreensFixture.screens()
        data.routes.fieldNow = 11 * 3600
        let position = try #require(data.routes.reps.indices.max { data.routes.reps[$0].days[0].count < data.routes.reps[$1].days[0].count })
        var app = data.app(recorder)
        app.press(.showTab(ScreenID.repsRoutes.number))
        for _ in 0..<position { app.press(.moveDown, in: .table) }
        app.press(.open, in: .table)
        return (app, data, position)
    }

    @Test func doneCancelAndTheTeamsReplanShowWhatMoved() throws {
        let recorder = Recorder()
        var (app, data, position) = try openBusiestDay(recorder)
        let before = data.routes.reps[position].days[0]
        try #require(before.count >= 3)
        let ids = data.customers.customers.map(\.id)
        app.press(.custom("stopDone"), in: routesScope)
        app.press(.moveDown, in: .table)
        app.press(.moveDown, in: .table)
        app.press(.custom("stopCancelled"), in: routesScope)
        #expect(app.rendered().contains("cancelled"))
        let rep = data.routes.reps[position].rep
        #expect(recorder.decisions.map(\.0) == ["field-stop", "field-stop"])
        #expect(recorder.decisions[0].1 == "\(rep.id)/day1/\(ids[before[0].account])" && recorder.decisions[0].2 == "done")
        #expect(recorder.decisions[1].2 == "cancelled")

        app.press(.custom("replanTeam"), in: routesScope)
        let screen = try #require(app.screen as? RepsScreen)
        let message = try #require(screen.statusMessage)
        #expect(message.contains("routes feasible"), "\(message)")
        #expect(!message.contains("NOT feasible"))
        #expect(message.contains("1 cancelled"))
        let after = screen.routes.reps[position].days[0]
        #expect(after.first?.account == before[0].account, "the done stop stays first")
        #expect(!after.contains { $0.account == before[2].account }, "the cancelled stop left the day")
        #expect(after.dropFirst().allSatisfy { $0.arrivalMinute >= 11 * 60 }, "the rest of the day starts at now")
        #expect(after.map(\.sequence) == Array(1...after.count))
        // The moved list names exactly the stops that changed rep or left (besides the cancelled one).
        let moved = screen.routes.field.moved[0] ?? [:]
        let team = Set(screen.routes.reps.indices)
        for p in team {
            let old = Set(data.routes.reps[p].days[0].map(\.account)), new = Set(screen.routes.reps[p].days[0].map(\.account))
            for a in new.subtracting(old) { #expect(moved[a] != nil, "\(ids[a]) joined \(p)'s day and is listed") }
        }
        if !moved.isEmpty {
            #expect(message.contains("\(moved.count) stop"))
            #expect(app.rendered().contains("Re-plan at 11:00: \(moved.count) stop"))
        } else {
            #expect(message.hasPrefix("nothing moved"))
        }
        let saved = try #require(recorder.decisions.last)
        #expect(saved.0 == "field-replan")
        #expect(saved.2.contains(rep.id + ":" + ids[before[0].account] + "@"))

        // A fresh screen on the same decisions rebuilds the same day.
        let history = recorder.decisions.enumerated().map { k, d in
            Decision(id: Int64(k + 1), runId: 1, at: "", user: "ana", action: d.0, subject: d.1, value: d.2)
        }
        var routes = data.routes
        RouteDay.apply(history, to: &routes, customers: data.customers)
        for p in team {
            #expect(routes.reps[p].days[0].map(\.account) == screen.routes.reps[p].days[0].map(\.account))
            #expect(routes.reps[p].days[0].map(\.arrivalMinute) == screen.routes.reps[p].days[0].map(\.arrivalMinute))
        }
        #expect(routes.field.state(rep: position, day: 0, account: before[0].account) == .done)
    }

    @Test func anUrgentVisitTypedByIdJoinsTheTeamsDay() throws {
        let recorder = Recorder()
        var (app, data, _) = try openBusiestDay(recorder)
        let planned = Set(data.routes.reps.flatMap { $0.days[0].map(\.account) })
        let account = try #require(data.customers.customers.indices.first { !planned.contains($0) && data.customers.customers[$0].visitWindow == nil })
        let id = data.customers.customers[account].id
        app.press(.custom("urgentVisit"), in: routesScope)
        #expect(app.rendered().contains("Urgent visit, account id: _"))
        for c in id { _ = app.handle(.char(c)) }
        app.press(.confirm, in: .textEntry)
        let screen = try #require(app.screen as? RepsScreen)
        let message = try #require(screen.statusMessage)
        #expect(recorder.decisions.first?.0 == "field-urgent")
        let owner = screen.routes.reps.indices.first { screen.routes.reps[$0].days[0].contains { $0.account == account } }
        #expect(owner != nil, "\(message)")
        #expect(message.contains("\(id) urgent→"))
        #expect(screen.routes.field.urgent.isEmpty)

        app.press(.custom("urgentVisit"), in: routesScope)
        for c in "NOPE-1" { _ = app.handle(.char(c)) }
        app.press(.confirm, in: .textEntry)
        #expect((app.screen as? RepsScreen)?.statusMessage == "urgent visit: no account 'NOPE-1'")
    }
}
