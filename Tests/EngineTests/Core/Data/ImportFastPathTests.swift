import Testing
import BenchSupport
import Core

/// Issue 16's faster import reads the same tickets as before: each shortcut (the word-at-a-time
/// cell scan, fixed-place ISO times and whole-number durations, the id table's hash, the
/// arrays reserved from the file's size) is checked against the general path it skips, and a
/// whole Zendesk-shaped file with every awkward cell against the digest the build before the
/// change (f9830e2) gave for it (`opsdeck bench import FILE --kind tickets --digest`).
@Suite struct ImportFastPathTests {
    /// A fixed-seed generator (tests only; the engine's RNG is not needed for test data).
    private struct LCG {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func wordScanFindsTheSameDelimitersAsBytes() {
        var rng = LCG(state: 7)
        let alphabet: [UInt8] = [44, 10, 13, 34, 32, 0x41, 0x7A, 0x30, 0xC3, 0xA9, 0x80, 0xFF, 0x2B, 0x0B, 0x0C, 0x2D]
        for _ in 0..<3000 {
            let n = rng.next(40)
            var bytes = (0..<n).map { _ in rng.next(4) == 0 ? alphabet[rng.next(alphabet.count)] : alphabet[4 + rng.next(alphabet.count - 4)] }
            if rng.next(3) == 0 { bytes = bytes.map { $0 == 44 || $0 == 10 || $0 == 13 ? 0x61 : $0 } }
            let from = n == 0 ? 0 : rng.next(n + 1)
            bytes.withUnsafeBufferPointer { p in
                var naive = from
                while naive < n, p[naive] != 44, p[naive] != 10, p[naive] != 13 { naive += 1 }
                let (at, found) = CSVScanner.scanUnquoted(p, from: from, to: n)
                #expect(at == naive)
                #expect(found == (naive < n))
            }
        }
    }

    @Test func isoZuluAgreesWithTheGeneralParser() {
        var cells = ["2024-02-05T02:24:32Z", "2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2024-13-01T00:00:00Z",
                     "2024-00-10T00:00:00Z", "2024-04-31T00:00:00Z", "2024-04-30T24:00:00Z", "2024-04-30T23:60:00Z",
                     "2024-04-30T23:59:60Z", "2024-04-30t23:59:59Z", "2024-04-30T23:59:59z", "2024-04-30 23:59:59Z",
                     "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2100-02-29T00:00:00Z", "2000-02-29T12:00:00Z",
                     "2024-4-30T23:59:59ZZ", "2024-04-30T23:59:5xZ", "20240430T23:59:59Z00", "9999-12-31T23:59:59Z"]
        var rng = LCG(state: 11)
        for _ in 0..<4000 {
            let digits = (0..<14).map { _ in String(rng.next(10)) }
            cells.append("\(digits[0..<4].joined())-\(digits[4..<6].joined())-\(digits[6..<8].joined())T"
                         + "\(digits[8..<10].joined()):\(digits[10..<12].joined()):\(digits[12..<14].joined())Z")
        }
        for cell in cells {
            var text = cell
            text.withUTF8 { b in
                let general = TimeParser.scan(b).flatMap { $0.seconds(order: nil) }.flatMap { $0.isUTC ? $0.seconds : nil }
                if let fast = TimeParser.isoZulu(b) {
                    #expect(fast == general, "\(cell)")
                    #expect(fast == CivilDate.parseTimestamp(bytes: b), "\(cell)")
                    #expect(fast == TimeReader(format: TimeFormat(), zone: DeskTimeZone.fixed(seconds: 7200) ?? .utc).utcSeconds(b), "\(cell)")
                } else {
                    // Only cells the general path also refuses, or that are not this exact layout.
                    #expect(general == nil || cell.utf8.count != 20 || !cell.hasSuffix("Z") || cell.contains(" ") || cell.contains("t"), "\(cell)")
                }
            }
        }
    }

    @Test func idTableMatchesASetOfStrings() {
        var rng = LCG(state: 3)
        for round in 0..<6 {
            var set = RecordIdSet()
            var reference = Set<String>()
            var kept = [String]()
            let reserveAt = [0, 1, 500, 1025, 3000, -1][round]
            for i in 0..<6000 {
                if i == reserveAt { set.reserve(rng.next(20_000)) }
                let id: String
                switch rng.next(9) {
                case 0: id = String(100_000 + rng.next(4000))                            // numeric, repeats
                case 1: id = "00" + String(rng.next(300))                               // leading zeros: "007" is not "7"
                case 2: id = String(rng.next(300))
                case 3: id = "PROJ-\(rng.next(2000))"
                case 4: id = "INC\(String(repeating: "0", count: rng.next(4)))\(rng.next(900))"
                case 5: id = "ticket-\(["a", "b", "c", "d"][rng.next(4)])"              // no trailing number
                case 6: id = String(repeating: "9", count: 15 + rng.next(10)) + String(rng.next(10))  // longer than 18 digits
                case 7: id = "\(rng.next(50))-\(rng.next(50))"
                default: id = String(i)                                                  // in order
                }
                let new: Bool
                if rng.next(2) == 0 {
                    new = set.insert(id, rows: kept, idOf: { $0 })
                } else {
                    let probe = set.probe(id)
                    new = set.insert(id, probe, rows: kept, idOf: { $0 })
                }
                #expect(new == reference.insert(id).inserted, "\(id)")
                if new { kept.append(id) }
                // Late in one round an id outside ASCII moves the set onto Set<String>, as before.
                if round == 4 && i == 4000 {
                    let odd = "caf\u{E9}-\(i)"
                    let probe = set.probe(odd)
                    #expect(set.insert(odd, probe, rows: kept, idOf: { $0 }) == reference.insert(odd).inserted)
                    kept.append(odd)
                }
            }
            #expect(set.count == reference.count)
        }
    }

    @Test func anAbsurdReservationIsCapped() {
        // An estimate far above the real row count (first rows much shorter than the rest)
        // must not allocate a table of gigabytes: the id table caps at 4 M rows' worth.
        var set = RecordIdSet()
        set.reserve(Int(Int32.max))
        var kept = [String]()
        for id in ["1", "2", "1", "x"] where set.insert(id, rows: kept, idOf: { $0 }) { kept.append(id) }
        #expect(kept == ["1", "2", "x"])
    }

    @Test func wholeNumberDurationsReadAsBefore() throws {
        // reply_time_in_minutes cells against the old reading: Double(text), or H:MM[:SS].
        let cells = ["0", "007", "292", " 45 ", "1.5", "1:30", "2:05:09", "999999999999999", "16666666666", "16666666667",
                     "-3", "+4", "1e2", "abc", "", "12a", "0000000000000001"]
        var text = "id,created_at,requester_id,status,reply_time_in_minutes\n"
        for (i, c) in cells.enumerated() { text += "\(i + 1),2024-01-01T00:00:00Z,\(i),open,\(c)\n" }
        let r = try TicketCSV.read(CSVReader(text: text), options: .init())
        #expect(r.tickets.count == cells.count)
        for (t, c) in zip(r.tickets, cells) {
            let trimmed = c.trimmingSpaces
            var expected: Int64?
            if let v = Double(trimmed), v.isFinite, v >= 0, v * 60 < 1e12 {
                expected = Int64((v * 60).rounded())
            } else {
                let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
                if (2...3).contains(parts.count), let h = Int(parts[0]), h >= 0, h < 1_000_000, let m = Int(parts[1]), (0..<60).contains(m),
                   let s = parts.count == 3 ? Int(parts[2]) : 0, (0..<60).contains(s) {
                    expected = Int64(h * 3600 + m * 60 + s)
                }
            }
            let created = t.createdAt
            #expect(t.firstResponseAt == expected.map { created + $0 }, "\(c)")
        }
    }

    /// Zendesk's columns with every awkward cell: duplicate ids (also after the arrays are
    /// reserved), ids with leading zeros, missing and unreadable times, non-Z and impossible
    /// ISO times, durations of every kind, quoted cells with `""` and line ends, CRLF rows,
    /// labels with spaces, an id outside ASCII late in the file.
    static func awkwardZendesk(rows: Int) -> String {
        var rng = LCG(state: 16)
        let header = "id,created_at,updated_at,type,subject,description,status,priority,requester_id,submitter_id,assignee_id,"
            + "organization_id,group_id,via_channel,tags,solved_at,reply_time_in_minutes,first_resolution_time_in_minutes,"
            + "full_resolution_time_in_minutes,satisfaction_rating,custom_field_360001234567,custom_field_360009876543"
        var text = header + "\n"
        func iso(_ t: Int) -> String {
            let d = CivilDate.date(days: t / 86_400)
            let s = t % 86_400
            func p(_ v: Int, _ w: Int) -> String { let x = String(v); return String(repeating: "0", count: max(0, w - x.count)) + x }
            return "\(p(d.year, 4))-\(p(d.month, 2))-\(p(d.day, 2))T\(p(s / 3600, 2)):\(p(s / 60 % 60, 2)):\(p(s % 60, 2))Z"
        }
        for i in 0..<rows {
            let created = 1_704_067_200 + rng.next(90 * 86_400)
            var id = String(100_000 + i)
            switch rng.next(60) {
            case 0: id = String(100_000 + rng.next(max(1, i)))            // a duplicate of an earlier row
            case 1: id = "0" + id                                          // not the same id as without the zero
            case 2: id = ""
            case 3: id = "ZD-\(i)"
            default: break
            }
            if i == rows - 40 { id = "tick\u{E9}t-\(i)" }
            var createdText = iso(created)
            switch rng.next(40) {
            case 0: createdText = ""
            case 1: createdText = "2024-02-30T10:00:00Z"
            case 2: createdText = "2024-03-05 10:00:00"
            case 3: createdText = "2024-03-05T10:00:00+02:00"
            case 4: createdText = "yesterday"
            default: break
            }
            let solved = rng.next(3) > 0 ? created + 600 + rng.next(5 * 86_400) : nil
            let status = ["new", "open", "pending", "hold", "solved", "closed", "Solved ", "escalated"][rng.next(8)]
            let reply = ["", "292", "1.5", "1:30", "007", "-3", "x", String(rng.next(600))][rng.next(8)]
            let description = ["plain", "\"Line one, with a comma\nline two\"", "\"say \"\"hi\"\"\"", "\"\"", "caf\u{E9}"][rng.next(5)]
            let type = ["question", "incident", "problem", "task", "", " task "][rng.next(6)]
            let subject = "Subject \(rng.next(5000))"
            let priority = ["urgent", "high", "normal", "low", "", " High"][rng.next(6)]
            let requester = String(rng.next(1_000_000)), submitter = String(rng.next(1_000_000))
            let assignee = String(rng.next(500)), organization = String(9_000_000 + rng.next(2000))
            let group = String(rng.next(40))
            let channel = ["email", "web", "api", "chat", "voice", "mobile"][rng.next(6)]
            let tags = ["", "vip", "billing vip", "bug sso"][rng.next(4)]
            let solvedText = solved.map(iso) ?? ""
            let minutes = solved.map { String(($0 - created) / 60) } ?? ""
            let rating = ["good", "bad", "offered", "unoffered", "", "7", "11"][rng.next(7)]
            let custom1 = ["billing_portal", "mobile_app", "api", "dashboard"][rng.next(4)]
            let custom2 = ["EMEA", "AMER", "APAC", ""][rng.next(4)]
            var row: [String] = [id, createdText, iso(solved ?? created + 60), type, subject, description, status, priority]
            row += [requester, submitter, assignee, organization, group, channel, tags, solvedText, reply]
            row += [minutes, minutes, rating, custom1, custom2]
            text += row.joined(separator: ",") + (rng.next(10) == 0 ? "\r\n" : "\n")
        }
        return text
    }

    /// The bench's digest (`bench import --digest`).
    static func digest(_ r: TicketCSV.Result) -> String { ImportDigest.of(r) }

    static let goldenPath = "/tmp/opsdeck-import-golden.csv"

    @Test func awkwardFileImportsAsBeforeStreamedOrWhole() throws {
        let text = Self.awkwardZendesk(rows: 6000)
        let file = try CSVWriterTestFile(path: Self.goldenPath, text: text)
        // Digest of the build before issue 16's fast paths (f9830e2) on this file, so
        // every ticket, extra cell and report line is the same as it was.
        let golden = "cf3270cf279aec40 (5271 tickets, 9 extra columns)"
        var streamed: TicketCSV.Result?
        for chunk in [1 << 20, 4096, 300] {
            let r = try TicketCSV.read(CSVReader(path: file.path, chunkSize: chunk), options: .init(keepExtras: true))
            #expect(Self.digest(r) == golden, "chunk \(chunk)")
            streamed = r
        }
        // From memory (no file size until the bytes are given): the same rows; the report
        // differs only in naming "<text>" for the file.
        let whole = try TicketCSV.read(CSVReader(text: text), options: .init(keepExtras: true))
        let r = try #require(streamed)
        #expect(whole.tickets == r.tickets)
        #expect(whole.extras == r.extras)
        #expect(whole.report.findings.map(\.count) == r.report.findings.map(\.count))
        #expect(whole.report.missingByColumn == r.report.missingByColumn)
    }

    @Test func rowEstimateFollowsTheFileSize() throws {
        let text = Self.awkwardZendesk(rows: 3000)
        let file = try CSVWriterTestFile(path: "/tmp/opsdeck-import-estimate.csv", text: text)
        let reader = try CSVReader(path: file.path, chunkSize: 4096)
        #expect(reader.estimatedRecords == nil)
        for _ in 0..<TicketImporter.estimateAt { _ = try reader.next() }
        let estimate = try #require(reader.estimatedRecords)
        #expect(estimate > 2500 && estimate < 3600)
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
