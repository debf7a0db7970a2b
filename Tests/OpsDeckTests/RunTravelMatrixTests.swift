import Foundation
import Testing

/// `opsdeck run --travel-matrix FILE` on the built binary: bad input is one line naming the
/// file and where, exit 1, and nothing is saved; a good file is taken and counted in the trace.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct RunTravelMatrixTests {
    @Test func aBadMatrixIsOneClearErrorAndAGoodOneFeedsTheRoutes() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let bad = s.path("bad.csv")
        try "from,to,seconds\nR001,C0000001,600\nR001,C0000002,ten\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try s.run(["run", "--customers", "300", "--tickets", "300", "--reps", "3", "--travel-matrix", bad])
        #expect(refused.status == 1)
        let lines = refused.err.split(separator: "\n")
        #expect(lines.count == 1, "\(refused.err)")
        #expect(refused.err.contains("bad.csv:3:") && refused.err.contains("expected seconds as a number, found 'ten'"))
        let json = s.path("bad.json")
        try #"{"code":"Ok","ids":["R001","C0000001"],"durations":[[0,60],[60]]}"#.write(toFile: json, atomically: true, encoding: .utf8)
        let short = try s.run(["run", "--customers", "300", "--tickets", "300", "--reps", "3", "--travel-matrix", json])
        #expect(short.status == 1)
        #expect(short.err.contains("bad.json") && short.err.contains("durations[1]: expected 2 cells"), "\(short.err)")

        let good = s.path("m.csv")
        try "from,to,seconds\nR001,C0000001,600\n".write(toFile: good, atomically: true, encoding: .utf8)
        let run = try s.run(["run", "--customers", "300", "--tickets", "300", "--reps", "3", "--travel-matrix", good])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("travel matrix: CSV \(good), 1 pairs"))
        #expect(run.out.contains("legs estimated (not in the matrix)"))
    }
}
