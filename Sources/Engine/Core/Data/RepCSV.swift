/// The rep file: id, name, home and working day.
public enum RepCSV {
    public static let fields: [FieldSpec] = [
        FieldSpec("rep_id", aliases: ["id"], required: true),
        FieldSpec("name", aliases: ["rep_name"]),
        FieldSpec("home_lat", aliases: ["lat", "latitude"], required: true),
        FieldSpec("home_lon", aliases: ["lon", "lng", "longitude"], required: true),
        FieldSpec("day_start", aliases: ["start"]),
        FieldSpec("day_end", aliases: ["end"]),
        FieldSpec("working_days"),
    ]

    public static var header: [String] { fields.map(\.name) }

    public static func read(path: String, mapping: ColumnMapping = ColumnMapping(),
                            region: Region? = nil) throws(InputError) -> (reps: [Rep], report: GateReport) {
        try read(CSVReader(path: path), mapping: mapping, region: region)
    }

    public static func read(_ reader: CSVReader, mapping: ColumnMapping = ColumnMapping(),
                            region: Region? = nil) throws(InputError) -> (reps: [Rep], report: GateReport) {
        guard try reader.next() else { throw InputError(file: reader.name, line: 1, column: 0, "the file is empty; expected a header row") }
        let resolved = try mapping.resolve(header: reader.strings, fields: fields, file: reader.name)
        var g = RowGate(reader: reader, resolved: resolved, report: GateReport(dataset: "reps", file: reader.name))
        if !resolved.unusedColumns.isEmpty { g.report.notes.append("columns not used: " + resolved.unusedColumns.joined(separator: ", ")) }
        var seen = Set<String>()
        var out = [Rep]()
        while try reader.next() {
            g.beginRow()
            let id = g.text(0, hardIfMissing: true)
            let name = g.text(1, hardIfMissing: false)
            let lat = g.double(2, hardIfMissing: true, range: -90...90)
            let lon = g.double(3, hardIfMissing: true, range: -180...180)
            if let lat, let lon, let region, !region.isOnLand(lat: lat, lon: lon) {
                g.fail(.atSea, 2, "home (\(lat), \(lon)) is at sea or outside \(region.name)")
            }
            let start = clock(&g, 4) ?? 8 * 60 + 30
            let end = clock(&g, 5) ?? 17 * 60 + 30
            if end <= start { g.fail(.datesOutOfOrder, 5, "the day ends before it starts") }
            let days = g.int(6, hardIfMissing: false, range: 1...7) ?? 5
            if let id, let lat, let lon, !g.rowFailed {
                if seen.insert(id).inserted {
                    out.append(Rep(id: id, name: name ?? id, homeLat: lat, homeLon: lon,
                                   dayStartMinute: start, dayEndMinute: end, workingDays: days))
                } else {
                    g.fail(.duplicateId, 0, "rep_id '\(id)' appears again; the first row is kept")
                }
            }
            g.endRow()
        }
        return (out, g.report)
    }

    /// `HH:MM` → minutes after midnight.
    private static func clock(_ g: inout RowGate, _ f: Int) -> Int? {
        guard let t = g.text(f, hardIfMissing: false) else { return nil }
        if let m = minutes(Substring(t)) { return m }
        g.fail(.badValue, f, "expected a time of day HH:MM, got \(TerminalText.quoted(t))")
        return nil
    }

    public static func write(_ reps: [Rep], to writer: CSVWriter) {
        writer.write(row: header)
        for r in reps {
            writer.write(row: [r.id, r.name, CustomerCSV.num(r.homeLat), CustomerCSV.num(r.homeLon),
                               hhmm(r.dayStartMinute), hhmm(r.dayEndMinute), String(r.workingDays)])
        }
    }

    /// `H:MM` or `HH:MM` → minutes after midnight (24:00 is the day's end); nil otherwise.
    package static func minutes(_ text: Substring) -> Int? {
        let p = text.trimmingSpaces().split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else {
            return nil
        }
        return h * 60 + m
    }

    package static func hhmm(_ m: Int) -> String {
        (m / 60 < 10 ? "0" : "") + String(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + String(m % 60)
    }
}
