import Testing
import Core
import Support

/// Random desks through import and the SLA stage: random label sets (priorities, channels,
/// statuses the engine never heard of) and every date layout; no row is lost, every time
/// reads back to the second, and the analysis runs on the labels as they came.
@Suite struct ImportPropertyTests {
    enum Layout: CaseIterable { case isoZulu, isoOffset, spaceOneDigitHour, dayFirst, monthFirst, slashYMD, unix }

    static func pad(_ v: Int, _ w: Int = 2) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }

    /// `t` (UTC seconds) written as the layout writes it.
    static func write(_ t: Int64, _ layout: Layout) -> String {
        let day = Int(CivilDate.floorDiv(t, 86_400)), (y, m, d) = CivilDate.date(days: day)
        let s = Int(t - Int64(day) * 86_400), hh = s / 3600, mm = (s % 3600) / 60, ss = s % 60
        switch layout {
        case .isoZulu: return "\(y)-\(pad(m))-\(pad(d))T\(pad(hh)):\(pad(mm)):\(pad(ss))Z"
        case .isoOffset:
            // The same instant written two hours ahead of UTC.
            let local = t + 7200, ld = Int(CivilDate.floorDiv(local, 86_400)), (ly, lm, ldd) = CivilDate.date(days: ld)
            let r = Int(local - Int64(ld) * 86_400)
            return "\(ly)-\(pad(lm))-\(pad(ldd))T\(pad(r / 3600)):\(pad((r % 3600) / 60)):\(pad(r % 60))+02:00"
        case .spaceOneDigitHour: return "\(y)-\(pad(m))-\(pad(d)) \(hh):\(pad(mm)):\(pad(ss))"
        case .dayFirst: return "\(pad(d))/\(pad(m))/\(y) \(pad(hh)):\(pad(mm)):\(pad(ss))"
        case .monthFirst: return "\(pad(m))/\(pad(d))/\(y) \(pad(hh)):\(pad(mm)):\(pad(ss))"
        case .slashYMD: return "\(y)/\(pad(m))/\(pad(d)) \(pad(hh)):\(pad(mm)):\(pad(ss))"
        case .unix: return String(t)
        }
    }

    static func word(_ rng: inout SeededRNG) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzÄÖÜéñ ")
        let n = 3 + rng.int(below: 9)
        return String((0..<n).map { _ in letters[rng.int(below: letters.count)] }).trimmingCharacters()
            + String(rng.int(below: 100))
    }

    @Test(arguments: 0..<12) func randomDeskImportsWholeAndRuns(seed: Int) throws {
        var rng = SeededRNG(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let layout = Layout.allCases[seed % Layout.allCases.count]
        let priorities = (0..<(2 + rng.int(below: 4))).map { _ in Self.word(&rng) }
        let channels = (0..<(1 + rng.int(below: 5))).map { _ in Self.word(&rng) }
        let openLabels = ["new", Self.word(&rng)], doneLabels = ["solved", "Closed"]
        var policy = SLAPolicy(targetHours: LabelTable(priorities.enumerated().map { ($0.element, Double(4 + 8 * $0.offset)) }),
                               breachCost: LabelTable(priorities.map { ($0, 100.0) }))
        policy.defaultPriority = priorities[0]
        var lines = ["ticket_id,created_at,priority,channel,status,resolved_at,customer"]
        var truth: [(created: Int64, resolved: Int64?)] = []
        let start: Int64 = 1_704_067_200 + Int64(rng.int(below: 400)) * 86_400
        let n = 300
        for i in 0..<n {
            // Days 13–28 so that day-first and month-first dates prove their order.
            let created = start + Int64(rng.int(below: 60 * 86_400))
            let done = rng.bernoulli(0.6)
            let resolved: Int64? = done ? created + Int64(600 + rng.int(below: 40 * 3600)) : nil
            truth.append((created, resolved))
            let p = rng.bernoulli(0.05) ? "" : priorities[rng.int(below: priorities.count)]
            let status = done ? doneLabels[rng.int(below: 2)] : openLabels[rng.int(below: 2)]
            lines.append(["T\(i)", Self.write(created, layout), p, channels[rng.int(below: channels.count)], status,
                          resolved.map { Self.write($0, layout) } ?? "", "C\(rng.int(below: 40))"].joined(separator: ","))
        }
        let order: DateOrder? = layout == .monthFirst ? .mdy : (layout == .dayFirst ? .dmy : nil)
        let r = try TicketCSV.read(CSVReader(text: lines.joined(separator: "\n") + "\n", name: "desk\(seed).csv"),
                                   options: .init(dateOrder: order))
        #expect(r.report.rowsRead == n && r.report.rowsKept == n, "\(layout): \(r.report.rendered())")
        for (t, want) in zip(r.tickets, truth) {
            #expect(t.createdAt == want.created, "\(layout) \(t.id)")
            #expect(t.resolvedAt == want.resolved, "\(layout) \(t.id)")
        }
        #expect(Set(r.tickets.map(\.channel)).isSubset(of: Set(channels)))
        // A label nobody maps is listed, not dropped: the unknown open label is read as open.
        #expect(r.report.notes.contains { $0.contains("labels new to OpsDeck in status") })
        let a = try SupportAnalysis.build(tickets: r.tickets, policy: policy, options: .init(folds: 3, seed: UInt64(seed)))
        #expect(a.resolvedRows.count == truth.filter { $0.resolved != nil }.count)
        #expect(a.policy.labels.count == Set(r.tickets.map(\.priority).filter { !$0.isEmpty }).union([priorities[0]]).count)
        #expect(a.queue.entries.count == n - a.resolvedRows.count)
    }

    @Test func ambiguousSlashDatesAreRefusedWithARow() throws {
        let text = "ticket_id,created_at,priority,channel,status\nA,03/04/2024 10:00,High,Email,Open\nB,05/06/2024 11:00,High,Email,Open\n"
        #expect(throws: InputError.self) { try TicketCSV.read(CSVReader(text: text, name: "amb.csv"), options: .init()) }
        do {
            _ = try TicketCSV.read(CSVReader(text: text, name: "amb.csv"), options: .init())
        } catch {
            #expect(error.description.contains("amb.csv:2"))
            #expect(error.description.contains("--date-order"))
        }
        let r = try TicketCSV.read(CSVReader(text: text, name: "amb.csv"), options: .init(dateOrder: .dmy))
        #expect(r.tickets.first?.createdAt == CivilDate.parseTimestamp("2024-04-03 10:00"))
    }
}
