import Foundation
import Testing
import Optimisation
import Sales
import Store
import Pipeline

/// `opsdeck run --travel-matrix`: the run's rep-day problems take the matrix's times where it
/// has both ends and straight-line × detour elsewhere, and the trace counts the estimated legs.
@Suite struct PipelineTravelMatrixTests {
    static func config() -> PipelineConfig {
        var s = SalesConfig()
        s.trees = 6
        s.numLeaves = 7
        s.trainRowsPerFold = 300
        s.routeIterations = 60
        s.planningDays = 2
        return PipelineConfig(customers: 300, reps: 3, tickets: 300, seed: 5, sales: s)
    }

    static func counts(_ o: RunOutcome) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in o.trace.stages.first(where: { $0.name == "allocation+routes" })?.counts ?? [] { out[c.name] = c.value }
        return out
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-matrix-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theMatrixFeedsTheRoutesAndTheFallbackIsCounted() throws {
        let plain = try Pipeline.run(config: Self.config(), input: .synthetic, store: Store.inMemory())
        let routes = try #require(plain.sales?.routes)
        #expect(Self.counts(plain)["legs estimated (not in the matrix)"] == nil, "no matrix: the trace is as before")
        // A matrix without any of the run's ids changes nothing: every leg falls back.
        var cfg = Self.config()
        let none = try Self.write("from,to,seconds\nX1,X2,60\n")
        cfg.travelMatrix = try TravelMatrixFile.open(none).file
        let unrelated = try Pipeline.run(config: cfg, input: .synthetic, store: Store.inMemory())
        #expect(unrelated.sales?.routes.visits == routes.visits)
        let u = Self.counts(unrelated)
        #expect(u["legs from the travel matrix"] == 0)
        #expect(u["legs estimated (not in the matrix)"] == routes.visits.count + Set(routes.visits.map { "\($0.rep)/\($0.day)" }).count)
        // Each rep's home to every account at 60 s, nothing else: home legs come from the file.
        var csv = "from,to,seconds\n"
        for r in plain.reps { for c in plain.customers { csv += "\(r.id),\(c.id),60\n\(c.id),\(r.id),60\n" } }
        let homes = try Self.write(csv)
        cfg.travelMatrix = try TravelMatrixFile.open(homes).file
        let fed = try Pipeline.run(config: cfg, input: .synthetic, store: Store.inMemory())
        let f = Self.counts(fed)
        let fromFile = try #require(f["legs from the travel matrix"]), estimated = try #require(f["legs estimated (not in the matrix)"])
        #expect(fromFile > 0 && estimated > 0)
        let fedRoutes = try #require(fed.sales?.routes)
        #expect(fromFile + estimated == fedRoutes.legs)
        let first = try #require(fedRoutes.visits.first { $0.sequence == 1 })
        #expect(first.time.travelSeconds == 60, "the first leg (home → stop) is the file's")
        // The file changed since: refused with the file named.
        try "from,to,seconds\nX1,X2,61\n".write(toFile: none, atomically: true, encoding: .utf8)
        var stale = Self.config()
        stale.travelMatrix = TravelMatrixFile(path: none, fingerprint: try TravelMatrixFile.open(homes).file.fingerprint)
        #expect(throws: PipelineError.self) { try Pipeline.run(config: stale, input: .synthetic, store: Store.inMemory()) }
    }
}
