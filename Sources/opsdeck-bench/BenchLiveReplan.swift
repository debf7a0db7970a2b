import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench live-replan`: issue 19's "re-plan a territory's day (5 reps, 60 stops) after
/// a cancellation: ≤ 500 ms, every route feasible". A seeded team of reps around one city,
/// each with the morning plan the run's procedure gives their own day (`RepDayProblem`,
/// `RouteSolver`), 12 stops each; at 11:00 every rep has done their first three stops, one
/// stop of rep 1 cancels and rep 2 locks one of theirs; `TerritoryReplan` re-plans the rest
/// of the day across the team. Timed over `--repeat` runs (the median), with one untimed
/// warm-up; every route is checked by `RouteChecker`.
struct BenchLiveReplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live-replan",
        abstract: "Re-plan a territory's day (5 reps, 60 stops) after a cancellation: ≤ 500 ms, every route feasible.")

    @Option(help: "Reps in the territory.") var reps = 5
    @Option(help: "Stops per rep in the morning plan.") var stops = 12
    @Option(help: "Timed re-plans (the median is reported).") var `repeat` = 7
    @Option(help: "Seed.") var seed: UInt64 = 19

    func run() throws {
        let (days, settings) = Self.morning(reps: reps, perRep: stops, seed: seed)
        var live = days
        for r in live.indices { for k in 0..<min(3, live[r].stops.count) { live[r].states[k] = .done } }
        if live.count > 1, live[1].stops.count > 4 { live[1].states[4] = .cancelled }
        if live.count > 2, live[2].stops.count > 5 { live[2].locked = [live[2].stops[5].account] }
        let now = 11 * 3600
        let planned = days.map(\.stops.count).reduce(0, +)
        _ = try TerritoryReplan.replan(live, now: now, settings)
        var times: [Double] = []
        var last: TerritoryReplan? = nil
        for _ in 0..<max(1, `repeat`) {
            let t = ContinuousClock.now
            last = try TerritoryReplan.replan(live, now: now, settings)
            times.append(seconds(since: t))
        }
        guard let x = last else { return }
        times.sort()
        let median = times[times.count / 2] * 1000
        let feasible = x.routes.filter(\.verdict.isFeasible).count
        let kept = x.routes.map(\.planned.count).reduce(0, +) + x.routes.map(\.visited.count).reduce(0, +)
        print("team: \(days.count) reps, \(planned) stops planned; at 11:00 \(live.map { $0.states.filter(\.isVisited).count }.reduce(0, +)) done, "
              + "1 cancelled, 1 locked; after the re-plan \(kept) stops in the day, \(x.moves.count) moved, \(x.unplaced.count) left out")
        print(String(format: "re-plan the rest of the day: median %.1f ms of %d (min %.1f, max %.1f ms)", median, times.count,
                     times[0] * 1000, times[times.count - 1] * 1000))
        let met = median <= 500 && feasible == x.routes.count && x.unplacedRequired.isEmpty
        print(String(format: "re-plan a territory's day (%d reps, %d stops) after a cancellation: %.1f ms, %d/%d routes feasible (RouteChecker): goal ≤ 500 ms, every route feasible %@",
                     days.count, planned, median, feasible, x.routes.count, met ? "met" : "missed"))
    }

    /// The team and its morning plan: homes spread over ~10 km, accounts within ~3 km of
    /// their rep's home, visits of 20 minutes, a third with opening hours 10:00–16:00.
    static func morning(reps: Int, perRep: Int, seed: UInt64) -> ([TerritoryReplan.RepDay], TerritoryReplan.Settings) {
        var rng = SeededRNG(seed: seed)
        var ids: [String] = []
        var raw: [TerritoryReplan.RepDay] = []
        for r in 0..<reps {
            let hLat = 41.36 + 0.09 * rng.uniform(), hLon = 2.10 + 0.12 * rng.uniform()
            let rep = Rep(id: "R\(r + 1)", name: "rep \(r + 1)", homeLat: hLat, homeLon: hLon)
            var stops: [RepDayProblem.Stop] = []
            for _ in 0..<perRep {
                let windowed = rng.uniform() < 1.0 / 3
                stops.append(RepDayProblem.Stop(account: ids.count, lat: hLat + rng.uniform(-0.027, 0.027), lon: hLon + rng.uniform(-0.036, 0.036),
                                                opens: windowed ? 600 : nil, closes: windowed ? 960 : nil, serviceMinutes: 20,
                                                nbaPercentile: rng.uniform()))
                ids.append("C-\(1000 + ids.count)")
            }
            raw.append(TerritoryReplan.RepDay(rep: rep, stops: stops))
        }
        let settings = TerritoryReplan.Settings(travel: TravelModel(), accountIds: ids, seed: seed)
        let days = raw.enumerated().map { r, d -> TerritoryReplan.RepDay in
            let day = RepDayProblem(rep: d.rep, stops: d.stops.map { var s = $0; s.mandatory = true; return s }, travel: settings.travel)
            var options = RouteSolverOptions(seed: seed &+ UInt64(r), iterations: 1000)
            options.sizeRuin(toFieldDay: d.stops.count)
            let route = (try? RouteSolver.solve(day.problem, options))?.routes.first ?? []
            return TerritoryReplan.RepDay(rep: d.rep, stops: route.map { d.stops[$0 - 1] })
        }
        return (days, settings)
    }
}
