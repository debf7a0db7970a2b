import Core
/// What a template prints for one shape of script (`PrepScriptFill.Shape`), with a hole
/// wherever a text goes: swift-mustache renders the template once over marker texts and the
/// markers are read back as holes. Every script of that shape is then the same pieces with its
/// own texts in the holes — swift-mustache decided every byte around them, and since a text
/// never steers a section, it would decide them the same for every script of the shape.
///
/// A marker names its text's index, `U+E000 < k > U+E001` (private-use characters), and comes
/// back `&lt;k&gt;` where the template's content type escaped it for HTML; that hole then gets the
/// text escaped the same way. `PrepScriptTemplate.plan(checkedOn:)` compares such a plan's fill
/// of a real script with a direct render before the plan is used.
package struct PrepScriptPlan: Sendable {
    package enum Piece: Sendable, Equatable {
        case literal(String)
        case text(Int)
        case escaped(Int)
    }

    package let pieces: [Piece]
    private let literalBytes: Int

    package static let open: Unicode.Scalar = "\u{E000}", close: Unicode.Scalar = "\u{E001}"

    package static func marker(_ k: Int) -> String { "\u{E000}<" + String(k) + ">\u{E001}" }

    /// Reads `output` (a render over `marker(k)` texts, `k < texts`) back into pieces; nil when
    /// a marker is not whole or names no text.
    package init?(output: String, texts: Int) {
        let bytes = Array(output.utf8)
        let openBytes = Array(String(Self.open).utf8), closeBytes = Array(String(Self.close).utf8)
        var pieces: [Piece] = [], literal = 0, i = 0
        func starts(_ p: [UInt8], at k: Int) -> Bool { k + p.count <= bytes.count && bytes[k..<(k + p.count)].elementsEqual(p) }
        while i < bytes.count {
            if starts(closeBytes, at: i) { return nil }
            guard starts(openBytes, at: i) else { i += 1; continue }
            if literal < i { pieces.append(.literal(String(decoding: bytes[literal..<i], as: UTF8.self))) }
            var j = i + openBytes.count
            let escaped: Bool
            if starts(Array("<".utf8), at: j) { escaped = false; j += 1 } else if starts(Array("&lt;".utf8), at: j) { escaped = true; j += 4 } else { return nil }
            var k = 0, digits = 0
            while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9"), digits < 9 {
                k = k * 10 + Int(bytes[j] - UInt8(ascii: "0")); j += 1; digits += 1
            }
            let end = Array((escaped ? "&gt;" : ">").utf8) + closeBytes
            guard digits > 0, k < texts, starts(end, at: j) else { return nil }
            pieces.append(escaped ? .escaped(k) : .text(k))
            i = j + end.count
            literal = i
        }
        if literal < bytes.count { pieces.append(.literal(String(decoding: bytes[literal...], as: UTF8.self))) }
        self.pieces = pieces
        literalBytes = pieces.reduce(0) { n, p in if case .literal(let s) = p { n + s.utf8.count } else { n } }
    }

    /// Whether a hole escapes its text for HTML (the template set that content type).
    package var escapes: Bool { pieces.contains { if case .escaped = $0 { true } else { false } } }

    /// The script: the pieces with `texts` in the holes.
    package func fill(_ texts: [String]) -> String {
        var out = ""
        out.reserveCapacity(literalBytes + 64 * texts.count)
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case .text(let k): out += texts[k]
            case .escaped(let k): Self.htmlEscape(texts[k], into: &out)
            }
        }
        return out
    }

    /// swift-mustache's HTML escape (String.htmlEscape): character by character, so a `<`
    /// carrying a combining mark stays as it is.
    package static func htmlEscape(_ text: String, into out: inout String) {
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
    }
}
