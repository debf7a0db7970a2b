/// A dot grid at braille resolution: each cell holds 2 columns × 4 rows of dots.
/// Dot (x, y) has y = 0 at the top.
public struct BrailleGrid: Sendable {
    public let columns: Int
    public let rows: Int
    private var masks: [UInt8]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    // Unicode braille numbering: dots 1-3 and 7 down the left column, 4-6 and 8 down the right.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public mutating func set(x: Int, y: Int) {
        guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return }
        masks[(y / 4) * columns + x / 2] |= BrailleGrid.bits[x % 2][y % 4]
    }

    /// Sets every dot of column `x` from `y0` to `y1` inclusive.
    public mutating func vertical(x: Int, from y0: Int, to y1: Int) {
        for y in min(y0, y1)...max(y0, y1) { set(x: x, y: y) }
    }

    public func mask(column: Int, row: Int) -> UInt8 {
        guard column >= 0, column < columns, row >= 0, row < rows else { return 0 }
        return masks[row * columns + column]
    }

    /// Copies the lit cells into the canvas at `origin` in `style`; empty cells are left alone.
    public func draw(into canvas: inout Canvas, x: Int, y: Int, style: CellStyle) {
        for r in 0..<rows {
            for c in 0..<columns {
                let m = mask(column: c, row: r)
                if m != 0 { canvas.put(canvas.glyphs.braille(m), x: x + c, y: y + r, style: style) }
            }
        }
    }
}
