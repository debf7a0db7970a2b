/// Reads the typed fields of one CSV record against a schema and applies the per-value
/// gates (missing, unreadable, out of range, unknown category), recording each finding in
/// the report. Importers ask it for fields, then keep the row unless `rowFailed`.
package struct RowGate {
    package let reader: CSVReader
    package let resolved: ResolvedColumns
    /// The findings so far, without the empty-cell counts still held in `missingCounts`.
    private var base: GateReport
    /// Empty cells per field, counted here (an array, not a dictionary keyed by the column's
    /// name: a million rows hash nothing) and folded into `report` when it is read.
    private var missingCounts: [Int]
    package private(set) var rowFailed = false
    /// Per field, how its time cells read (detected by a pre-pass, `detectTimes`); fields
    /// without one read ISO dates as `CivilDate.parseTimestamp` does.
    package var times: [TimeReader?]

    package init(reader: CSVReader, resolved: ResolvedColumns, report: GateReport) {
        self.reader = reader
        self.resolved = resolved
        self.base = report
        missingCounts = Array(repeating: 0, count: resolved.fields.count)
        times = Array(repeating: nil, count: resolved.fields.count)
    }

    /// The report with every empty cell counted. Setting it (a note added) keeps the counts.
    package var report: GateReport {
        get {
            var r = base
            for (f, n) in missingCounts.enumerated() where n > 0 { r.missingByColumn[name(f), default: 0] += n }
            return r
        }
        set {
            base = newValue
            for f in missingCounts.indices { missingCounts[f] = 0 }
        }
    }

    package mutating func beginRow() {
        rowFailed = false
        base.rowsRead += 1
    }

    package mutating func endRow() {
        if !rowFailed { base.rowsKept += 1 }
    }

    package func has(_ f: Int) -> Bool { resolved.index[f] != nil }

    /// Whether field `f`'s cell in this row is empty (or the field is absent).
    package func isEmpty(_ f: Int) -> Bool { resolved.index[f].map { reader.text($0) == nil } ?? true }

    private func name(_ f: Int) -> String { resolved.fields[f].name }

    /// Records a finding about field `f` of this row; a hard one leaves the row out.
    package mutating func fail(_ gate: GateReport.Gate, _ f: Int, _ message: String, hard: Bool = true) {
        let err = resolved.index[f].map { reader.error(field: $0, message) }
            ?? InputError(file: reader.name, line: reader.recordLine, column: 0, message)
        base.record(gate, column: name(f), hard: hard, at: err)
        if hard { rowFailed = true }
    }

    /// Counts an empty cell of field `f` (all columns, hard or not).
    package mutating func countMissing(_ f: Int) { missingCounts[f] += 1 }

    private mutating func missing(_ f: Int, hard: Bool) {
        missingCounts[f] += 1
        if hard { fail(.missingValue, f, "\(name(f)) is empty; a value is required") }
    }

    package mutating func double(_ f: Int, hardIfMissing: Bool, range: ClosedRange<Double>? = nil) -> Double? {
        guard let col = resolved.index[f] else { return nil }
        switch reader.double(col) {
        case .missing:
            missing(f, hard: hardIfMissing)
            return nil
        case .invalid:
            fail(.badValue, f, "expected a number in \(name(f)), got '\(TerminalText.safe(reader.string(col), limit: 60))'")
            return nil
        case .value(let v):
            if let r = range, !r.contains(v) {
                fail(.outOfRange, f, "\(name(f)) = \(v) is outside \(r.lowerBound)…\(r.upperBound)")
                return nil
            }
            return v
        }
    }

    package mutating func int(_ f: Int, hardIfMissing: Bool, range: ClosedRange<Int>? = nil) -> Int? {
        guard let col = resolved.index[f] else { return nil }
        switch reader.int(col) {
        case .missing:
            missing(f, hard: hardIfMissing)
            return nil
        case .invalid:
            fail(.badValue, f, "expected a whole number in \(name(f)), got '\(TerminalText.safe(reader.string(col), limit: 60))'")
            return nil
        case .value(let v):
            if let r = range, !r.contains(v) {
                fail(.outOfRange, f, "\(name(f)) = \(v) is outside \(r.lowerBound)…\(r.upperBound)")
                return nil
            }
            return v
        }
    }

    package mutating func category<C: Category>(_ f: Int, _ type: C.Type, hardIfMissing: Bool) -> C? {
        guard let col = resolved.index[f] else { return nil }
        switch reader.category(col, C.self) {
        case .value(let c): return c
        case .missing:
            missing(f, hard: hardIfMissing)
            return nil
        case .invalid:
            fail(.unknownCategory, f, "'\(TerminalText.safe(reader.text(col) ?? "", limit: 60))' is not a known \(name(f)); expected one of \(C.labels.joined(separator: ", "))")
            return nil
        }
    }

    package mutating func bool(_ f: Int, hardIfMissing: Bool) -> Bool? {
        guard let col = resolved.index[f] else { return nil }
        // The common single-character forms without building a String.
        let quick: UInt8 = reader.withTrimmedBytes(col) { b in b.count == 1 ? b[0] : (b.isEmpty ? 0 : 255) }
        if quick == 49 { return true }
        if quick == 48 { return false }
        guard let text = reader.text(col) else {
            missing(f, hard: hardIfMissing)
            return nil
        }
        switch text.lowercased() {
        case "1", "true", "yes", "y", "t": return true
        case "0", "false", "no", "n", "f": return false
        default:
            fail(.badValue, f, "expected yes/no, true/false or 1/0 in \(name(f)), got '\(TerminalText.safe(text, limit: 60))'")
            return nil
        }
    }

    package mutating func day(_ f: Int, hardIfMissing: Bool) -> Int? {
        guard let col = resolved.index[f] else { return nil }
        if let t = reader.withTrimmedBytes(col, TimeParser.isoZulu) { return Int(CivilDate.floorDiv(t, 86_400)) }
        let time = times[f]
        let parsed: Int64? = reader.withTrimmedBytes(col) { b in time.map { $0.utcSeconds(b) } ?? CivilDate.parseTimestamp(bytes: b) }
        if let t = parsed { return Int(CivilDate.floorDiv(t, 86_400)) }
        guard let text = reader.text(col) else {
            missing(f, hard: hardIfMissing)
            return nil
        }
        fail(.badValue, f, "expected a date (\(times[f]?.format.name ?? "YYYY-MM-DD")) in \(name(f)), got \(TerminalText.quoted(text))")
        return nil
    }

    package mutating func timestamp(_ f: Int, hardIfMissing: Bool) -> Int64? {
        guard let col = resolved.index[f] else { return nil }
        // The common API shape first: a zoned ISO cell means the same whatever the column's
        // format and zone, and it skips copying the column's reader (a retain and a release).
        if let t = reader.withTrimmedBytes(col, TimeParser.isoZulu) { return t }
        let time = times[f]
        let parsed: Int64? = reader.withTrimmedBytes(col) { b in time.map { $0.utcSeconds(b) } ?? CivilDate.parseTimestamp(bytes: b) }
        if let t = parsed { return t }
        guard let text = reader.text(col) else {
            missing(f, hard: hardIfMissing)
            return nil
        }
        fail(.badValue, f, "expected a time (\(times[f]?.format.name ?? "YYYY-MM-DD HH:MM")) in \(name(f)), got \(TerminalText.quoted(text))")
        return nil
    }

    /// A category cell as the data's own label: trimmed text, "" when empty or absent.
    package mutating func label(_ f: Int) -> String {
        guard let col = resolved.index[f] else { return "" }
        guard let t = reader.text(col) else {
            missingCounts[f] += 1
            return ""
        }
        return t
    }

    /// A category cell interned from its bytes: the code of its trimmed text in `labels`,
    /// nil when empty (counted) or absent. A desk's few labels cost one hash per cell, no `String`.
    package mutating func label<P>(_ f: Int, in labels: inout InternedLabels<P>) -> Int? {
        guard let col = resolved.index[f] else { return nil }
        let code = reader.withTrimmedBytes(col) { $0.isEmpty ? -1 : labels.code($0) }
        if code < 0 {
            missingCounts[f] += 1
            return nil
        }
        return code
    }

    /// A duration cell in `unit` seconds: a number (`90`, `1.5`) or `H:MM[:SS]` (hours may
    /// exceed 24); nil when empty. Unreadable or negative values are counted, not fatal.
    package mutating func duration(_ f: Int, unit: Double) -> Int64? {
        guard let col = resolved.index[f] else { return nil }
        // Whole numbers (Zendesk's minutes) from the bytes: up to 15 digits a Double holds
        // exactly, so this is the value `Double(text)` reads, without a String or strtod.
        let whole: Int64? = reader.withTrimmedBytes(col) { b in
            guard (1...15).contains(b.count) else { return nil }
            var v: Int64 = 0
            for c in b {
                guard c &- 48 < 10 else { return nil }
                v = v * 10 + Int64(c &- 48)
            }
            return v
        }
        if let w = whole, Double(w) * unit < 1e12 { return Int64((Double(w) * unit).rounded()) }
        guard let t = reader.text(col) else { return nil }
        if let v = Double(t), v.isFinite, v >= 0, v * unit < 1e12 { return Int64((v * unit).rounded()) }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        if (2...3).contains(parts.count), let h = Int(parts[0]), h >= 0, h < 1_000_000,
           let m = Int(parts[1]), (0..<60).contains(m) {
            let s = parts.count == 3 ? Int(parts[2]) : 0
            if let s, (0..<60).contains(s) { return Int64(h * 3600 + m * 60 + s) }
        }
        fail(.badValue, f, "expected a duration (a number or H:MM:SS) in \(name(f)), got '\(TerminalText.safe(t, limit: 40))'", hard: false)
        return nil
    }

    package mutating func text(_ f: Int, hardIfMissing: Bool) -> String? {
        guard let col = resolved.index[f] else { return nil }
        guard let t = reader.text(col) else {
            missing(f, hard: hardIfMissing)
            return nil
        }
        return t
    }
}

extension RowGate {
    /// Reads ahead on a second reader of the same file to learn how each time field is
    /// written (ISO 8601, day or month first, Unix seconds…), stopping once each is settled,
    /// and notes the format read in the report. Throws when day/month order cannot be told
    /// (the error names a row that proves it and asks for `--date-order`).
    package mutating func detectTimes(_ fields: [Int], order: DateOrder?, zone: DeskTimeZone) throws(InputError) {
        let present = fields.compactMap { f in resolved.index[f].map { (field: $0, gate: f) } }
        guard !present.isEmpty else { return }
        let pre = try reader.reopened()
        guard try pre.next() else { return }
        let formats = try TimeFormatDetector.detect(pre, columns: present.map { ($0.field, name($0.gate)) }, order: order)
        var described: [String: [String]] = [:]
        for (p, format) in zip(present, formats) {
            times[p.gate] = TimeReader(format: format, zone: zone)
            described[format.name, default: []].append(name(p.gate))
        }
        let zoneNote = zone == .utc ? "" : "; times without a zone are in \(zone)"
        report.notes.append("times read as " + described.sorted { $0.key < $1.key }
            .map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.joined(separator: ", ") + zoneNote)
    }
}
