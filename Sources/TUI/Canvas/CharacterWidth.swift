/// Terminal column width of a grapheme, cheaply: 0 for controls and lone combining
/// marks, 2 for East-Asian wide and emoji ranges, otherwise 1. Ranges follow the
/// Unicode East Asian Width "W"/"F" blocks that matter in practice.
enum CharacterWidth {
    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar: scalar.value)
    }

    static func of(scalar v: UInt32) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x26AA...0x26AB,
        0x26BD...0x26BE, 0x26C4...0x26C5, 0x26F2...0x26F5, 0x2705...0x2705,
        0x270A...0x270B, 0x2753...0x2755, 0x2795...0x2797, 0x2B1B...0x2B1C,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F004...0x1F004, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension String {
    /// Width in terminal cells.
    public var cellWidth: Int { reduce(0) { $0 + CharacterWidth.of($1) } }

    /// Cuts the string to at most `width` cells, ending with `ellipsis` when it had to cut.
    public func truncated(toCells width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if cellWidth <= width { return self }
        var out = ""
        var used = 0
        let limit = width - 1
        for ch in self {
            let w = CharacterWidth.of(ch)
            if used + w > limit { break }
            out.append(ch)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// Pads with spaces (or truncates) to exactly `width` cells.
    public func padded(toCells width: Int, alignRight: Bool = false, ellipsis: Character = "…") -> String {
        let cut = truncated(toCells: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - cut.cellWidth))
        return alignRight ? pad + cut : cut + pad
    }
}
