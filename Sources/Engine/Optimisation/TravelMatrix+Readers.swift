import Foundation
import Core

extension TravelMatrix {
    /// The parts of an OSRM `table` response the matrix needs. `ids` is OpsDeck's own
    /// addition (the request's coordinates' ids, in order), so one file can carry both.
    package struct OSRMTable: Decodable {
        package var code: String
        package var message: String?
        package var durations: [[Double?]]?
        package var distances: [[Double?]]?
        package var sources: [Waypoint]?
        package var destinations: [Waypoint]?
        package var ids: [String]?
        package var sourceIds: [String]?
        package var destinationIds: [String]?

        package struct Waypoint: Decodable {}
    }

    /// An OSRM `table` response: `code` must be "Ok"; `durations[i][j]` is seconds from row i
    /// to column j (null: no road); `distances`, when asked for, metres alike. `rowIds` names
    /// the rows (the request's `sources`, or every coordinate), `columnIds` the columns
    /// (default: the same ids); without them the response's own `ids` / `sourceIds` /
    /// `destinationIds` fields are used.
    public static func osrm(_ data: Data, file: String, rowIds: [String]? = nil, columnIds: [String]? = nil) throws(InputError) -> TravelMatrix {
        func fail(_ field: String, _ message: String) -> InputError { InputError(file: file, line: 0, column: 0, "\(field): \(message)") }
        let table: OSRMTable
        do { table = try JSONDecoder().decode(OSRMTable.self, from: data) } catch let error as DecodingError {
            throw fail(Self.path(error), Self.reason(error))
        } catch {
            throw fail("JSON", "expected an OSRM table response: \(error)")
        }
        guard table.code == "Ok" else {
            throw fail("code", "expected \"Ok\", found \"\(TerminalText.safe(table.code))\"" + (table.message.map { " (\(TerminalText.safe($0)))" } ?? ""))
        }
        guard let durations = table.durations else { throw fail("durations", "expected the table's durations (annotations=duration)") }
        guard let rows = rowIds ?? table.sourceIds ?? table.ids else {
            throw fail("ids", "expected the ids of the table's rows (an ids file, or an \"ids\" list in the response)")
        }
        let cols = columnIds ?? (rowIds == nil ? table.destinationIds : nil) ?? rows
        guard rows.count <= maxIds, cols.count <= maxIds, rows.count * cols.count <= maxCells else {
            throw fail("ids", "expected at most \(maxIds) ids and \(maxCells) pairs, found \(rows.count) × \(cols.count)")
        }
        guard durations.count == rows.count else {
            throw fail("durations", "expected \(rows.count) rows (one per row id), found \(durations.count)")
        }
        if let s = table.sources, s.count != rows.count {
            throw fail("sources", "expected \(rows.count) waypoints (one per row id), found \(s.count)")
        }
        if let d = table.destinations, d.count != cols.count {
            throw fail("destinations", "expected \(cols.count) waypoints (one per column id), found \(d.count)")
        }
        if let dist = table.distances, dist.count != rows.count {
            throw fail("distances", "expected \(rows.count) rows like durations, found \(dist.count)")
        }
        for (what, list) in [("ids", rows), ("ids", cols)] {
            if let dup = duplicate(list) { throw fail(what, "expected each id once, found '\(TerminalText.safe(dup))' twice") }
            if list.contains(where: \.isEmpty) { throw fail(what, "expected non-empty ids") }
        }
        var m = TravelMatrix(source: "OSRM table \(file), \(rows.count) × \(cols.count)")
        let r = rows.map { m.intern($0) }, c = cols.map { m.intern($0) }
        for i in 0..<rows.count {
            guard durations[i].count == cols.count else {
                throw fail("durations[\(i)]", "expected \(cols.count) cells (one per column id), found \(durations[i].count)")
            }
            let distRow = table.distances?[i]
            if let distRow, distRow.count != cols.count {
                throw fail("distances[\(i)]", "expected \(cols.count) cells like durations, found \(distRow.count)")
            }
            for j in 0..<cols.count {
                let sec = durations[i][j], metres = distRow?[j] ?? nil
                if let sec, let why = checked(sec, limit: maxSeconds, what: "seconds") { throw fail("durations[\(i)][\(j)]", why) }
                if let metres, let why = checked(metres, limit: Double(RoutingLimits.maxValue), what: "metres") {
                    throw fail("distances[\(i)][\(j)]", why)
                }
                m.set(r[i], c[j], Cell(seconds: sec, meters: metres))
            }
        }
        return m
    }

    /// `from,to,seconds[,meters]`, an optional header line naming those columns; an empty
    /// seconds cell means no road. A pair given twice is refused (which one is meant?).
    public static func csv(_ reader: CSVReader) throws(InputError) -> TravelMatrix {
        var m = TravelMatrix(source: "CSV \(reader.name)")
        var first = true
        while try reader.next() {
            let n = reader.fieldCount
            if n == 1 && reader.isEmpty(0) { continue }
            if first {
                first = false
                if reader.string(0).trimmingCharacters(in: .whitespaces).lowercased() == "from" {
                    let header = reader.strings.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    guard header.count >= 3, header[1] == "to", header[2] == "seconds", header.count == 3 || header[3] == "meters" || header[3] == "metres" else {
                        throw reader.error(field: 0, "expected the header from,to,seconds[,meters]")
                    }
                    continue
                }
            }
            guard n == 3 || n == 4 else {
                throw reader.error(field: min(n, 4) - 1, "expected 3 or 4 fields (from,to,seconds[,meters]), found \(n)")
            }
            let from = reader.string(0).trimmingCharacters(in: .whitespaces), to = reader.string(1).trimmingCharacters(in: .whitespaces)
            guard !from.isEmpty else { throw reader.error(field: 0, "expected an account or rep id in 'from'") }
            guard !to.isEmpty else { throw reader.error(field: 1, "expected an account or rep id in 'to'") }
            let sec = try number(reader, 2, "seconds", limit: maxSeconds)
            let metres = n == 4 ? try number(reader, 3, "meters", limit: Double(RoutingLimits.maxValue)) : nil
            let known = m.ids.count
            let a = m.intern(from), b = m.intern(to)
            guard m.ids.count <= maxIds else { throw reader.error(field: m.ids.count > known + 1 ? 1 : 0, "expected at most \(maxIds) ids") }
            guard m.cells[key(a, b)] == nil else {
                throw reader.error(field: 0, "expected each from,to pair once; '\(TerminalText.safe(from))' → '\(TerminalText.safe(to))' was given before")
            }
            guard m.cells.count < maxCells else { throw reader.error(field: 0, "expected at most \(maxCells) pairs") }
            m.set(a, b, Cell(seconds: sec, meters: metres))
        }
        return m
    }

    /// An empty cell is nil; otherwise a finite number in 0…limit.
    package static func number(_ reader: CSVReader, _ i: Int, _ what: String, limit: Double) throws(InputError) -> Double? {
        let text = reader.string(i).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let v = Double(text) else { throw reader.error(field: i, "expected \(what) as a number, found '\(TerminalText.safe(text))'") }
        if let why = checked(v, limit: limit, what: what) { throw reader.error(field: i, why) }
        return v
    }

    package static func duplicate(_ list: [String]) -> String? {
        var seen = Set<String>()
        for s in list where !seen.insert(s).inserted { return s }
        return nil
    }

    /// `durations[2][1]` from a decoding error's path.
    package static func path(_ e: DecodingError) -> String {
        let ctx: DecodingError.Context
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): ctx = c
        case .keyNotFound(let k, let c): return dotted(c.codingPath + [k])
        @unknown default: return "JSON"
        }
        let p = dotted(ctx.codingPath)
        return p.isEmpty ? "JSON" : p
    }

    /// `durations[2][1]`, `sources[0].location`: no leading dot.
    private static func dotted(_ keys: [any CodingKey]) -> String {
        let s = keys.map(name).joined()
        return s.hasPrefix(".") ? String(s.dropFirst()) : s
    }

    private static func name(_ k: any CodingKey) -> String { k.intValue.map { "[\($0)]" } ?? (k.stringValue.isEmpty ? "" : "." + k.stringValue) }

    package static func reason(_ e: DecodingError) -> String {
        switch e {
        case .typeMismatch(let t, _): return "expected \(t == String.self ? "text" : t == Double.self ? "a number or null" : "\(t)")"
        case .valueNotFound: return "expected a value, found null"
        case .keyNotFound(let k, _): return "expected the field \"\(k.stringValue)\""
        case .dataCorrupted(let c): return "expected valid JSON (\(c.debugDescription))"
        @unknown default: return "expected an OSRM table response"
        }
    }
}
