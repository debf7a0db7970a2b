import Foundation

/// A line or area chart in braille dots (2×4 per cell) with a y axis, optional x labels
/// and an optional vertical marker (e.g. the chosen capacity on a capture curve).
public struct LineChart: Sendable {
    public var values: [Double]
    public var area: Bool
    public var yRange: ClosedRange<Double>?
    /// Position of the marker as an index into `values` (fractions allowed).
    public var marker: Double?
    public var xLabels: (left: String, right: String)?
    public var yDecimals: Int
    public var lineRole: Role

    public init(values: [Double], area: Bool = false, yRange: ClosedRange<Double>? = nil, marker: Double? = nil,
                xLabels: (left: String, right: String)? = nil, yDecimals: Int = 0, lineRole: Role = .chartLine) {
        self.values = values
        self.area = area
        self.yRange = yRange
        self.marker = marker
        self.xLabels = xLabels
        self.yDecimals = yDecimals
        self.lineRole = lineRole
    }

    /// The plot's y range: the given one, or the data's with a flat series widened.
    public var range: ClosedRange<Double> {
        if let yRange { return yRange }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        return lo < hi ? lo...hi : (lo - 1)...(hi + 1)
    }

    public func draw(into canvas: inout Canvas, in rect: Rect) {
        let r = range
        let top = String(format: "%.\(yDecimals)f", r.upperBound)
        let bottom = String(format: "%.\(yDecimals)f", r.lowerBound)
        let axisWidth = max(top.cellWidth, bottom.cellWidth) + 1
        let labelRows = xLabels == nil ? 0 : 1
        let plot = Rect(x: rect.x + axisWidth + 1, y: rect.y, width: rect.width - axisWidth - 1,
                        height: rect.height - labelRows)
        guard plot.width >= 2, plot.height >= 1 else { return }
        let axis = CellStyle(fg: .axis)
        canvas.writeRight(top, maxX: rect.x + axisWidth - 1, y: plot.y, style: axis)
        canvas.writeRight(bottom, maxX: rect.x + axisWidth - 1, y: plot.maxY - 1, style: axis)
        for y in plot.y..<plot.maxY { canvas.put(canvas.glyphs.vertical, x: plot.x - 1, y: y, style: axis) }
        if let labels = xLabels {
            canvas.write(labels.left, x: plot.x, y: plot.maxY, style: axis, maxX: rect.maxX)
            canvas.writeRight(labels.right, maxX: plot.maxX, y: plot.maxY, style: axis)
        }
        let grid = dots(columns: plot.width, rows: plot.height)
        grid.draw(into: &canvas, x: plot.x, y: plot.y, style: CellStyle(fg: lineRole))
        if let m = markerColumn(dotWidth: plot.width * 2) {
            var line = BrailleGrid(columns: plot.width, rows: plot.height)
            line.vertical(x: m, from: 0, to: line.dotHeight - 1)
            let cx = m / 2
            for row in 0..<plot.height {
                let mask = grid.mask(column: cx, row: row) | line.mask(column: cx, row: row)
                canvas.put(canvas.glyphs.braille(mask), x: plot.x + cx, y: plot.y + row,
                           style: CellStyle(fg: .marker, attributes: .bold))
            }
        }
    }

    /// The series rasterised to dots: resampled to the dot width, consecutive points
    /// joined vertically so steep lines stay connected; an area fills down to the axis.
    public func dots(columns: Int, rows: Int) -> BrailleGrid {
        var grid = BrailleGrid(columns: columns, rows: rows)
        guard !values.isEmpty, grid.dotWidth > 0, grid.dotHeight > 0 else { return grid }
        let r = range
        let span = r.upperBound - r.lowerBound
        let h = grid.dotHeight
        var previous: Int?
        for x in 0..<grid.dotWidth {
            let v = sample(at: x, dotWidth: grid.dotWidth)
            let t = span > 0 ? (min(max(v, r.lowerBound), r.upperBound) - r.lowerBound) / span : 0
            let y = h - 1 - Int((t * Double(h - 1)).rounded())
            if area {
                grid.vertical(x: x, from: y, to: h - 1)
            } else if let p = previous, p != y {
                // Join to the previous point without re-lighting it, so lines stay one dot thin.
                grid.vertical(x: x, from: y < p ? p - 1 : p + 1, to: y)
            } else {
                grid.set(x: x, y: y)
            }
            previous = y
        }
        return grid
    }

    func markerColumn(dotWidth: Int) -> Int? {
        guard let marker, values.count > 1 else { return nil }
        let t = min(max(marker / Double(values.count - 1), 0), 1)
        return Int((t * Double(dotWidth - 1)).rounded())
    }

    private func sample(at x: Int, dotWidth: Int) -> Double {
        guard values.count > 1, dotWidth > 1 else { return values[0] }
        let pos = Double(x) / Double(dotWidth - 1) * Double(values.count - 1)
        let i = min(Int(pos), values.count - 2)
        let f = pos - Double(i)
        return values[i] * (1 - f) + values[i + 1] * f
    }
}
