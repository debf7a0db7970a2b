import ArgumentParser
import Engine
import Foundation

/// `opsdeck bench transport`: the two transportation problems of a run, solved by the
/// column-compressed solvers and by the plain min-cost flow on the same instance, per size:
/// time of each, the ratio, and whether the optimal costs agree.
struct BenchTransport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport",
        abstract: "Channel allocation day and territory assignment: Transportation against MinCostFlow (time ratio, same cost).")

    @Option(help: "Account counts, comma-separated.") var sizes = "3200,20000,100000"
    @Option(help: "Territories for the assignment.") var territories = 20
    @Option(help: "Seed.") var seed: UInt64 = 42
    /// MinCostFlow grows about quadratically here: 211 s for the territories at 20 000 accounts.
    @Option(help: "Skip MinCostFlow above this many accounts (it is the slow side).") var referenceUpTo = 20_000

    func run() throws {
        try reportingErrors {
            let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), territories > 0 else {
                throw CLIError("--sizes needs positive counts, e.g. 3200,20000, and --territories at least 1")
            }
            print("problem              accounts  Transportation   MinCostFlow   ratio   same cost")
            for n in counts {
                var rng = SeededRNG(seed: seed &+ UInt64(n))
                report("channel day", n, channelDay(n, &rng))
                report("territories (k=\(territories))", n, territoryAssignment(n, &rng))
            }
        }
    }

    func report(_ name: String, _ n: Int, _ r: (new: Double, newCost: Int, ref: (Double, Int)?)) {
        var line = name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%9d %13.1f ms", n, r.new * 1000)
        if let (t, c) = r.ref {
            line += String(format: " %10.1f ms %7.3f   %@", t * 1000, r.new / t, c == r.newCost ? "yes" : "NO (\(r.newCost) vs \(c))")
        } else {
            line += "      (skipped)"
        }
        print(line)
    }

    /// A full day as `ChannelAllocation.solveDay` sees it: n accounts, capacity exactly n,
    /// the field fitting most accounts best but holding a fifth of them.
    func channelDay(_ n: Int, _ rng: inout SeededRNG) -> (Double, Int, (Double, Int)?) {
        let k = 5
        let share = [0.2, 0.15, 0.1, 0.15, 0.4]
        var capacity = share.map { Int(Double(n) * $0) }
        capacity[k - 1] += n - capacity.reduce(0, +)
        let cost = (0..<(n * k)).map { c in Int(((2 - (rng.uniform() + (c % k == 0 ? 0.3 : 0))) * 10_000).rounded()) }
        var t0 = ContinuousClock.now
        let fast = Transportation.assignUnits(cost: cost, capacity: capacity)
        let tFast = seconds(since: t0)
        guard n <= referenceUpTo else { return (tFast, fast.cost, nil) }
        t0 = ContinuousClock.now
        var g = MinCostFlow(nodes: n + k)
        for j in 0..<n { for c in 0..<k { g.addArc(from: j, to: n + c, capacity: 1, cost: cost[j * k + c]) } }
        var supply = [Int](repeating: 1, count: n + k)
        for c in 0..<k { supply[n + c] = -capacity[c] }
        let ref = g.solve(supply: supply)
        return (tFast, fast.cost, (seconds(since: t0), ref.cost))
    }

    /// The territory network of `Territories.balanced` (workload minutes to the 8 nearest
    /// centres, a rewarded lower bound, a free band, a costly overflow) on clustered points,
    /// with centres at random accounts so the loads start far from balanced.
    func territoryAssignment(_ n: Int, _ rng: inout SeededRNG) -> (Double, Int, (Double, Int)?) {
        let k = territories, near = min(k, 8)
        var x: [Double] = [], y: [Double] = []
        for i in 0..<n {
            if i % 10 < 6 { x.append(20 + 3 * rng.normal()); y.append(20 + 3 * rng.normal()) } else { x.append(40 * rng.uniform()); y.append(40 * rng.uniform()) }
        }
        let units = (0..<n).map { _ in [30, 60, 120, 240][rng.int(below: 4)] }
        let centres = (0..<k).map { _ in rng.int(below: n) }
        let total = units.reduce(0, +), mean = Double(total) / Double(k)
        let lo = Int((mean * 0.975).rounded(.up)), hi = max(lo, Int((mean * 1.025).rounded(.down)))
        var arcStart = [0], arcColumn: [Int32] = [], arcCost: [Int] = []
        for i in 0..<n {
            let km = centres.map { c in ((x[i] - x[c]) * (x[i] - x[c]) + (y[i] - y[c]) * (y[i] - y[c])).squareRoot() }
            for t in (0..<k).sorted(by: { km[$0] != km[$1] ? km[$0] < km[$1] : $0 < $1 }).prefix(near) {
                arcColumn.append(Int32(t)); arcCost.append(Int(km[t] * 100))
            }
            arcStart.append(arcColumn.count)
        }
        let big = 10_000_000
        let pieces = (0..<k).map { _ in
            [Transportation.Piece(capacity: lo, cost: -big), Transportation.Piece(capacity: hi - lo, cost: 0), Transportation.Piece(capacity: total, cost: big / 10)]
        }
        var t0 = ContinuousClock.now
        let fast = Transportation.routeAmounts(supply: units, arcStart: arcStart, arcColumn: arcColumn, arcCost: arcCost, pieces: pieces)
        let tFast = seconds(since: t0)
        guard n <= referenceUpTo else { return (tFast, fast.cost, nil) }
        t0 = ContinuousClock.now
        var g = MinCostFlow(nodes: n + k + 1)
        for i in 0..<n { for a in arcStart[i]..<arcStart[i + 1] { g.addArc(from: i, to: n + Int(arcColumn[a]), capacity: units[i], cost: arcCost[a]) } }
        for t in 0..<k { for p in pieces[t] { g.addArc(from: n + t, to: n + k, capacity: p.capacity, cost: p.cost) } }
        var supply = units + Array(repeating: 0, count: k + 1)
        supply[n + k] = -total
        let ref = g.solve(supply: supply)
        return (tFast, fast.cost, (seconds(since: t0), ref.cost))
    }
}
