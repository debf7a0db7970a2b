import Engine

/// What a run on the store's imports will read, said before it starts.
enum ImportedData {
    static func summary(_ db: Store) throws -> String {
        var parts: [String] = []
        for kind in ["customers", "reps", "tickets"] {
            if let d = try db.latestImport(kind: kind) {
                parts.append("\(kind) dataset \(d.id) (\(d.rowCount) rows from \(d.source))")
            } else {
                parts.append("no \(kind)")
            }
        }
        return "running on the store's imports: " + parts.joined(separator: ", ") + " (--demo generates the demo instead)"
    }
}
