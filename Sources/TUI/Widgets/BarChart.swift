/// Vertical bars in eighth blocks (`▁▂▃▄▅▆▇█`): a histogram, or a one-row sparkline.
public struct BarChart: Sendable {
    public var values: [Double]
    public var maximum: Double?
    public var role: Role
    /// Bars whose index is in here use `highlightRole` (e.g. the bin holding the marker).
    public var highlighted: Set<Int>
    public var highlightRole: Role

    public init(values: [Double], maximum: Double? = nil, role: Role = .chartFill,
                highlighted: Set<Int> = [], highlightRole: Role = .marker) {
        self.values = values
        self.maximum = maximum
        self.role = role
        self.highlighted = highlighted
        self.highlightRole = highlightRole
    }

    /// Draws one bar per value, each `rect.width / count` cells wide (at least one);
    /// bars that do not fit are cut from the right.
    public func draw(into canvas: inout Canvas, in rect: Rect) {
        guard !values.isEmpty, rect.width > 0, rect.height > 0 else { return }
        let top = maximum ?? max(values.max() ?? 0, 0)
        let barWidth = max(1, rect.width / values.count)
        let levels = canvas.glyphs.blocks
        for (i, v) in values.enumerated() {
            let x0 = rect.x + i * barWidth
            guard x0 < rect.maxX else { break }
            let eighths = top > 0 ? Int((max(0, v) / top * Double(rect.height * 8)).rounded()) : 0
            let style = CellStyle(fg: highlighted.contains(i) ? highlightRole : role)
            for row in 0..<rect.height {
                let fill = min(8, max(0, eighths - row * 8))
                guard fill > 0 else { break }
                let y = rect.maxY - 1 - row
                for x in x0..<min(x0 + barWidth, rect.maxX) { canvas.put(levels[fill], x: x, y: y, style: style) }
            }
        }
    }

    /// Counts of `values` in `bins` equal-width bins over `range` (values outside are
    /// clamped into the end bins): the bars of a histogram. Display binning only; the
    /// values themselves come from the engine.
    public static func histogram(_ values: [Double], bins: Int, range: ClosedRange<Double>) -> [Double] {
        guard bins > 0 else { return [] }
        var counts = [Double](repeating: 0, count: bins)
        let span = range.upperBound - range.lowerBound
        for v in values where v.isFinite {
            let t = span > 0 ? (v - range.lowerBound) / span : 0
            counts[min(bins - 1, max(0, Int(t * Double(bins))))] += 1
        }
        return counts
    }
}
