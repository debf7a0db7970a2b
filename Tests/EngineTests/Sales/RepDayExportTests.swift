import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Core
import Sales

@Suite struct RepDayExportTests {
    static let date = CivilDate.days(year: 2026, month: 3, day: 2)

    /// Three stops on 2 March 2026 at +01:00: escaping of `;,\` and newline, a name long
    /// enough to fold, an id that needs %-encoding in the UID, and `&<>"` for the XML.
    static func day() throws -> RepDayExport.Day {
        let zone = try DeskTimeZone.parse("+01:00")
        func at(_ h: Int, _ m: Int) -> Int64 { RepDayExport.utc(date: date, secondsAfterMidnight: h * 3600 + m * 60, zone: zone) }
        let stops = [
            RepDayExport.Stop(id: "A1", name: "Bar Sants; Café, Sala \\ 2", lat: 41.375, lon: 2.1345678, start: at(9, 0), end: at(9, 45),
                              note: "Churn 0.82, call first\nbring prices"),
            RepDayExport.Stop(id: "ACC 2/ü", name: "Distribuciones Industriales del Vallès Occidental y Baix Llobregat, S.A.",
                              lat: 41.39, lon: 2.17, start: at(10, 30), end: at(11, 15)),
            RepDayExport.Stop(id: "A3", name: "Tom & Jerry <Shop> \"Ltd\"", lat: 41.4, lon: 2.19, start: at(12, 0), end: at(12, 45),
                              note: "NBA 91st percentile"),
        ]
        return RepDayExport.Day(runId: 3, repId: "R01", repName: "Ana Ruiz", homeLat: 41.38, homeLon: 2.15, date: date,
                                stamp: Int64(CivilDate.days(year: 2026, month: 3, day: 1)) * 86_400 + 18 * 3600, stops: stops)
    }

    @Test func icsIsTheExpectedCalendar() throws {
        let expected = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OpsDeck//Route day//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Ana Ruiz · 2026-03-02",
            "BEGIN:VEVENT", "UID:run3-R01-2026-03-02-A1@opsdeck", "DTSTAMP:20260301T180000Z", "DTSTART:20260302T080000Z",
            "DTEND:20260302T084500Z", "SUMMARY:Visit Bar Sants\\; Café\\, Sala \\\\ 2", "LOCATION:41.375000\\,2.134568",
            "GEO:41.375000;2.134568", "DESCRIPTION:Churn 0.82\\, call first\\nbring prices", "END:VEVENT",
            "BEGIN:VEVENT", "UID:run3-R01-2026-03-02-ACC%202%2F%C3%BC@opsdeck", "DTSTAMP:20260301T180000Z",
            "DTSTART:20260302T093000Z", "DTEND:20260302T101500Z",
            "SUMMARY:Visit Distribuciones Industriales del Vallès Occidental y Baix Llo", " bregat\\, S.A.",
            "LOCATION:41.390000\\,2.170000", "GEO:41.390000;2.170000", "END:VEVENT",
            "BEGIN:VEVENT", "UID:run3-R01-2026-03-02-A3@opsdeck", "DTSTAMP:20260301T180000Z", "DTSTART:20260302T110000Z",
            "DTEND:20260302T114500Z", "SUMMARY:Visit Tom & Jerry <Shop> \"Ltd\"", "LOCATION:41.400000\\,2.190000",
            "GEO:41.400000;2.190000", "DESCRIPTION:NBA 91st percentile", "END:VEVENT",
            "END:VCALENDAR",
        ]
        #expect(RepDayCalendar.ics(try Self.day()) == expected.map { $0 + "\r\n" }.joined())
    }

    @Test func icsLinesAreCRLFFoldedAndUnfoldBack() throws {
        let text = RepDayCalendar.ics(try Self.day())
        let bytes = Array(text.utf8)
        // Every LF is preceded by CR, and the file ends with CRLF.
        for (k, b) in bytes.enumerated() where b == 10 { #expect(k > 0 && bytes[k - 1] == 13) }
        #expect(text.hasSuffix("\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for line in physical { #expect(line.utf8.count <= 75, "\(line)") }
        // Unfolding (RFC 5545 §3.1: CRLF followed by one space) gives back whole content lines.
        let logical = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(logical.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        let summaries = logical.filter { $0.hasPrefix("SUMMARY:") }.map { unescape(String($0.dropFirst(8))) }
        let names = try Self.day().stops.map { "Visit " + $0.name }
        #expect(summaries == names)
        let notes = logical.filter { $0.hasPrefix("DESCRIPTION:") }.map { unescape(String($0.dropFirst(12))) }
        #expect(notes == ["Churn 0.82, call first\nbring prices", "NBA 91st percentile"])
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        let folded = RepDayCalendar.fold(String(repeating: "a", count: 74) + "é" + String(repeating: "b", count: 80))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.map(\.utf8.count) == [74, 75, 9])
        #expect(lines[1].hasPrefix(" é"))
        #expect(RepDayCalendar.fold("short") == "short\r\n")
    }

    @Test func escapingHandlesCRLFAndControls() {
        #expect(RepDayCalendar.escape("a\r\nb\rc\nd\u{7}e") == "a\\nb\\nc\\nde")
        #expect(RepDayGPX.escape("a'b\u{1}c") == "a&apos;bc")
    }

    @Test func gpxIsTheExpectedFile() throws {
        let expected = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="OpsDeck" xmlns="http://www.topografix.com/GPX/1/1">
          <metadata>
            <name>Ana Ruiz · 2026-03-02</name>
            <time>2026-03-01T18:00:00Z</time>
          </metadata>
          <wpt lat="41.375000" lon="2.134568">
            <time>2026-03-02T08:00:00Z</time>
            <name>Bar Sants; Café, Sala \\ 2</name>
            <desc>Churn 0.82, call first
        bring prices</desc>
          </wpt>
          <wpt lat="41.390000" lon="2.170000">
            <time>2026-03-02T09:30:00Z</time>
            <name>Distribuciones Industriales del Vallès Occidental y Baix Llobregat, S.A.</name>
          </wpt>
          <wpt lat="41.400000" lon="2.190000">
            <time>2026-03-02T11:00:00Z</time>
            <name>Tom &amp; Jerry &lt;Shop&gt; &quot;Ltd&quot;</name>
            <desc>NBA 91st percentile</desc>
          </wpt>
          <rte>
            <name>Ana Ruiz · 2026-03-02</name>
            <rtept lat="41.380000" lon="2.150000">
              <name>Home</name>
            </rtept>
            <rtept lat="41.375000" lon="2.134568">
              <time>2026-03-02T08:00:00Z</time>
              <name>Bar Sants; Café, Sala \\ 2</name>
            </rtept>
            <rtept lat="41.390000" lon="2.170000">
              <time>2026-03-02T09:30:00Z</time>
              <name>Distribuciones Industriales del Vallès Occidental y Baix Llobregat, S.A.</name>
            </rtept>
            <rtept lat="41.400000" lon="2.190000">
              <time>2026-03-02T11:00:00Z</time>
              <name>Tom &amp; Jerry &lt;Shop&gt; &quot;Ltd&quot;</name>
            </rtept>
            <rtept lat="41.380000" lon="2.150000">
              <name>Home</name>
            </rtept>
          </rte>
        </gpx>

        """
        #expect(RepDayGPX.gpx(try Self.day()) == expected)
    }

    @Test func gpxIsWellFormedAndNamesParseBack() throws {
        let day = try Self.day()
        let collector = GPXCollector()
        let parser = XMLParser(data: Data(RepDayGPX.gpx(day).utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(collector.count["wpt"] == 3)
        #expect(collector.count["rtept"] == 5)
        #expect(collector.count["rte"] == 1)
        let wptNames = collector.names.filter { $0.parent == "wpt" }.map(\.text)
        #expect(wptNames == day.stops.map(\.name))
        let route = collector.names.filter { $0.parent == "rtept" }.map(\.text)
        #expect(route == ["Home"] + day.stops.map(\.name) + ["Home"])
    }

    @Test func engineVisitsBecomeStopsInSequenceOnTheDesksClock() throws {
        let zone = try DeskTimeZone.parse("+02:00")
        func visit(_ seq: Int, _ account: Int, start: Int) -> FieldRoutes.Visit {
            FieldRoutes.Visit(rep: 0, day: 0, sequence: seq, account: account, arrivalMinute: start / 60, prize: 50, fillIn: false,
                              time: FieldStopTime(node: seq, travelSeconds: 600, travelKm: 4, lunchSeconds: 0, arrival: start - 60,
                                                  start: start, end: start + 2700))
        }
        let stops = RepDayExport.stops([visit(2, 1, start: 36_000), visit(1, 0, start: 32_400)], date: Self.date, zone: zone,
                                       id: { "A\($0)" }, name: { "Shop \($0)" }, note: { _ in "" }, lat: [41.0, 41.1], lon: [2.0, 2.1])
        #expect(stops.map(\.id) == ["A0", "A1"])
        #expect(stops[0].start == Int64(Self.date) * 86_400 + 7 * 3600)
        #expect(stops[0].end - stops[0].start == 2700)
        #expect(stops[1].lat == 41.1)
    }

    func unescape(_ s: String) -> String {
        var out = "", escaped = false
        for c in s {
            if escaped { out.append(c == "n" || c == "N" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}

/// Element counts and each `<name>`'s text with its parent element.
final class GPXCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var count: [String: Int] = [:]
    var names: [(parent: String, text: String)] = []
    private var stack: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        count[elementName, default: 0] += 1
        stack.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
        if elementName == "name" { names.append((stack.last ?? "", text)) }
        text = ""
    }
}
