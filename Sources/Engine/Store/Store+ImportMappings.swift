import Foundation
import Core

/// `--map` pairs remembered per source: the next import of a file with the same kind and
/// header takes them without being told again (a nightly export keeps its columns, not its
/// file name, so the header is the source's identity).
extension Store {
    /// The key of a file's header: its kind and column names as the mapping matches them.
    public static func sourceKey(kind: String, header: [String]) -> String {
        kind + ":" + header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.joined(separator: "\u{1F}")
    }

    public func rememberMapping(_ mapping: Core.ColumnMapping, kind: String, header: [String]) throws(StoreError) {
        let pairs = mapping.renames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        try write("remembering the column mapping") { s in
            try s.execute("""
                INSERT INTO import_mapping (source_key, pairs, saved_at) VALUES (?,?,?)
                ON CONFLICT (source_key) DO UPDATE SET pairs = excluded.pairs, saved_at = excluded.saved_at
                """, Self.sourceKey(kind: kind, header: header), pairs, WallClock.text())
        }
    }

    /// The mapping remembered for this kind and header, with when it was saved.
    public func rememberedMapping(kind: String, header: [String]) throws(StoreError) -> (mapping: Core.ColumnMapping, savedAt: String)? {
        let row = try read("reading the remembered column mapping") { s in
            try s.row("SELECT pairs, saved_at FROM import_mapping WHERE source_key = ?", Self.sourceKey(kind: kind, header: header))
        }
        guard let row else { return nil }
        let pairs = try row.string("pairs")
        var renames: [String: String] = [:]
        for line in pairs.split(separator: "\n") {
            let kv = line.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { renames[String(kv[0])] = String(kv[1]) }
        }
        return (Core.ColumnMapping(renames), try row.string("saved_at"))
    }
}
