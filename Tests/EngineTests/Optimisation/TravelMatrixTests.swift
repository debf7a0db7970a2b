import Foundation
import Testing
import Core
import Optimisation

@Suite struct TravelMatrixTests {
    /// The shape of a real OSRM `table` reply (annotations=duration,distance), with OpsDeck's `ids`.
    static let osrmJSON = """
    {"code":"Ok",
     "durations":[[0,612.4,null],[598.1,0,903.0],[null,880.5,0]],
     "distances":[[0,5120.3,null],[5003.9,0,9100.2],[null,8840.0,0]],
     "sources":[{"hint":"abc","distance":4.1,"name":"Carrer de Sants","location":[2.13,41.37]},
                {"hint":"def","distance":1.2,"name":"","location":[2.17,41.39]},
                {"hint":"ghi","distance":0.0,"name":"Diagonal","location":[2.19,41.40]}],
     "destinations":[{"hint":"abc","distance":4.1,"name":"Carrer de Sants","location":[2.13,41.37]},
                     {"hint":"def","distance":1.2,"name":"","location":[2.17,41.39]},
                     {"hint":"ghi","distance":0.0,"name":"Diagonal","location":[2.19,41.40]}],
     "ids":["R01","A1","A2"]}
    """

    @Test func readsOSRMTableWithNullsAsUnreachable() throws {
        let m = try TravelMatrix.osrm(Data(Self.osrmJSON.utf8), file: "t.json")
        #expect(m.seconds(from: "R01", to: "A1") == 612)
        #expect(m.seconds(from: "A1", to: "R01") == 598)
        #expect(m.seconds(from: "A1", to: "A2") == 903)
        #expect(m.cell(from: "A2", to: "A1")?.meters == 8840)
        #expect(m.cell(from: "R01", to: "A2") == TravelMatrix.Cell(seconds: nil, meters: nil))
        #expect(m.seconds(from: "R01", to: "A2") == nil)
        #expect(m.seconds(from: "A9", to: "A9") == 0)
        #expect(m.count == 9)
    }

    @Test func explicitIdsOverrideAndMustMatchRows() throws {
        let m = try TravelMatrix.osrm(Data(Self.osrmJSON.utf8), file: "t.json", rowIds: ["h", "x", "y"])
        #expect(m.seconds(from: "h", to: "x") == 612)
        #expect(throws: InputError(file: "t.json", line: 0, column: 0, "durations: expected 2 rows (one per row id), found 3")) {
            try TravelMatrix.osrm(Data(Self.osrmJSON.utf8), file: "t.json", rowIds: ["h", "x"], columnIds: ["h", "x", "y"])
        }
    }

    @Test func refusesBadOSRMReplies() {
        func message(_ json: String) -> String {
            do { _ = try TravelMatrix.osrm(Data(json.utf8), file: "t.json", rowIds: ["a", "b"]); return "" } catch { return error.message }
        }
        #expect(message(#"{"code":"NoTable","message":"no route"}"#) == #"code: expected "Ok", found "NoTable" (no route)"#)
        #expect(message(#"{"code":"Ok"}"#) == "durations: expected the table's durations (annotations=duration)")
        #expect(message(#"{"code":"Ok","durations":[[0,-3],[1,0]]}"#) == "durations[0][1]: expected seconds of 0 or more, found -3.000")
        #expect(message(#"{"code":"Ok","durations":[[0,1],[1]]}"#) == "durations[1]: expected 2 cells (one per column id), found 1")
        #expect(message(#"{"code":"Ok","durations":[[0,"x"],[1,0]]}"#) == "durations[0][1]: expected a number or null")
        #expect(message(#"{"code":"Ok","durations":[[0,900000],[1,0]]}"#).hasPrefix("durations[0][1]: expected seconds of at most 604800"))
        #expect(message("{\"code\":") .hasPrefix("JSON: expected valid JSON"))
    }

    @Test func readsCSVWithHeaderMetersAndGaps() throws {
        let text = "from,to,seconds,meters\nR01,A1,600,5100\nA1,R01,590.6,\nA1,A2,,\n"
        let m = try TravelMatrix.csv(CSVReader(text: text, name: "t.csv"))
        #expect(m.seconds(from: "R01", to: "A1") == 600)
        #expect(m.cell(from: "R01", to: "A1")?.meters == 5100)
        #expect(m.seconds(from: "A1", to: "R01") == 591)
        #expect(m.cell(from: "A1", to: "A2") == TravelMatrix.Cell(seconds: nil, meters: nil))
        #expect(m.cell(from: "A2", to: "A1") == nil)
    }

    @Test func refusesBadCSVWithLineAndColumn() {
        func error(_ text: String) -> InputError? {
            do { _ = try TravelMatrix.csv(CSVReader(text: text, name: "t.csv")); return nil } catch { return error }
        }
        let negative = error("a,b,10\nb,a,-1\n")
        #expect(negative?.line == 2)
        #expect(negative?.message == "expected seconds of 0 or more, found -1.000")
        #expect(error("a,b,nan\n")?.message == "expected seconds as a finite number, found nan")
        #expect(error("a,b,inf\n")?.message == "expected seconds as a finite number, found inf")
        #expect(error("a,b,ten\n")?.message == "expected seconds as a number, found 'ten'")
        #expect(error("a,b\n")?.message == "expected 3 or 4 fields (from,to,seconds[,meters]), found 2")
        #expect(error("a,b,1\na,b,2\n")?.message == "expected each from,to pair once; 'a' → 'b' was given before")
        #expect(error("from,to,minutes\n")?.message == "expected the header from,to,seconds[,meters]")
        #expect(error(",b,1\n")?.message == "expected an account or rep id in 'from'")
    }

    @Test func matrixFallsBackToTheModelAndCounts() throws {
        let m = try TravelMatrix.csv(CSVReader(text: "H,A,700\nA,H,710\nA,B,\n", name: "t.csv"))
        let model = TravelModel()
        let lat = [41.38, 41.39, 41.40], lon = [2.15, 2.17, 2.19]
        let (s, fellBack) = m.matrix(ids: ["H", "A", "B"], lat: lat, lon: lon, fallback: model)
        #expect(s[0 * 3 + 1] == 700 && s[1 * 3 + 0] == 710)
        #expect(s[1 * 3 + 2] == RoutingLimits.maxValue)
        #expect(s[0 * 3 + 2] == model.seconds(lat[0], lon[0], lat[2], lon[2]))
        #expect(s[2 * 3 + 0] == model.seconds(lat[2], lon[2], lat[0], lon[0]))
        #expect(s[2 * 3 + 1] == model.seconds(lat[2], lon[2], lat[1], lon[1]))
        #expect(fellBack == 3)
        #expect(s[0] == 0 && s[4] == 0 && s[8] == 0)
    }

    @Test func readsFilesByExtensionWithAnIdsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("travel-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("t.json"), ids = dir.appendingPathComponent("ids.txt"), csv = dir.appendingPathComponent("t.csv")
        try Data(#"{"code":"Ok","durations":[[0,5],[6,0]]}"#.utf8).write(to: json)
        try Data("H\nA\n".utf8).write(to: ids)
        try Data("H,A,9\n".utf8).write(to: csv)
        #expect(try TravelMatrix.read(path: json.path, ids: ids.path).seconds(from: "A", to: "H") == 6)
        #expect(try TravelMatrix.read(path: csv.path).seconds(from: "H", to: "A") == 9)
        #expect(throws: InputError.self) { try TravelMatrix.read(path: dir.path) }
    }
}
