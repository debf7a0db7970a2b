import Foundation

/// A grid of values (e.g. breach rate by priority × channel). Each cell shows a shade
/// bar in the heat colour and the value, so it reads the same with or without colour.
public struct Heatmap: Sendable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// values[row][column]; nil for an empty combination.
    public var values: [[Double?]]
    public var range: ClosedRange<Double>?
    /// How a value is written, e.g. "%.0f%%" after scaling by `scale`.
    public var format: String
    public var scale: Double

    public init(rowLabels: [String], columnLabels: [String], values: [[Double?]],
                range: ClosedRange<Double>? = nil, format: String = "%.1f", scale: Double = 1) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.range = range
        self.format = format
        self.scale = scale
    }

    /// Heat level 0…4 of a value within the range.
    public func level(of v: Double) -> Int {
        let all = values.flatMap { $0.compactMap { $0 } }
        let r = range ?? ((all.min() ?? 0)...(all.max() ?? 1))
        let span = r.upperBound - r.lowerBound
        guard span > 0 else { return 2 }
        let t = (min(max(v, r.lowerBound), r.upperBound) - r.lowerBound) / span
        return min(4, Int(t * 5))
    }

    public func draw(into canvas: inout Canvas, in rect: Rect) {
        guard !columnLabels.isEmpty, rect.height >= 2 else { return }
        let g = canvas.glyphs
        let labelWidth = min(rect.width / 3, (rowLabels.map(\.cellWidth).max() ?? 0) + 1)
        let cellWidth = max(4, (rect.width - labelWidth) / columnLabels.count)
        let header = CellStyle(fg: .title, attributes: .bold)
        for (c, label) in columnLabels.enumerated() {
            let x = rect.x + labelWidth + c * cellWidth
            canvas.write(label.padded(toCells: cellWidth - 1, ellipsis: g.ellipsis), x: x, y: rect.y, style: header,
                         maxX: rect.maxX)
        }
        let shadeWidth = cellWidth >= 8 ? 2 : 1
        for (r, label) in rowLabels.enumerated() {
            let y = rect.y + 1 + r
            guard y < rect.maxY else { break }
            canvas.write(label.truncated(toCells: labelWidth - 1, ellipsis: g.ellipsis), x: rect.x, y: y,
                         style: header, maxX: rect.x + labelWidth)
            for c in columnLabels.indices {
                let x = rect.x + labelWidth + c * cellWidth
                guard x < rect.maxX else { break }
                guard r < values.count, c < values[r].count, let v = values[r][c] else {
                    canvas.write("-", x: x, y: y, style: CellStyle(fg: .muted), maxX: rect.maxX)
                    continue
                }
                let level = level(of: v)
                let role = Role.heat[level]
                let shade = String(repeating: String(g.shades[level]), count: shadeWidth)
                canvas.write(shade, x: x, y: y, style: CellStyle(fg: role), maxX: rect.maxX)
                let text = String(format: format, v * scale)
                canvas.write(text, x: x + shadeWidth + 1, y: y, style: CellStyle(fg: level >= 3 ? role : .mainFg),
                             maxX: min(rect.maxX, x + cellWidth - 1))
            }
        }
    }
}
