import Foundation

/// Every non-ASCII character the UI draws, with an ASCII set for terminals whose
/// locale is not UTF-8 (the habit of htop's Meter.c and btop's draw tables).
public struct Glyphs: Equatable, Sendable {
    public let isUnicode: Bool
    /// Nine levels from empty to full cell, used by bars and histograms.
    public let blocks: [Character]
    /// Five shades from empty to full, used by heatmaps.
    public let shades: [Character]
    public let horizontal: Character
    public let vertical: Character
    public let topLeft: Character
    public let topRight: Character
    public let bottomLeft: Character
    public let bottomRight: Character
    public let ellipsis: Character
    public let knob: Character
    public let markerDown: Character
    public let sortAscending: Character
    public let sortDescending: Character
    public let separator: Character
    public let cursorRow: Character

    public static let unicode = Glyphs(
        isUnicode: true,
        blocks: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        shades: [" ", "░", "▒", "▓", "█"],
        horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", knob: "●", markerDown: "▼",
        sortAscending: "▲", sortDescending: "▼", separator: "·", cursorRow: "▶"
    )

    public static let ascii = Glyphs(
        isUnicode: false,
        blocks: [" ", " ", "_", "_", ".", ".", ":", ":", "#"],
        shades: [" ", ".", ":", "*", "#"],
        horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", knob: "O", markerDown: "v",
        sortAscending: "^", sortDescending: "v", separator: "|", cursorRow: ">"
    )

    /// The glyph for a braille cell whose dots are given as a bit mask in the Unicode
    /// braille order (bit 0 = dot 1 … bit 7 = dot 8). ASCII approximates by which half is lit.
    public func braille(_ mask: UInt8) -> Character {
        if isUnicode {
            return Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " ")
        }
        if mask == 0 { return " " }
        // Dots 1,2,4,5 are the top two rows; 3,6,7,8 the bottom two.
        let top = mask & 0b0001_1011 != 0
        let bottom = mask & 0b1110_0100 != 0
        switch (top, bottom) {
        case (true, true): return mask == 0xFF ? "#" : ":"
        case (true, false): return "'"
        default: return "."
        }
    }

    /// An ASCII stand-in for a character a non-UTF-8 terminal cannot show: accents are
    /// dropped, common symbols get a look-alike, anything else becomes `?`.
    public static func asciiFallback(_ character: Character) -> Character {
        if character.isASCII { return character }
        if let mapped = lookalikes[character] { return mapped }
        let folded = String(character).applyingTransform(.stripDiacritics, reverse: false) ?? ""
        if let first = folded.first, first.isASCII, folded.count == 1 { return first }
        return "?"
    }

    private static let lookalikes: [Character: Character] = [
        "×": "x", "·": ".", "…": "~", "–": "-", "—": "-", "€": "E", "£": "L", "°": "o",
        "≤": "<", "≥": ">", "±": "+", "→": ">", "←": "<", "↑": "^", "↓": "v", "•": "*",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "ß": "s",
    ]

    /// Picks the set from the locale the environment asks for, as `setlocale(LC_ALL, "")` would.
    public static func forEnvironment(_ env: [String: String]) -> Glyphs {
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8") ? .unicode : .ascii
    }
}
