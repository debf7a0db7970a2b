import Testing
import Core

@Suite struct TimeFormatTests {
    /// UTC seconds of a civil time, the expected side of every check.
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
        Int64(CivilDate.days(year: y, month: mo, day: d)) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    static func read(_ text: String, _ order: DateOrder? = nil, zone: DeskTimeZone = .utc) -> Int64? {
        TimeFormat(order: order).utcSeconds(text, zone: zone)
    }

    @Test func helpDeskExportsReadToTheSameInstant() {
        let t = Self.utc(2024, 3, 5, 14, 7, 22)
        #expect(Self.read("2024-03-05T14:07:22Z") == t)                 // Zendesk
        #expect(Self.read("2024-03-05 15:07:22 +0100") == t)            // Freshdesk
        #expect(Self.read("2024-03-05T14:07:22.000+0000") == t)         // Salesforce
        #expect(Self.read("2024-03-05T14:07:22.123Z") == t)             // HubSpot
        #expect(Self.read("1709647642123") == t)                        // HubSpot, Unix ms
        #expect(Self.read("1709647642") == t)                           // Unix seconds
        #expect(Self.read("2024-03-05 14:07:22") == t)                  // ServiceNow, desk zone UTC
        #expect(Self.read("2024-03-05T16:07:22+02:00") == t)
        #expect(Self.read("2024-03-05T09:07:22-05") == t)
        #expect(Self.read("Tue, 05 Mar 2024 14:07:22 GMT") == t)
        let m = Self.utc(2024, 3, 5, 14, 7)
        #expect(Self.read("05/03/2024 14:07", .dmy) == m)               // Freshdesk day first
        #expect(Self.read("03/05/2024 2:07 PM", .mdy) == m)
        #expect(Self.read("05/Mar/24 2:07 PM") == m)                    // Jira
        #expect(Self.read("Mar 5, 2024 2:07 pm") == m)
        #expect(Self.read("5 March 2024 14:07") == m)
        #expect(Self.read("05.03.2024 14:07") == m)
        #expect(Self.read("2024/03/05 14:07") == m)
        #expect(Self.read("2024-3-5 14:07") == m)
    }

    @Test func oneDigitHoursDaysAndMonths() {
        #expect(Self.read("2023-06-01 7:29") == Self.utc(2023, 6, 1, 7, 29))
        #expect(Self.read("1/6/2023 7:29", .dmy) == Self.utc(2023, 6, 1, 7, 29))
        #expect(Self.read("6/1/2023 7:29", .mdy) == Self.utc(2023, 6, 1, 7, 29))
        #expect(Self.read("1.6.2023") == Self.utc(2023, 6, 1))
    }

    @Test func calendarEdges() {
        #expect(Self.read("2024-02-29") == Self.utc(2024, 2, 29))
        #expect(Self.read("2023-02-29") == nil)
        #expect(Self.read("2000-02-29") != nil)
        #expect(Self.read("1900-02-29") == nil)
        #expect(Self.read("31/04/2024", .dmy) == nil)
        #expect(Self.read("30/04/2024", .dmy) == Self.utc(2024, 4, 30))
        #expect(Self.read("2024-12-31 23:59:59") == Self.utc(2024, 12, 31, 23, 59, 59))
        #expect(Self.read("2024-13-01") == nil)
        #expect(Self.read("2024-01-01 24:00") == nil)
        #expect(Self.read("2024-01-01 12:60") == nil)
    }

    @Test func twelveHourClock() {
        #expect(Self.read("2024-03-05 12:00 AM") == Self.utc(2024, 3, 5, 0))
        #expect(Self.read("2024-03-05 12:30 PM") == Self.utc(2024, 3, 5, 12, 30))
        #expect(Self.read("2024-03-05 1:00 AM") == Self.utc(2024, 3, 5, 1))
        #expect(Self.read("2024-03-05 11:59:59 p.m.") == Self.utc(2024, 3, 5, 23, 59, 59))
        #expect(Self.read("2024-03-05 0:30 AM") == nil)
        #expect(Self.read("2024-03-05 13:00 PM") == nil)
    }

    @Test func offsetsCrossingMidnightAndTheYear() {
        #expect(Self.read("2024-03-05T23:30:00-02:00") == Self.utc(2024, 3, 6, 1, 30))
        #expect(Self.read("2024-03-06T00:30:00+01:00") == Self.utc(2024, 3, 5, 23, 30))
        #expect(Self.read("2025-01-01T00:15:00+05:30") == Self.utc(2024, 12, 31, 18, 45))
        #expect(Self.read("2024-03-01T00:00:00+01:00") == Self.utc(2024, 2, 29, 23))
        #expect(Self.read("2024-03-05T14:07:22+15:00") == nil)
    }

    @Test func twoDigitYearPivot() {
        #expect(Self.read("05/Mar/68") == Self.utc(2068, 3, 5))
        #expect(Self.read("05/Mar/69") == Self.utc(1969, 3, 5))
        #expect(Self.read("05/Mar/00") == Self.utc(2000, 3, 5))
    }

    @Test func unixByMagnitude() {
        #expect(Self.read("100000000") == 100_000_000)
        #expect(Self.read("99999999999") == 99_999_999_999)                  // still seconds
        #expect(Self.read("100000000000") == 100_000_000)                    // milliseconds from here
        #expect(Self.read("-1000000000") == -1_000_000_000)
        #expect(Self.read("12345678") == nil)                                // too short to be a time
        #expect(Self.read("1709647642.75") == 1_709_647_642)
    }

    @Test func garbageIsNil() {
        for s in ["", "abc", "2024-03", "2024-03-05 14", "2024-03-05x", "2024-03-05 14:07 XYZ", "Foo 5, 2024",
                  "2024-03-05T14:07:22Zjunk", "05/Mar", "1e10", "03/04/2024"] {
            #expect(Self.read(s) == nil, "\(s)")
        }
    }

    @Test func legacyParseTimestampKeepsItsCallers() {
        #expect(CivilDate.parseTimestamp("2023-06-01 7:29") == Self.utc(2023, 6, 1, 7, 29))
        #expect(CivilDate.parseTimestamp("2023-06-01T12:15:30.5Z") == Self.utc(2023, 6, 1, 12, 15, 30))
        #expect(CivilDate.parseTimestamp("1709647642") == nil)
        #expect(CivilDate.parseTimestamp("01/06/2023") == nil)
        #expect(CivilDate.parseDay("2024-02-29") == CivilDate.days(year: 2024, month: 2, day: 29))
    }

    // MARK: - Detection

    private func detect(_ cells: [String], order: DateOrder? = nil, sample: Int = 1000) throws(InputError) -> TimeFormat {
        var d = TimeFormatDetector(file: "t.csv", column: "created_at", order: order, sample: sample)
        for (k, c) in cells.enumerated() {
            var s = c
            s.withUTF8 { d.observe($0, line: k + 2, column: 5) }
        }
        return try d.finish()
    }

    @Test func ambiguousSlashDatesNameARow() throws {
        let e = #expect(throws: InputError.self) { try detect(["", "03/04/2024 10:00", "05/06/2024", "07/07/2024"]) }
        #expect(e?.line == 3)
        #expect(e?.column == 5)
        #expect(e?.message == "created_at: '03/04/2024 10:00' could be 3 April or 4 March (no date in the column has a day above 12); pass --date-order dmy or mdy")
        #expect(e?.description.hasPrefix("t.csv:3:5: created_at:") == true)
        #expect(try detect(["03/04/2024"], order: .mdy).order == .mdy)
        #expect(try detect(["03/04/2024"], order: .mdy).name == "MM/DD/YYYY (month first, as --date-order mdy)")
    }

    @Test func aDayAboveTwelveProvesTheOrder() throws {
        var d = TimeFormatDetector(file: "t.csv", column: "c")
        for (k, c) in ["03/04/2024 9:15", "13/04/2024 10:00", "01/02/2024 8:00"].enumerated() {
            var s = c
            s.withUTF8 { d.observe($0, line: k + 2, column: 1) }
        }
        #expect(d.proofLine == 3)
        let f = try d.finish()
        #expect(f.order == .dmy)
        #expect(f.name == "DD/MM/YYYY HH:MM (day first, line 3 has '13/04/2024 10:00')")
        #expect(try detect(["04/13/2024"]).order == .mdy)
        let e = #expect(throws: InputError.self) { try detect(["13/04/2024", "x", "04/13/2024"]) }
        #expect(e?.line == 4)
        // Impossible dates prove nothing and are not the ambiguous example either.
        #expect(try detect(["00/05/2024", "13/00/2024", "45/04/2024", "14/04/2024"]).order == .dmy)
        #expect(try detect(["00/05/2024", "13/00/2024"]).order == nil)
    }

    @Test func detectorStopsEarlyOnceNothingIsLeftToProve() throws {
        var d = TimeFormatDetector(file: "t.csv", column: "c", sample: 3)
        var fed = 0
        for k in 0..<1_000_000 {
            if d.isSettled { break }
            var s = "2024-03-0\(k % 9 + 1)T10:00:00Z"
            s.withUTF8 { d.observe($0, line: k + 2, column: 1) }
            fed += 1
        }
        #expect(fed == 3)
        #expect(try d.finish().name == "ISO 8601 with zone (YYYY-MM-DD HH:MM:SS ±hh:mm)")
        // Ambiguous dates keep it reading until a day above 12 shows up.
        var a = TimeFormatDetector(file: "t.csv", column: "c", sample: 2)
        for (k, c) in ["01/02/2024", "02/03/2024", "03/04/2024", "25/12/2024", "04/05/2024"].enumerated() {
            if a.isSettled { break }
            var s = c
            s.withUTF8 { a.observe($0, line: k + 2, column: 1) }
            fed = k + 1
        }
        #expect(fed == 4)
        #expect(a.order == .dmy)
    }

    @Test func formatNamesForTheReport() throws {
        #expect(try detect(["1709647642"]).name == "Unix seconds")
        #expect(try detect(["1709647642000"]).name == "Unix milliseconds")
        #expect(try detect(["2023-06-01 7:29", "2023-06-01"]).name == "ISO 8601 without zone (desk's local time) (YYYY-MM-DD HH:MM)")
        #expect(try detect(["05/Mar/24 2:07 PM"]).name == "DD/Mon/YY h:MM AM/PM")
        #expect(try detect(["05.03.2024 14:07"]).name == "DD.MM.YYYY HH:MM (day first)")
        #expect(try detect(["2024-03-05T14:07:22Z", "1709647642"]).name == "ISO 8601 with zone (YYYY-MM-DD HH:MM:SS ±hh:mm); 1 cell in other layouts")
    }
}

extension TimeFormatTests {
    @Test func prePassOverAReopenedReaderThenInlineParsing() throws {
        var text = "id,created_at,resolved_at\n"
        for i in 1...50 { text += "\(i),0\(i % 9 + 1)/0\(i % 7 + 1)/2024 9:0\(i % 10),\(i == 40 ? "25/03/2024 10:00" : "")\n" }
        text += "51,01/02/2024 8:00,02/02/2024 9:00\n"
        let reader = CSVReader(text: text, name: "t.csv")
        #expect(try reader.next())  // header
        // Ambiguous in created_at: the pre-pass names the first row that reads both ways.
        let e = #expect(throws: InputError.self) {
            _ = try TimeFormatDetector.detect(reader.reopened(), columns: [(1, "created_at")])
        }
        #expect(e?.line == 8)  // rows 2–7 read the same either way (02/02, 03/03, …)
        let pre = try reader.reopened()
        _ = try pre.next()
        let formats = try TimeFormatDetector.detect(pre, columns: [(1, "created_at"), (2, "resolved_at")], order: .dmy)
        #expect(formats.map(\.order) == [.dmy, .dmy])
        #expect(formats[1].name == "DD/MM/YYYY HH:MM (day first, as --date-order dmy)")
        let created = TimeReader(format: formats[0], zone: .utc)
        var last: Int64?
        while try reader.next() { last = reader.withTrimmedBytes(1) { created.utcSeconds($0) } }
        #expect(last == Self.utc(2024, 2, 1, 8, 0))
    }
}
