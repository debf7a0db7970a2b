import Testing
@testable import Engine
@testable import TUI

/// Territory → rep → stop → customer → script, driven through the app by the binding table.
@Suite struct SalesDrillDownTests {
    let routesScope = KeyScope.screen(.repsRoutes)

    @Test func territoryToRepToStopToCustomerToScript() throws {
        let data = try SalesScreensFixture.screens()
        let recorder = Recorder()
        var app = data.app(recorder)
        app.press(.showTab(ScreenID.territories.number))
        #expect(app.current == .territories)
        // The first territory whose rep has a stop on day 1.
        let rows = data.territories.rows
        let target = try #require(rows.firstIndex { t in
            data.routes.position(ofRep: t.rep).map { !(data.routes.reps[$0].days.first ?? []).isEmpty } ?? false
        })
        for _ in 0..<target { app.press(.moveDown, in: .table) }
        // Enter on a territory switches to Reps & routes with that territory's rep selected.
        app.press(.open, in: .table)
        #expect(app.current == .repsRoutes)
        let position = try #require(data.routes.position(ofRep: rows[target].rep))
        let reps = try #require(app.screen as? RepsScreen)
        #expect(reps.table.selectedRow == position)
        #expect(!reps.drill.isOpen)
        var frame = app.rendered()
        #expect(frame.contains("─ 3 Reps & routes · "))

        app.press(.open, in: .table)
        let rep = data.routes.reps[position]
        frame = app.rendered()
        #expect(frame.contains("› \(rep.rep.id) \(rep.rep.name) · day 1 of 3"))
        let stop = try #require(rep.days.first?.first)
        let account = data.customers.customers[stop.account].id
        #expect(frame.contains(account))

        app.press(.open, in: .table)
        frame = app.rendered()
        #expect(frame.contains("› \(rep.rep.id) day 1 › \(account)"))
        #expect(frame.contains("Prep script"))

        app.press(.custom("exportScript"), in: .screen(.customers))
        #expect(recorder.exports.count == 1)
        #expect(recorder.exports.first?.0 == account)
        #expect(recorder.exports.first?.1 == data.customers.scripts[stop.account])
        #expect(app.rendered().contains("script of \(account) written to /tmp/\(account).txt"))

        // Esc climbs one level at a time, then leaves the rep list in place.
        app.press(.back)
        #expect(app.rendered().contains("· day 1 of 3"))
        app.press(.back)
        #expect(app.rendered().contains("─ 3 Reps & routes · \(data.routes.reps.count) reps"))
        #expect(app.current == .repsRoutes)

        // Territories kept its list in place.
        app.press(.showTab(ScreenID.territories.number))
        #expect(app.rendered().contains("─ 2 Territories · \(rows.count) territories"))
    }

    @Test func daySelectorLockAndReplanOnARepsDay() throws {
        let data = try SalesScreensFixture.screens()
        let recorder = Recorder()
        var app = data.app(recorder)
        app.press(.showTab(ScreenID.repsRoutes.number))
        // The rep and day with the most stops.
        let (position, day) = try #require(data.routes.reps.indices.flatMap { r in data.routes.reps[r].days.indices.map { (r, $0) } }
            .max { data.routes.reps[$0.0].days[$0.1].count < data.routes.reps[$1.0].days[$1.1].count })
        for _ in 0..<position { app.press(.moveDown, in: .table) }
        app.press(.open, in: .table)
        app.press(.custom("nextDay"), in: routesScope)
        #expect(app.rendered().contains("day 2 of 3"))
        app.press(.custom("previousDay"), in: routesScope)
        app.press(.custom("previousDay"), in: routesScope)
        #expect(app.rendered().contains("day 3 of 3"))  // wraps around the week
        for _ in 0..<(day + 1) { app.press(.custom("nextDay"), in: routesScope) }
        #expect(app.rendered().contains("day \(day + 1) of 3"))

        let rep = data.routes.reps[position]
        let first = try #require(rep.days[day].first)
        app.press(.custom("lockStop"), in: routesScope)
        let decision = try #require(recorder.decisions.first)
        #expect(decision.0 == "lock-stop")
        #expect(decision.1 == "\(rep.rep.id)/day\(day + 1)/\(data.customers.customers[first.account].id)")

        // `r` solves in the background: the app is busy and the status line shows progress
        // until a tick after the job finished takes the result.
        app.press(.custom("replan"), in: routesScope)
        var screen = try #require(app.screen as? RepsScreen)
        #expect(app.isBusy)
        #expect(screen.statusMessage?.hasPrefix("re-planning day \(day + 1)… ") == true)
        #expect(app.rendered().contains("re-planning day \(day + 1)… "))
        app.press(.custom("replan"), in: routesScope)
        #expect(app.message?.contains("a re-plan is running") == true)
        let job = try #require(screen.drill.replan?.job)
        #expect(job.wait(seconds: RouteDay.replanSeconds + 5))
        #expect(job.progress.bestKm != nil, "the solver reported a best plan")
        app.tick()
        #expect(!app.isBusy)
        screen = try #require(app.screen as? RepsScreen)
        #expect(screen.statusMessage?.hasPrefix("re-planned day \(day + 1)") == true)
        let replanned = screen.routes.reps[position].days[day]
        #expect(replanned.contains { $0.account == first.account }, "a locked stop stays in the day")
        #expect(Set(replanned.map(\.account)).isSubset(of: Set(rep.days[day].map(\.account))))
        #expect(replanned.map(\.sequence) == Array(1...replanned.count))
        for (a, b) in zip(replanned, replanned.dropFirst()) {
            #expect(b.arrivalMinute >= a.arrivalMinute + a.serviceMinutes, "visits do not overlap")
        }
    }

    @Test func mapZoomsAndPansThroughTheBindingTable() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.territories.number))
        let before = app.rendered()
        let scope = KeyScope.screen(.territories)
        app.press(.custom("zoomIn"), in: scope)
        var screen = try #require(app.screen as? TerritoriesScreen)
        #expect(screen.viewport.zoom == 1.5)
        let centre = screen.viewport.centreLon
        app.press(.custom("panRight"), in: scope)
        screen = try #require(app.screen as? TerritoriesScreen)
        #expect(screen.viewport.centreLon > centre)
        #expect(app.rendered() != before)
        app.press(.custom("resetMap"), in: scope)
        #expect(app.rendered() == before)
        // Up/down move the table until the map takes the focus; then they pan.
        app.press(.focusNext)
        app.press(.custom("panUp"), in: scope)
        screen = try #require(app.screen as? TerritoriesScreen)
        #expect(screen.viewport.centreLat > MapViewport(region: data.territories.region).centreLat)
        #expect(screen.table.selected == 0)
    }

    @Test func customersSearchSortAndCard() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.customers.number))
        let id = data.customers.customers[7].id
        app.press(.search, in: .table)
        for c in id { _ = app.handle(.char(c)) }
        app.press(.confirm, in: .textEntry)
        var screen = try #require(app.screen as? CustomersScreen)
        #expect(screen.table.order == [7])
        app.press(.open, in: .table)
        #expect(app.rendered().contains("4 Customers › \(id)"))
        app.press(.custom("exportScript"), in: .screen(.customers))
        screen = try #require(app.screen as? CustomersScreen)
        let expected = data.customers.scripts[7] == nil ? "export: the run wrote no script for \(id)" : "script of \(id) written to"
        #expect(screen.statusMessage?.hasPrefix(expected) == true)
        app.press(.back)
        app.press(.back)  // clears the filter
        screen = try #require(app.screen as? CustomersScreen)
        #expect(screen.table.order.count == data.customers.count)
    }

    @Test func exportIsRefusedWithAReasonOutsideACard() throws {
        let data = try SalesScreensFixture.screens()
        var app = data.app()
        app.press(.showTab(ScreenID.customers.number))
        app.press(.custom("exportScript"), in: .screen(.customers))
        #expect(app.message?.contains("open a customer card first") == true)
    }
}
