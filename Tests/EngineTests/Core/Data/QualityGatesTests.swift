import Testing
import Core

/// The tickets gate checks dates row by row and ids, on a large desk, split by hash between
/// two cores: its report and its kept rows must be those of one pass over the rows.
@Suite struct QualityGatesTests {
    /// The gate as one pass (what it was before the split), for comparison.
    static func onePass(_ input: [Ticket], source: String) -> ([Ticket], GateReport) {
        var report = GateReport(dataset: "tickets", file: source)
        var seen = Set<String>(), kept: [Ticket] = []
        for (i, t) in input.enumerated() {
            var failed = false
            func fail(_ gate: GateReport.Gate, _ column: String, _ message: String, hard: Bool = true) {
                report.record(gate, column: column, hard: hard, at: InputError(file: source, line: i + 2, column: 0, message))
                if hard { failed = true }
            }
            if let f = t.firstResponseAt, f < t.createdAt { fail(.datesOutOfOrder, "first_response_at", "first response before creation") }
            if let r = t.resolvedAt, r < t.createdAt { fail(.datesOutOfOrder, "resolved_at", "resolution before creation") }
            if let f = t.firstResponseAt, let r = t.resolvedAt, r < f {
                fail(.datesOutOfOrder, "resolved_at", "resolution before the first response", hard: false)
            }
            if t.state == .solved && t.resolvedAt == nil {
                fail(.missingValue, "resolved_at", "a solved ticket without a resolution time: kept, not clocked", hard: false)
            }
            if !failed && !seen.insert(t.id).inserted { fail(.duplicateId, "ticket_id", "'\(t.id)' appears again") }
            report.rowsRead += 1
            if !failed { kept.append(t); report.rowsKept += 1 }
        }
        return (kept, report)
    }

    /// Repeated ids (some of rows a date gate refuses, so their repeats are kept), dates out of
    /// order, solved tickets without a resolution, around the size where the split starts.
    static func desk(_ n: Int, seed: UInt64) -> [Ticket] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { i in
            let id = rng.bernoulli(0.02) ? "INC\(rng.int(below: max(1, i)))" : "INC\(i)"
            let created = Int64(1_700_000_000 + i)
            let resolved: Int64? = switch rng.int(below: 50) {
            case 0: created - 60           // before creation: refused
            case 1: nil                    // solved without one: kept, counted
            default: created + 3600
            }
            let response: Int64? = rng.bernoulli(0.01) ? created + 7200 : created + 60  // after the resolution, sometimes
            return Ticket(id: id, createdAt: created, priority: "P2", channel: "Portal", type: "Incident", product: "",
                          status: "Resolved", state: .solved, firstResponseAt: response, resolvedAt: resolved)
        }
    }

    @Test(arguments: [0, 1, 3000, (1 << 17) + 5000])
    func theReportAndTheKeptRowsAreThoseOfOnePass(_ n: Int) {
        let input = Self.desk(n, seed: UInt64(n) &+ 1)
        let (kept, report) = QualityGates.tickets(input, source: "export.csv")
        let (keptOnce, reportOnce) = Self.onePass(input, source: "export.csv")
        #expect(report == reportOnce)
        #expect(kept == keptOnce)
        if n > 3000 { #expect(report.findings.map(\.gate).contains(.duplicateId) && report.rowsRejected > 0) }
    }
}
