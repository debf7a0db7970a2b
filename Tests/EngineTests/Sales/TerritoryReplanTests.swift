import Foundation
import Testing
import Core
import Optimisation
import Sales

@Suite struct TerritoryReplanTests {
    /// Three reps around Barcelona's centre, 8 stops each planned by the re-plan itself at the
    /// day's start (so the plan is feasible), visits of 25 minutes, some with opening hours.
    static func team(reps: Int = 3, perRep: Int = 8, seed: UInt64 = 7) throws -> (days: [TerritoryReplan.RepDay], s: TerritoryReplan.Settings) {
        var rng = SeededRNG(seed: seed)
        var days: [TerritoryReplan.RepDay] = []
        var ids: [String] = []
        for r in 0..<reps {
            let hLat = 41.38 + Double(r) * 0.01, hLon = 2.15 + Double(r) * 0.012
            let rep = Rep(id: "R\(r)", name: "rep\(r)", homeLat: hLat, homeLon: hLon)
            var stops: [RepDayProblem.Stop] = []
            for _ in 0..<perRep {
                let a = ids.count
                ids.append("C-\(1000 + a)")
                let windowed = rng.uniform() < 0.3
                stops.append(RepDayProblem.Stop(account: a, lat: hLat + (rng.uniform() - 0.5) * 0.04,
                                                lon: hLon + (rng.uniform() - 0.5) * 0.05,
                                                opens: windowed ? 10 * 60 : nil, closes: windowed ? 16 * 60 : nil,
                                                serviceMinutes: 25, nbaPercentile: rng.uniform()))
            }
            days.append(TerritoryReplan.RepDay(rep: rep, stops: stops))
        }
        let s = TerritoryReplan.Settings(travel: TravelModel(), accountIds: ids, seed: seed, iterations: 1500)
        // The morning plan: each rep's own day, as the run plans it.
        let planned = try days.enumerated().map { r, d in
            let day = RepDayProblem(rep: d.rep, stops: d.stops, travel: s.travel)
            var options = RouteSolverOptions(seed: seed &+ UInt64(r), iterations: 800)
            options.sizeRuin(toFieldDay: d.stops.count)
            let route = try RouteSolver.solve(day.problem, options).routes.first ?? []
            return TerritoryReplan.RepDay(rep: d.rep, stops: route.map { d.stops[$0 - 1] })
        }
        return (planned, s)
    }

    static func owner(_ x: TerritoryReplan, _ account: Int) -> Int? {
        x.routes.firstIndex { r in r.planned.contains { $0.account == account } || r.visited.contains { $0.account == account } }
    }

    @Test func cancellingKeepsDoneAndLockedStopsAndEveryRouteIsFeasible() throws {
        var (days, s) = try Self.team()
        #expect(days.allSatisfy { $0.stops.count >= 4 })
        // Mid-morning: each rep has done their first two stops; rep 0 locks its fourth; rep 1's third cancels.
        for r in days.indices { days[r].states[0] = .done; days[r].states[1] = .done }
        let locked = days[0].stops[3].account, cancelled = days[1].stops[2].account
        days[0].locked = [locked]
        days[1].states[2] = .cancelled
        let now = 11 * 3600
        let x = try TerritoryReplan.replan(days, now: now, s)
        #expect(x.allFeasible, "\(x.routes.map(\.verdict.violations))")
        for (r, route) in x.routes.enumerated() {
            #expect(route.visited.map(\.account) == days[r].stops.prefix(2).map(\.account))
            #expect(route.timeline.stops.allSatisfy { $0.start >= now })
            #expect(route.problem.resume?.id == s.accountIds[days[r].stops[1].account])
        }
        #expect(Self.owner(x, locked) == 0)
        #expect(Self.owner(x, cancelled) == nil)
        #expect(x.moves.contains(TerritoryReplan.Move(account: cancelled, from: 1, to: nil)))
        // The moved list is exactly the stops whose rep changed (or that left the day).
        var expected: [TerritoryReplan.Move] = []
        for (r, d) in days.enumerated() {
            for (k, st) in d.stops.enumerated() where d.states[k] == .planned {
                let to = Self.owner(x, st.account)
                if to != r { expected.append(.init(account: st.account, from: r, to: to)) }
            }
        }
        #expect(Set(x.moves.filter { $0.account != cancelled }.map(\.account)) == Set(expected.map(\.account)))
        for m in expected { #expect(x.moves.contains(m)) }
    }

    @Test func anUrgentVisitIsInsertedAndTheAnswerIsSeeded() throws {
        var (days, s) = try Self.team()
        #expect(days.allSatisfy { !$0.stops.isEmpty })
        for r in days.indices { days[r].states[0] = .done }
        s.accountIds.append("C-URGENT")
        let urgent = RepDayProblem.Stop(account: s.accountIds.count - 1, lat: 41.39, lon: 2.165, serviceMinutes: 30, nbaPercentile: 0.5)
        let a = try TerritoryReplan.replan(days, urgent: [urgent], now: 10 * 3600, s)
        let b = try TerritoryReplan.replan(days, urgent: [urgent], now: 10 * 3600, s)
        #expect(a.allFeasible)
        let to = try #require(Self.owner(a, urgent.account))
        #expect(a.moves.contains(.init(account: urgent.account, from: nil, to: to)))
        #expect(a.unplacedRequired.isEmpty)
        #expect(a.routes.map { $0.planned.map(\.account) } == b.routes.map { $0.planned.map(\.account) })
        #expect(a.moves == b.moves)
    }

    @Test func theRestOfTheDayLeavesFromTheLastDoneStopAtNow() {
        let rep = Rep(id: "R0", name: "ana", homeLat: 41.38, homeLon: 2.15)
        let stops = [RepDayProblem.Stop(account: 0, lat: 41.40, lon: 2.17, serviceMinutes: 30, nbaPercentile: 0.5)]
        let resume = RepDayProblem.Resume(id: "A9", lat: 41.39, lon: 2.16, second: 14 * 3600 + 1800 + 60, lunchTaken: false)
        let day = RepDayProblem(rep: rep, stops: stops, travel: TravelModel(), resume: resume)
        #expect(day.problem.vehicles[0].start == 2)
        #expect(day.problem.vehicles[0].end == 0)
        #expect(day.problem.vehicles[0].earliest == resume.second)
        #expect(day.problem.lunch == nil)  // past the break's latest start
        let t = day.timeline([1])
        #expect(t.stops[0].arrival == resume.second + TravelModel().seconds(41.39, 2.16, 41.40, 2.17))
    }

    @Test func theMatrixIsUsedWhereItHasThePairAndTheRestFallsBackCounted() throws {
        let csv = "from,to,seconds\nR0,C-1,600\nC-1,R0,660\nC-1,C-2,120\n"
        let m = try TravelMatrix.csv(CSVReader(bytes: Array(csv.utf8), name: "t.csv"))
        let rep = Rep(id: "R0", name: "ana", homeLat: 41.38, homeLon: 2.15)
        let stops = [RepDayProblem.Stop(account: 0, lat: 41.40, lon: 2.17, serviceMinutes: 30, nbaPercentile: 0.5),
                     RepDayProblem.Stop(account: 1, lat: 41.41, lon: 2.18, serviceMinutes: 30, nbaPercentile: 0.5)]
        let day = RepDayProblem(rep: rep, stops: stops, travel: TravelModel(), matrix: m, accountIds: ["C-1", "C-2"])
        let p = day.problem
        #expect(p.travel(0, 1) == 600)
        #expect(p.travel(1, 0) == 660)
        #expect(p.travel(1, 2) == 120)
        #expect(p.travel(2, 1) == TravelModel().seconds(41.41, 2.18, 41.40, 2.17))
        // 6 ordered pairs, 3 in the file.
        #expect(day.fellBack == 3)
        #expect(day.estimatedLegs([1, 2]) == 1)  // home→C-1, C-1→C-2 known; C-2→home estimated
        let plain = RepDayProblem(rep: rep, stops: stops, travel: TravelModel())
        #expect(plain.fellBack == 0 && plain.estimatedLegs([1, 2]) == 0)
        #expect(plain.problem.travel(0, 1) == TravelModel().seconds(41.38, 2.15, 41.40, 2.17))
    }

    @Test func badMatrixInputIsOneClearError() throws {
        let bad = "from,to,seconds\nR0,C-1,600\nR0,C-2,ten\n"
        do {
            _ = try TravelMatrix.csv(CSVReader(bytes: Array(bad.utf8), name: "t.csv"))
            Issue.record("a bad seconds cell was accepted")
        } catch {
            #expect(error.file == "t.csv")
            #expect(error.line == 3)
            #expect(error.description.contains("expected seconds as a number"))
        }
        let json = #"{"code":"Ok","ids":["a","b"],"durations":[[0,1],[1]]}"#
        do {
            _ = try TravelMatrix.osrm(Data(json.utf8), file: "t.json")
            Issue.record("a short durations row was accepted")
        } catch {
            #expect(error.description.contains("durations[1]"))
            #expect(error.description.contains("expected 2 cells"))
        }
    }

    @Test func theFingerprintTellsFilesApart() {
        #expect(TravelMatrix.fingerprint(Array("a,b,1\n".utf8)) == TravelMatrix.fingerprint(Array("a,b,1\n".utf8)))
        #expect(TravelMatrix.fingerprint(Array("a,b,1\n".utf8)) != TravelMatrix.fingerprint(Array("a,b,2\n".utf8)))
        #expect(TravelMatrix.fingerprint([UInt8]()).count == 16)
    }
}
