import ArgumentParser
import BenchSupport
import Engine
import Foundation

/// `opsdeck bench kernels`: tree scoring by leaf masks against walking each tree, in the same
/// process, alternating, best of several repeats, for ensembles of the sizes the run fits
/// (sales 80 × 7 on customers, SLA 30 × 7 on tickets) and larger trees. Each line says
/// whether the scores agree.
struct BenchKernels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernels",
        abstract: "Tree scoring, leaf masks against walking each tree: time ratio, same scores.")

    @Option(help: "Customers the churn models learn from and score, and tickets the breach models.") var customers = 20_000
    @Option(help: "Repeats (best time kept).") var repeats = 7
    @Option(help: "Seed.") var seed: UInt64 = 42

    func run() throws {
        try reportingErrors {
            guard customers >= 100, repeats > 0 else { throw CLIError("--customers ≥ 100 and --repeats ≥ 1") }
            let people = CustomerGenerator(seed: seed).generate(count: customers)
            let frame = try CustomerFeatures.frame(people, asOfDay: CustomerGenerator.defaultAsOfDay)
            let y = try CustomerFeatures.churnLabels(people)
            print("kernel                                 rows      new ms   reference ms   ratio   same")
            for (trees, leaves) in [(80, 7), (30, 7), (60, 11), (60, 15), (100, 31)] {
                var cfg = GradientBoostingConfig(trees: trees, learningRate: 0.1, numLeaves: leaves, seed: seed)
                cfg.maxBins = 63
                let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(frame, labels: y)
                var a: [Double] = [], b: [Double] = []
                let (tNew, tRef) = try alternate { a = try model.predictRaw(frame) } reference: { b = try model.predictRawWalking(frame) }
                report("customers, \(trees) trees × \(leaves) leaves", customers, tNew, tRef, a == b)
            }
            // The SLA model's shape: nine ticket features, four of them categorical.
            let tickets = TicketGenerator(seed: seed).generate(count: customers)
            let a = try SupportAnalysis.build(tickets: tickets, policy: SLAPolicy(), options: .init(folds: 2, seed: seed))
            let ticketFrame = try a.features.frame(rows: a.resolvedRows)
            let breach = a.resolvedRows.map { Double(a.labels[$0] ?? 0) }
            for (trees, leaves) in [(30, 7), (60, 15)] {
                var cfg = GradientBoostingConfig(trees: trees, learningRate: 0.3, numLeaves: leaves, seed: seed)
                cfg.maxBins = 63
                let model = try GradientBoosting(task: .binaryClassification, config: cfg).fit(ticketFrame, labels: breach)
                var p: [Double] = [], q: [Double] = []
                let (tNew, tRef) = try alternate { p = try model.predictRaw(ticketFrame) } reference: {
                    q = try model.predictRawWalking(ticketFrame)
                }
                report("tickets, \(trees) trees × \(leaves) leaves", a.resolvedRows.count, tNew, tRef, p == q)
            }
        }
    }

    /// Best of `repeats` for each side, the two sides alternating so that load hits both.
    func alternate(_ new: () throws -> Void, reference: () throws -> Void) rethrows -> (Double, Double) {
        var bestNew = Double.infinity, bestRef = Double.infinity
        for _ in 0..<repeats {
            var t0 = ContinuousClock.now
            try new()
            bestNew = min(bestNew, seconds(since: t0))
            t0 = ContinuousClock.now
            try reference()
            bestRef = min(bestRef, seconds(since: t0))
        }
        return (bestNew, bestRef)
    }

    func report(_ name: String, _ n: Int, _ tNew: Double, _ tRef: Double, _ same: Bool) {
        print(name.padding(toLength: 34, withPad: " ", startingAt: 0)
              + String(format: "%9d %11.2f %14.2f %7.3f   %@", n, tNew * 1000, tRef * 1000, tNew / tRef, same ? "yes" : "no"))
    }
}
