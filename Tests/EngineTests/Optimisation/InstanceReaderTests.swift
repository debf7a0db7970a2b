import Foundation
import Testing
import Optimisation

@Suite struct InstanceReaderTests {
    static let shared: String = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/benchmarks").path
    }()

    @Test func tsplibEuclideanRoundsToNearest() throws {
        let text = "NAME : t\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 1.5 0\nEOF\n"
        let p = try TSPLIBReader.parse(text, file: "t.tsp")
        #expect(p.dist(0, 1) == 5 && p.dist(0, 2) == 2 && p.dist(2, 1) == 4)
    }

    @Test func tsplibExplicitFormatsAgree() throws {
        // The same symmetric 4×4 matrix in four layouts.
        let full = [[0, 1, 2, 3], [1, 0, 4, 5], [2, 4, 0, 6], [3, 5, 6, 0]]
        let layouts: [(String, [Int])] = [
            ("FULL_MATRIX", full.flatMap { $0 }),
            ("UPPER_ROW", [1, 2, 3, 4, 5, 6]),
            ("LOWER_DIAG_ROW", [0, 1, 0, 2, 4, 0, 3, 5, 6, 0]),
            ("UPPER_DIAG_ROW", [0, 1, 2, 3, 0, 4, 5, 0, 6, 0]),
        ]
        for (format, w) in layouts {
            let text = "TYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: \(format)\nEDGE_WEIGHT_SECTION\n"
                + w.map(String.init).joined(separator: " ") + "\nEOF\n"
            let p = try TSPLIBReader.parse(text, file: "m.tsp")
            for i in 0..<4 { for j in 0..<4 { #expect(p.dist(i, j) == full[i][j], "\(format) \(i) \(j)") } }
        }
    }

    @Test func tsplibGeoAndAttFollowTheFormat() {
        // ATT: sqrt(100/10) = 3.16 → 3 < 3.16 → 4. GEO: one degree of latitude ≈ 111 km.
        #expect(TSPLIBDistance.att.distance((0, 0), (10, 0)) == 4)
        #expect(TSPLIBDistance.geo.distance((10.0, 0), (11.0, 0)) == 112)
    }

    /// The error a parse throws, or nil when it unexpectedly succeeds.
    func failure(_ body: () throws(InstanceFormatError) -> RoutingProblem) -> InstanceFormatError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func tsplibRejectsMalformedLinesWithTheirNumber() {
        let bad = "NAME : t\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 x 4\n3 1 1\nEOF\n"
        #expect(failure { () throws(InstanceFormatError) in try TSPLIBReader.parse(bad, file: "t.tsp") }?.description
            == "t.tsp:7: expected x as a number, found 'x'")
        let e3d = failure { () throws(InstanceFormatError) in
            try TSPLIBReader.parse("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_3D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n", file: "u")
        }
        #expect(e3d?.description.contains("EUC_2D, CEIL_2D, ATT, GEO or EXPLICIT") == true)
        let short = failure { () throws(InstanceFormatError) in try TSPLIBReader.parse("DIMENSION : 2\nNODE_COORD_SECTION\n1 0 0\n", file: "v") }
        #expect(short?.description.hasPrefix("v:4:") == true)
    }

    let solomon = "R0\n\nVEHICLE\nNUMBER     CAPACITY\n  2         10\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"
        + "    0      0          0          0          0        100          0\n"
        + "    1      3          4          5          0         50          2\n"

    @Test func solomonScalesDistancesAndTimes() throws {
        let p = try SolomonReader.parse(solomon.replacingOccurrences(of: "\n", with: "\r\n"), file: "r0.txt")
        #expect(p.dist(0, 1) == 5 * SolomonReader.scale)
        #expect(p.vehicles.count == 2 && p.vehicles[0].capacity == 10 && p.vehicles[0].latest == 100 * SolomonReader.scale)
        #expect(p.service[1] == 2 * SolomonReader.scale && p.minimiseVehicles)
    }

    @Test func solomonRejectsShortRowsWithTheirNumber() {
        let e = failure { () throws(InstanceFormatError) in try SolomonReader.parse(solomon + "    2      3          4          5\n", file: "r0.txt") }
        #expect(e?.description == "r0.txt:12: expected 7 numbers: CUST_NO X Y DEMAND READY DUE SERVICE")
        #expect(failure { () throws(InstanceFormatError) in try SolomonReader.parse("R0\nCUSTOMER\n", file: "r1.txt") }?.line == 2)
    }

    @Test func toptwReadsProfitsAndTruncatesDistances() throws {
        let text = "1 10 2 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 1 1 5 10 1 1 1 0 50\n 2 3 4 5 20 1 1 1 0 50\n"
        let p = try TOPTWReader.parse(text, file: "c0.txt", paths: 2, decimals: 1)
        #expect(p.dist(0, 1) == 14)  // √2 = 1.414… → 1.4
        #expect(p.prize[2] == 20 && !p.mandatory[1] && p.vehicles.count == 2 && p.service[1] == 50)
        let e = failure { () throws(InstanceFormatError) in
            try TOPTWReader.parse("1 10 2 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 1 1 5 10 1 2 1 0 50\n 2 3 4 5 20 1 1 1 0 50\n", file: "c1.txt")
        }
        #expect(e?.line == 4 && e?.description.contains("a ints") == true)
    }

    @Test func benchmarkFilesSolveAndPassTheChecker() throws {
        let dir = Self.shared
        guard FileManager.default.fileExists(atPath: dir) else {
            print("skipped: \(dir) is absent"); return
        }
        let cases: [RoutingProblem] = [
            try TSPLIBReader.read(path: dir + "/tsplib/eil51.tsp"),
            try SolomonReader.read(path: dir + "/solomon/c101.txt"),
            try TOPTWReader.read(path: dir + "/toptw/solomon_100/c101.txt"),
        ]
        for p in cases {
            let s = try RouteSolver.solve(p, RouteSolverOptions(seed: 1, iterations: 300))
            let v = RouteChecker.check(p, s)
            #expect(v.isFeasible, "\(v.violations.prefix(3))")
        }
    }
}
