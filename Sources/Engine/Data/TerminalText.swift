/// Values from a file echoed to a terminal: control characters shown escaped, so a cell
/// holding `ESC]0;…` or `ESC[2J` cannot retitle or clear the user's terminal, and long
/// values cut so one cell cannot flood a report.
public enum TerminalText {
    public static func safe(_ s: String, limit: Int = 80) -> String {
        var out = ""
        var n = 0
        for ch in s {
            if n >= limit { return out + "…" }
            n += 1
            for u in ch.unicodeScalars {
                switch u.value {
                case 0x1B: out += "\\e"
                case 0x09: out += "\\t"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0..<0x20, 0x7F, 0x80..<0xA0:
                    out += "\\u{" + String(u.value, radix: 16) + "}"
                default: out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
