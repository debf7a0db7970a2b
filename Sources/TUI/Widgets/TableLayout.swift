/// Column widths that adapt to the space: columns are dropped by priority until the
/// minimum widths fit, then each grows toward its ideal (title or widest sampled
/// cell), most important first, and flexible columns take what is left.
public enum TableLayout {
    /// Widths per column; nil for a column that does not fit.
    public static func widths(for data: TableData, available: Int, gap: Int = 1, sample: Int = 200) -> [Int?] {
        let columns = data.columns
        guard !columns.isEmpty, available > 0 else { return columns.map { _ in nil } }
        let ideal: [Int] = columns.indices.map { c in
            var w = columns[c].title.cellWidth + 1 // room for the sort arrow
            for r in 0..<min(sample, data.rows.count) { w = max(w, data.cell(r, c).text.cellWidth) }
            return min(max(w, columns[c].minWidth), columns[c].maxWidth)
        }
        let byPriority = columns.indices.sorted { (columns[$0].priority, $0) < (columns[$1].priority, $1) }
        var shown = Set<Int>()
        var used = 0
        for c in byPriority {
            let need = columns[c].minWidth + (shown.isEmpty ? 0 : gap)
            if used + need > available { continue }
            shown.insert(c)
            used += need
        }
        var widths: [Int?] = columns.indices.map { shown.contains($0) ? columns[$0].minWidth : nil }
        var remaining = available - used
        for c in byPriority where shown.contains(c) && remaining > 0 {
            let grow = min(remaining, ideal[c] - columns[c].minWidth)
            if grow > 0 {
                widths[c] = (widths[c] ?? 0) + grow
                remaining -= grow
            }
        }
        let flexible = columns.indices.filter { shown.contains($0) && columns[$0].flexible }
        if remaining > 0, !flexible.isEmpty {
            let share = remaining / flexible.count
            for (i, c) in flexible.enumerated() {
                widths[c] = (widths[c] ?? 0) + share + (i < remaining % flexible.count ? 1 : 0)
            }
        }
        return widths
    }
}
