/// A grid of cells that screens and widgets draw into. It renders to plain text for
/// tests (`text()`) and `Terminal` copies it to the screen in one pass. Drawing is
/// always clipped to the grid; wide characters take two cells and are never split.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    public let glyphs: Glyphs
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode, fill: CellStyle = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        self.cells = Array(repeating: Cell(style: fill), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return Cell() }
        return cells[y * width + x]
    }

    /// Puts one character at (x, y), clearing any wide character it overlaps.
    public mutating func put(_ character: Character, x: Int, y: Int, style: CellStyle) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        var ch = glyphs.isUnicode || character.isASCII ? character : Glyphs.asciiFallback(character)
        var w = CharacterWidth.of(ch)
        if w == 0 { ch = " "; w = 1 }
        if w == 2 && x + 1 >= width { ch = " "; w = 1 }
        clearWide(at: x, y: y)
        if w == 2 { clearWide(at: x + 1, y: y) }
        cells[y * width + x] = Cell(character: ch, width: UInt8(w), style: style)
        if w == 2 {
            cells[y * width + x + 1] = Cell(character: " ", width: 0, style: style)
        }
    }

    /// Writes `string` from (x, y) without crossing `maxX` (default: the right edge).
    /// Returns the number of cells used.
    @discardableResult
    public mutating func write(_ string: String, x: Int, y: Int, style: CellStyle, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? width, width)
        var cx = x
        for ch in string {
            var w = glyphs.isUnicode || ch.isASCII ? CharacterWidth.of(ch) : 1
            if w == 0 { w = 1 }
            if cx + w > limit { break }
            if cx >= 0 { put(ch, x: cx, y: y, style: style) }
            cx += w
        }
        return cx - x
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { put(character, x: x, y: y, style: style) }
        }
    }

    /// Changes only the style of the cells in `rect` (keeps their characters).
    public mutating func restyle(_ rect: Rect, _ transform: (CellStyle) -> CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// Plain text, one line per row, trailing spaces trimmed: what golden tests compare.
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height { lines.append(line(y)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row as text, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !cells[y * width + x].isContinuation {
            s.append(cells[y * width + x].character)
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// If (x, y) is part of a wide character, blanks both halves so the grid stays whole.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(style: cells[i - 1].style)
            cells[i] = Cell(style: cells[i].style)
        } else if cells[i].width == 2, x + 1 < width {
            cells[i + 1] = Cell(style: cells[i + 1].style)
            cells[i] = Cell(style: cells[i].style)
        }
    }
}
