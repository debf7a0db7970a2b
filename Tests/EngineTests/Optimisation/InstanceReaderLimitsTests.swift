import Foundation
import Testing
import Optimisation

/// Every input the fuzzing pass of issue 17 found trapping, aborting or hanging `opsdeck route`
/// is refused with one error naming the file, the line and the field, before any conversion
/// or allocation; values at the limits are accepted and solved without overflow.
@Suite struct InstanceReaderLimitsTests {
    func failure(_ body: () throws(InstanceFormatError) -> RoutingProblem) -> InstanceFormatError? {
        do { _ = try body(); return nil } catch { return error }
    }

    func tsp(_ header: String, _ body: String) -> InstanceFormatError? {
        failure { () throws(InstanceFormatError) in try TSPLIBReader.parse("NAME : t\nTYPE : TSP\n" + header + body + "EOF\n", file: "t.tsp") }
    }

    let euc = "DIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\n"

    @Test(arguments: ["1e300", "4e18", "-4e18", "3.1e11"])
    func tsplibRefusesHugeCoordinates(_ x: String) {
        let e = tsp(euc, "NODE_COORD_SECTION\n1 0 0\n2 \(x) 4\n3 1 1\n")
        #expect(e?.description == "t.tsp:7: expected x between -3e+11 and 3e+11, found '\(x)'")
    }

    @Test(arguments: ["4000000000", "100000", "15000", "5001", "9223372036854775808"])
    func tsplibRefusesAHugeDimensionBeforeAllocating(_ d: String) {
        let e = tsp("DIMENSION : \(d)\nEDGE_WEIGHT_TYPE : EUC_2D\n", "NODE_COORD_SECTION\n")
        #expect(e?.description == "t.tsp:3: expected DIMENSION as a whole number between 2 and 5000, found '\(d)'")
    }

    @Test func tsplibChecksTheCoordinatesBeforeTheMatrix() {
        // The largest dimension accepted, with no coordinates: an error, not a 200 MB matrix.
        let e = tsp("DIMENSION : 5000\nEDGE_WEIGHT_TYPE : EUC_2D\n", "")
        #expect(e?.description == "t.tsp:5: expected a NODE_COORD_SECTION with 5000 nodes")
    }

    @Test(arguments: ["1e300", "1000000000001", "-1", "2.5"])
    func tsplibRefusesOutOfRangeExplicitWeights(_ w: String) {
        let e = tsp("DIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : UPPER_ROW\n", "EDGE_WEIGHT_SECTION\n1 \(w) 2\n")
        #expect(e?.line == 7)
        #expect(e?.description.contains("expected an edge weight as a whole number between 0 and 1000000000000") == true)
    }

    @Test func tsplibRefusesAFormatChangedAfterTheWeights() {
        // Three weights read for UPPER_ROW; a later FULL_MATRIX would read nine.
        let e = tsp("DIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : UPPER_ROW\n",
                    "EDGE_WEIGHT_SECTION\n1 2 3\nEDGE_WEIGHT_FORMAT : FULL_MATRIX\n")
        #expect(e?.description.contains("expected 9 edge weights for DIMENSION 3 and EDGE_WEIGHT_FORMAT FULL_MATRIX, found 3") == true)
        let grown = tsp("DIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : UPPER_ROW\n",
                        "EDGE_WEIGHT_SECTION\n1 2 3\nDIMENSION : 4\n")
        #expect(grown?.description.contains("expected 6 edge weights") == true)
    }

    @Test func tsplibGeoDistancesStayFiniteAtTheExtremes() {
        for (a, b) in [((0.0, 0.0), (0.0, 0.0)), ((0.0, 0.0), (0.0, 180.0)), ((90.0, 0.0), (-90.0, 0.0)), ((3e11, -3e11), (-3e11, 3e11))] {
            let d = TSPLIBDistance.geo.distance(a, b)
            #expect(d >= 0 && d <= 20_040)
        }
    }

    // MARK: Solomon

    let head = "R0\n\nVEHICLE\nNUMBER     CAPACITY\n"
    let columns = "\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"

    func solomon(fleet: String = "  2         10\n", depot: String = "0 0 0 0 0 100 0", customer: String) -> InstanceFormatError? {
        failure { () throws(InstanceFormatError) in
            try SolomonReader.parse(head + fleet + columns + depot + "\n" + customer + "\n", file: "r0.txt")
        }
    }

    @Test func solomonRefusesHugeCustomerNumbersDemandsAndTimes() {
        #expect(solomon(customer: "1e19 3 4 5 0 50 2")?.description == "r0.txt:11: expected CUST_NO between 0 and 5000, found '1e19'")
        #expect(solomon(customer: "1 3 4 1e19 0 50 2")?.description == "r0.txt:11: expected DEMAND between 0 and 1e+12, found '1e19'")
        #expect(solomon(customer: "1 3 4 5 0 1e19 2")?.description == "r0.txt:11: expected DUE between 0 and 1e+08, found '1e19'")
        #expect(solomon(customer: "1 3 4 5 0 50 1e19")?.description == "r0.txt:11: expected SERVICE between 0 and 1e+08, found '1e19'")
        #expect(solomon(customer: "1 1e300 4 5 0 50 2")?.description == "r0.txt:11: expected X between -3e+07 and 3e+07, found '1e300'")
        #expect(solomon(customer: "1 3 4 2.5 0 50 2")?.description == "r0.txt:11: expected DEMAND as a whole number, found '2.5'")
        #expect(solomon(depot: "0 0 0 0 0 1e19 0", customer: "1 3 4 5 0 50 2")?.description
            == "r0.txt:10: expected DUE between 0 and 1e+08, found '1e19'")
        #expect(solomon(depot: "0 0 0 0 -1e19 100 0", customer: "1 3 4 5 0 50 2")?.description
            == "r0.txt:10: expected READY between 0 and 1e+08, found '-1e19'")
    }

    @Test func solomonRefusesAHugeFleetOrCapacity() {
        #expect(solomon(fleet: "  1000000000  10\n", customer: "1 3 4 5 0 50 2")?.description
            == "r0.txt:5: expected the vehicle number as a whole number between 1 and 1000, found '1000000000'")
        #expect(solomon(fleet: "  2  1e19\n", customer: "1 3 4 5 0 50 2")?.description
            == "r0.txt:5: expected the capacity as a whole number between 1 and 1000000000000, found '1e19'")
    }

    @Test func solomonRefusesMoreRowsThanTheLimit() {
        let rows = (1...RoutingLimits.maxNodes).map { "\($0) 1 1 1 0 50 1" }.joined(separator: "\n")
        let e = solomon(customer: rows)
        #expect(e?.line == 10 + RoutingLimits.maxNodes)
        #expect(e?.description.hasSuffix("expected at most 5000 rows (depot and customers)") == true)
    }

    // MARK: TOPTW

    func toptw(_ text: String, paths: Int = 1) -> InstanceFormatError? {
        failure { () throws(InstanceFormatError) in try TOPTWReader.parse(text, file: "c0.txt", paths: paths, decimals: 1) }
    }

    let depotRow = " 0 0 0 0 0 0 0 0 100\n"

    @Test func toptwRefusesAHugeNAOrValues() {
        #expect(toptw("1 10 9223372036854775807 1\n0 200\n" + depotRow + " 1 1 1 5 10 1 1 1 0 50\n")?.description
            == "c0.txt:1: expected N, the number of customers, as a whole number between 1 and 4999, found '9223372036854775807'")
        #expect(toptw("1 10 1 1\n0 200\n" + depotRow + " 1 1 1 5 10 1 9223372036854775807 1 0 50\n")?.description
            == "c0.txt:4: expected 'a' followed by a ints, then open and close")
        #expect(toptw("1 10 1 1\n0 200\n" + depotRow + " 1 1 1 5 1e300 1 1 1 0 50\n")?.description
            == "c0.txt:4: expected profit between 0 and 1e+12, found '1e300'")
        #expect(toptw("1 10 1 1\n0 200\n" + depotRow + " 1 1 1 5 10 1 1 1 0 1e19\n")?.description
            == "c0.txt:4: expected close between 0 and 1e+11, found '1e19'")
        #expect(toptw("1 10 1 1\n0 200\n 0 4e18 0 0 0 0 0 0 100\n 1 1 1 5 10 1 1 1 0 50\n")?.description
            == "c0.txt:3: expected x between -3e+10 and 3e+10, found '4e18'")
        #expect(toptw("1 10 1 1\n0 200\n" + depotRow + " 1 1 1 5 10 1 1 1 0 50\n", paths: 1_000_000_000)?.description
            == "c0.txt:0: expected 1 to 1000 paths, found 1000000000")
    }

    // MARK: The solver at the limits

    @Test func valuesAtTheLimitsSolveWithoutOverflow() throws {
        // Coordinates at ±3·10⁷ (Solomon's limit) and windows of 10⁸: scaled, a leg between
        // opposite corners is ~8.5·10¹¹, and the solver's sums must still not overflow.
        let rows = ["0 0 0 0 0 100000000 0"] + (1...6).map { k in
            "\(k) \(k % 2 == 0 ? 30000000 : -30000000) \(k % 3 == 0 ? 30000000 : -30000000) \(k) 0 100000000 \(k * 1000)"
        }
        let text = head + "  6         1000000000000\n" + columns + rows.joined(separator: "\n") + "\n"
        let p = try SolomonReader.parse(text, file: "edge.txt")
        #expect(p.dist(1, 6) > 800_000_000_000)
        let s = try RouteSolver.solve(p, RouteSolverOptions(seed: 1, iterations: 200))
        let v = RouteChecker.check(p, s)
        #expect(v.isFeasible, "\(v.violations)")
    }

    @Test func theSolverRefusesValuesBeyondTheLimits() {
        // The sum in RuinRecreate's neighbour lists overflowed on two distances of 4·10¹⁸.
        let n = 6
        var d = Array(repeating: 1, count: n * n)
        d[1] = 4_000_000_000_000_000_000
        let p = RoutingProblem(distance: d, time: d, size: n, stops: Array(1..<n), vehicles: [Vehicle(start: 0, end: 0, earliest: 0, latest: 10)])
        #expect(throws: RoutingError.self) { try RouteSolver.solve(p) }
        var many = RoutingProblem(distance: Array(repeating: 1, count: 4), time: Array(repeating: 1, count: 4), size: 2, stops: [1],
                                  vehicles: [Vehicle(start: 0, end: 0, earliest: 0, latest: 10)])
        many.vehicles = Array(repeating: many.vehicles[0], count: RoutingLimits.maxVehicles + 1)
        #expect(throws: RoutingError.self) { try RouteSolver.solve(many) }
    }

    @Test(arguments: [Double.nan, .infinity, 1e300, -1, 0])
    func theSolverRefusesAnUnusableTimeBudget(_ seconds: Double) {
        let p = RoutingProblem(distance: [0, 1, 1, 0], time: [0, 1, 1, 0], size: 2, stops: [1],
                               vehicles: [Vehicle(start: 0, end: 0, earliest: 0, latest: 10)])
        #expect(throws: RoutingError.self) { try RouteSolver.solve(p, RouteSolverOptions(seed: 1, iterations: .max, seconds: seconds)) }
    }

    @Test func aFolderIsNotAnInstanceFile() {
        let e = failure { () throws(InstanceFormatError) in try TSPLIBReader.read(path: NSTemporaryDirectory()) }
        #expect(e?.description.hasSuffix("expected a file, found a folder") == true)
    }
}
