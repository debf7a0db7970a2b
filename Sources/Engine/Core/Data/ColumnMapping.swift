/// One field a dataset schema knows, with the header names it answers to.
public struct FieldSpec: Sendable {
    public var name: String
    public var aliases: [String]
    public var required: Bool

    public init(_ name: String, aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }
}

/// User-given renames (`--map source=field`): a CRM export's column names onto ours.
public struct ColumnMapping: Sendable, Equatable {
    /// source column → schema field
    public var renames: [String: String]

    public init(_ renames: [String: String] = [:]) { self.renames = renames }

    /// Parses `source=field` pairs as typed on the command line.
    public static func parse(_ pairs: [String]) throws(InputError) -> ColumnMapping {
        var out: [String: String] = [:]
        for (i, p) in pairs.enumerated() {
            let parts = p.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw InputError(file: "--map", line: i + 1, column: 0, "expected source=field, got '\(p)'")
            }
            out[parts[0]] = parts[1]
        }
        return ColumnMapping(out)
    }

    /// Where each schema field is in the header (nil when absent), plus the header columns
    /// nothing uses. Throws when a rename names a column or field that does not exist, or a
    /// required field has no column.
    public func resolve(header: [String], fields: [FieldSpec], file: String) throws(InputError) -> ResolvedColumns {
        let fieldNames = Set(fields.map(\.name))
        for (source, field) in renames.sorted(by: { $0.key < $1.key }) {
            guard header.contains(source) else {
                throw InputError(file: file, line: 1, column: 0,
                                 "--map names column '\(source)', which the header does not have (it has: \(header.joined(separator: ", ")))")
            }
            guard fieldNames.contains(field) else {
                throw InputError(file: file, line: 1, column: 0,
                                 "--map target '\(field)' is not a field; expected one of: \(fields.map(\.name).joined(separator: ", "))")
            }
        }
        let normalisedHeader = header.map { normaliseLabel(Substring($0)) }
        var index = [Int?](repeating: nil, count: fields.count)
        var used = Set<Int>()
        for (f, spec) in fields.enumerated() {
            if let (source, _) = renames.first(where: { $0.value == spec.name }), let col = header.firstIndex(of: source) {
                index[f] = col
            } else {
                // The field's own name first, then its aliases in order: a profile lists the
                // column it prefers first (Organization before the requester's e-mail).
                let keys = ([spec.name] + spec.aliases).map { normaliseLabel(Substring($0)) }
                index[f] = keys.lazy.compactMap { key in
                    normalisedHeader.indices.first { col in
                        !used.contains(col) && normalisedHeader[col] == key && renames[header[col]] == nil
                    }
                }.first
            }
            if let col = index[f] { used.insert(col) }
        }
        let missing = fields.indices.filter { fields[$0].required && index[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { spec -> String in
                let s = fields[spec]
                return s.aliases.isEmpty ? "'\(s.name)'" : "'\(s.name)' (or \(s.aliases.map { "'\($0)'" }.joined(separator: ", ")))"
            }
            throw InputError(file: file, line: 1, column: 0,
                             "missing required column\(missing.count > 1 ? "s" : "") \(names.joined(separator: ", ")); use --map source=field to name them")
        }
        let unused = header.indices.filter { !used.contains($0) }
        return ResolvedColumns(fields: fields, index: index, unusedColumns: unused.map { header[$0] }, unusedPositions: unused)
    }
}

/// The outcome of matching a header against a schema.
public struct ResolvedColumns: Sendable {
    public var fields: [FieldSpec]
    /// Column of each field, in schema order.
    public var index: [Int?]
    public var unusedColumns: [String]
    /// Header positions of `unusedColumns`, in the same order.
    public var unusedPositions: [Int]

    public func column(_ field: String) -> Int? {
        guard let f = fields.firstIndex(where: { $0.name == field }) else { return nil }
        return index[f]
    }

    /// Fields the file does not have.
    public var absentFields: [String] { fields.indices.filter { index[$0] == nil }.map { fields[$0].name } }
}

extension String {
    package func trimmingCharacters() -> String { String(Substring(self).trimmingSpaces()) }
}
