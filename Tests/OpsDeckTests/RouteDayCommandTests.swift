import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `opsdeck route-day` on a small run: the saved day of one rep as iCalendar and GPX, and
/// one-line errors for an unknown rep or day.
@Suite(.enabled(if: CommandProcess.binary != nil, CommandProcess.skipReason))
struct RouteDayCommandTests {
    @Test func writesTheSavedDayAsICSAndGPX() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        let run = try s.run(["run", "--customers", "600", "--tickets", "2000", "--reps", "4"])
        #expect(run.status == 0, "\(run.err)")
        let routes = try s.run(["export", "routes"])
        // The busiest day of the first rep with visits: rows "rep,day,sequence,account,…".
        let rows = routes.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rep = try #require(rows.first?[0])
        let day = try #require(rows.first?[1])
        let accounts = rows.filter { $0[0] == rep && $0[1] == day }.sorted { Int($0[2]) ?? 0 < Int($1[2]) ?? 0 }.map { $0[3] }
        #expect(!accounts.isEmpty)

        let ics = try s.run(["route-day", "--rep", rep, "--day", day, "--format", "ics", "--timezone", "Europe/Madrid"])
        #expect(ics.status == 0, "\(ics.err)")
        #expect(ics.out.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.out.hasSuffix("END:VCALENDAR\r\n"))
        for line in ics.out.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75 && !line.contains("\n")) }
        let unfolded = ics.out.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0.hasPrefix("SUMMARY:") } == accounts.map { "SUMMARY:Visit " + $0 })
        #expect(unfolded.filter { $0.hasPrefix("DTSTART:") }.allSatisfy { $0.count == 24 && $0.hasSuffix("Z") })

        let out = s.path("day.gpx")
        let gpx = try s.run(["route-day", "--rep", rep, "--day", day, "--format", "gpx", "--out", out])
        #expect(gpx.status == 0, "\(gpx.err)")
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: out)))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.components(separatedBy: "<wpt ").count - 1 == accounts.count)
        #expect(text.components(separatedBy: "<rtept ").count - 1 == accounts.count + 2)
    }

    @Test func unknownRepOrDayIsOneLineAndExitOne() throws {
        let s = try CommandProcess()
        defer { s.clean() }
        #expect(try s.run(["run", "--customers", "300", "--tickets", "1000", "--reps", "3"]).status == 0)
        let rep = try s.run(["route-day", "--rep", "NOPE", "--format", "ics"])
        #expect(rep.status == 1)
        #expect(rep.errLines.count == 1)
        #expect(rep.err.contains("no rep 'NOPE' in run 1; reps are e.g. R001, R002, R003 (3 in all)"), "\(rep.err)")
        let day = try s.run(["route-day", "--rep", "R001", "--day", "0", "--format", "gpx"])
        #expect(day.status == 1)
        #expect(day.errLines == ["opsdeck: --day: expected a day of the plan from 1 to 5, found 0"])
    }
}
