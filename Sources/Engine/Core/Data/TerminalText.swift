/// Makes text that came from a file safe to print: a cell can hold `ESC]0;title BEL` (which
/// retitles the terminal), `ESC[2J` (which clears it) or a right-to-left override that
/// reorders what follows. Every such character is shown as an escape instead, and a long
/// value is cut, so a report line stays one readable line.
public enum TerminalText {
    /// Default length of a quoted cell value in a message.
    public static let valueLimit = 80

    /// `text` with control characters escaped and cut to `limit` characters (grapheme
    /// clusters) with a trailing `…`. C0 controls and DEL become `\e`, `\t`, `\n`, `\r` or
    /// `\u{7}`; C1 controls `\x9b`; bidirectional controls and line separators `\u{202e}`.
    /// Printable text, accents and CJK pass unchanged. A backslash is left as is, so escaping
    /// twice gives the same text.
    public static func safe(_ text: String, limit: Int = Int.max) -> String {
        // The common case (plain printable ASCII within the limit) returns the text itself.
        if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        var count = 0
        for ch in text {
            if count >= limit {
                out += "…"
                return out
            }
            if ch.unicodeScalars.contains(where: needsEscape) {
                for s in ch.unicodeScalars { out += needsEscape(s) ? escape(s) : String(s) }
            } else {
                out.append(ch)
            }
            count += 1
        }
        return out
    }

    /// A cell value for a message: safe, cut at `limit`, between single quotes.
    public static func quoted(_ value: String, limit: Int = valueLimit) -> String {
        "'" + safe(value, limit: limit) + "'"
    }

    @inline(__always)
    package static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        // Bidi embeddings/overrides/isolates, line and paragraph separators, the BOM.
        return (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x200E || v == 0x200F || v == 0xFEFF
    }

    package static func escape(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x1B: return "\\e"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x80...0x9F: return "\\x" + String(s.value, radix: 16)
        default: return "\\u{" + String(s.value, radix: 16) + "}"
        }
    }
}
