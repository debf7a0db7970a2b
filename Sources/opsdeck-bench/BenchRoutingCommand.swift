import ArgumentParser
import Dispatch
import Engine
import Foundation

/// `opsdeck bench routing --set …`: routing quality and speed against best-known values,
/// PyVRP (day) and scipy (assignment) measured in the same sitting.
struct BenchRoutingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "routing", abstract: "Routing, week plan and assignment benchmarks.")

    enum BenchSet: String, ExpressibleByArgument { case tsplib, solomon, toptw, day, week, assignment, territories }

    @Option(help: "tsplib, solomon, toptw, day, week, assignment or territories.") var set: BenchSet
    @Option(parsing: .unconditional, help: "Seconds per instance (week: for the whole plan).") var seconds: Double?
    @Option(help: "Benchmark folder (default ../shared/benchmarks).") var dir: String = "../shared/benchmarks"
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Largest TSPLIB dimension to run.") var maxNodes: Int = 280
    @Option(help: "Where `day` writes its instance; `assignment` its matrix.") var out: String = "/tmp/opsdeck-routing"
    @Option(help: "Python with scipy for the assignment reference.") var python: String = "/tmp/opsdeck-anchors/bin/python"
    @Option(help: "Accounts for `territories`.") var accounts: Int = 3000
    @Option(help: "Territories for `territories`.") var territories: Int = 20
    @Option(help: "Reference objective to print a ratio against (day: PyVRP 10 s).") var reference: Double?

    func validate() throws {
        if let seconds { try OptionCheck.positive(seconds, "--seconds", max: RoutingLimits.maxSeconds) }
    }

    func run() throws {
        switch set {
        case .tsplib, .solomon, .toptw: try runFiles(RoutingFormat(rawValue: set.rawValue) ?? .tsplib)
        case .day: try runDay()
        case .week: runWeek()
        case .assignment: try BenchRoutingAssignment.run(seed: seed, out: out, python: python)
        case .territories: BenchRoutingTerritories.run(seed: seed, accounts: accounts, k: territories)
        }
    }

    func files(_ format: RoutingFormat) throws -> [String] {
        let fm = FileManager.default
        switch format {
        case .tsplib:
            let d = dir + "/tsplib"
            return try fm.contentsOfDirectory(atPath: d).filter { $0.hasSuffix(".tsp") }.sorted().map { d + "/" + $0 }
                .filter { (try? TSPLIBReader.read(path: $0).size).map { $0 <= maxNodes } ?? false }
        case .solomon:
            let d = dir + "/solomon"
            return try fm.contentsOfDirectory(atPath: d).filter { $0.hasSuffix(".txt") }.sorted().map { d + "/" + $0 }
        case .toptw:
            var out: [String] = []
            for sub in ["solomon_100", "cordeau"] {
                let d = dir + "/toptw/" + sub
                out += try fm.contentsOfDirectory(atPath: d).filter { $0.hasSuffix(".txt") }.sorted().map { d + "/" + $0 }
            }
            return out.filter { RoutingBench.bestKnown($0, .toptw, paths: 1) != nil }
        }
    }

    func runFiles(_ format: RoutingFormat) throws {
        let secs = seconds ?? (format == .tsplib ? 1 : 5)
        print("instance    objective   best-known   gap %   veh  best  time s  feasible")
        var gaps: [Double] = [], matchedGaps: [Double] = [], vehMatch = 0, infeasible = 0, n = 0
        for f in try files(format) {
            let o = try RoutingBench.solve(f, format, seconds: secs, seed: seed, vehicles: nil, bestKnown: nil)
            n += 1
            let g = o.gap(format)
            if let g { gaps.append(g) }
            if let bv = o.bestVehicles, bv == o.vehicles { vehMatch += 1; if let g { matchedGaps.append(g) } }
            if !o.verdict.isFeasible { infeasible += 1 }
            print(String(format: "%-10@ %10.2f %12.2f %7.2f %5d %5@ %7.2f  %@", o.name, o.objective, o.bestKnown ?? .nan, g ?? .nan,
                         o.vehicles, o.bestVehicles.map { String($0) } ?? "-", o.seconds, o.verdict.isFeasible ? "✓" : "✗ " + (o.verdict.violations.first ?? "")))
        }
        let mean = gaps.isEmpty ? .nan : gaps.reduce(0, +) / Double(gaps.count)
        print(String(format: "mean gap %.2f%%  max gap %.2f%%  instances %d  infeasible %d", mean, gaps.max() ?? .nan, n, infeasible))
        if format == .solomon {
            let m = matchedGaps.isEmpty ? .nan : matchedGaps.reduce(0, +) / Double(matchedGaps.count)
            print(String(format: "vehicles equal to best-known on %d/%d; mean gap on those %.2f%%", vehMatch, n, m))
        }
    }

    func runDay() throws {
        let day = RoutingScenarios.day(seed: seed)
        let p = day.problem
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let base = out + "/day\(p.stops.count)"
        try BenchRoutingDayFile.write(day, to: base)
        let t0 = ContinuousClock.now
        let s = try RouteSolver.solve(p, RouteSolverOptions(seed: seed, iterations: Int.max, seconds: seconds ?? 1))
        let e = ContinuousClock.now - t0
        let v = RouteChecker.check(p, s)
        print("day: \(p.stops.count) stops, 1 rep, windows; instance written to \(base).txt and \(base).matrix")
        print(String(format: "travel %d s  time %.2f s  iterations %d  feasible %@", s.distance,
                     Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18, s.iterations, v.isFeasible ? "✓" : "✗"))
        if let r = reference { print(String(format: "ratio to reference %.0f: %.4f (gap %+.2f%%)", r, Double(s.distance) / r, (Double(s.distance) / r - 1) * 100)) }
    }

    func runWeek() {
        let reps = 20
        let total = seconds ?? 10
        let perRep = total * 2 / Double(reps) * 0.9
        let problems = (0..<reps).map { RoutingScenarios.week(seed: seed &+ UInt64($0) &* 7919) }
        let results = WeekResultBox(count: reps)
        let t0 = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            var r = worker
            while r < reps {
                let s = try? RouteSolver.solve(problems[r], RouteSolverOptions(seed: seed &+ UInt64(r), iterations: Int.max, seconds: perRep))
                results.set(r, s)
                r += 2
            }
        }
        let e = ContinuousClock.now - t0
        var prize = 0, possible = 0, visits = 0, feasible = 0
        for r in 0..<reps {
            let p = problems[r]
            possible += p.stops.reduce(0) { $0 + p.prize[$1] }
            guard let s = results.get(r) else { continue }
            prize += s.prize; visits += s.routes.reduce(0) { $0 + $1.count }
            if RouteChecker.check(p, s).isFeasible { feasible += 1 }
        }
        print("week: \(reps) reps × 5 days × 150 candidates, lunch 13:00–14:30, 2 workers, \(String(format: "%.2f", perRep)) s per rep")
        print(String(format: "visits %d  prize %d of %d candidates' %d  wall %.2f s  feasible %d/%d", visits, prize, reps * 150, possible,
                     Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18, feasible, reps))
    }
}

/// Results written by the two workers, each to its own slots.
final class WeekResultBox: @unchecked Sendable {
    private var items: [RoutingSolution?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ s: RoutingSolution?) { lock.lock(); items[i] = s; lock.unlock() }
    func get(_ i: Int) -> RoutingSolution? { lock.lock(); defer { lock.unlock() }; return items[i] }
}
