/// A line of text with a colour role.
public struct TextLine: Sendable, Equatable {
    public var text: String
    public var role: Role
    public var attributes: CellAttributes

    public init(_ text: String, role: Role = .mainFg, attributes: CellAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }
}

/// Scrolling text: lines are word-wrapped to the width, arrows and pages scroll.
public struct TextViewState: Sendable {
    public private(set) var offset: Int = 0

    public init() {}

    /// Handles scrolling; `total` is the number of wrapped lines, `page` the visible rows.
    public mutating func handle(_ action: Action, total: Int, page: Int) -> Bool {
        let p = max(1, page)
        switch action {
        case .moveUp: offset -= 1
        case .moveDown: offset += 1
        case .pageUp: offset -= p
        case .pageDown: offset += p
        case .first: offset = 0
        case .last: offset = total
        default: return false
        }
        offset = max(0, min(offset, max(0, total - p)))
        return true
    }
}

public enum TextView {
    /// Wraps lines at spaces to `width` cells, keeping spacing; continuation lines hang
    /// under the text after the first gap of two spaces (so "key  description" lines
    /// stay aligned), else under the line's own indent. Words longer than the width are cut.
    public static func wrap(_ lines: [TextLine], width: Int) -> [TextLine] {
        guard width > 0 else { return [] }
        var out: [TextLine] = []
        for line in lines {
            var rest = Array(line.text)
            if rest.count <= width, line.text.cellWidth <= width { out.append(line); continue }
            let hang = min(width / 2, hangingIndent(rest))
            var first = true
            while !rest.isEmpty {
                let room = first ? width : width - hang
                var used = 0, end = 0, lastSpace: Int?
                while end < rest.count {
                    let w = CharacterWidth.of(rest[end])
                    if used + w > room { break }
                    if rest[end] == " " { lastSpace = end }
                    used += w
                    end += 1
                }
                if end < rest.count, rest[end] != " ", let space = lastSpace, space > 0 { end = space }
                end = max(end, 1)
                let piece = String(rest[..<end])
                let text = first ? piece : String(repeating: " ", count: hang) + piece
                out.append(TextLine(String(text.reversed().drop { $0 == " " }.reversed()), role: line.role,
                                    attributes: line.attributes))
                rest = Array(rest[end...].drop { $0 == " " })
                first = false
            }
        }
        return out
    }

    static func hangingIndent(_ chars: [Character]) -> Int {
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        let leading = i
        while i + 1 < chars.count {
            if chars[i] == " ", chars[i + 1] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                return j < chars.count ? String(chars[..<j]).cellWidth : leading
            }
            i += 1
        }
        return leading
    }

    public static func draw(_ lines: [TextLine], state: TextViewState, into canvas: inout Canvas, in rect: Rect) {
        let wrapped = wrap(lines, width: rect.width)
        for row in 0..<rect.height {
            let i = state.offset + row
            guard i < wrapped.count else { break }
            let line = wrapped[i]
            canvas.write(line.text, x: rect.x, y: rect.y + row,
                         style: CellStyle(fg: line.role, attributes: line.attributes), maxX: rect.maxX)
        }
    }
}
