/// The character encodings a CSV is read in. Everything is UTF-8 inside the reader:
/// other encodings are transcoded chunk by chunk as the file streams (a 1 GB UTF-16 file
/// needs one chunk of memory, not the file).
///
/// Invalid UTF-8 is an error with its line and column rather than a silent Windows-1252
/// reading: a guess can turn "Núñez" into "NÃºÃ±ez" unnoticed, a file that is half UTF-8 has
/// no right guess, and a streaming reader that has already handed out rows cannot change
/// its mind. The error names the likely cause (Excel's plain "CSV") and the way out:
/// save as "CSV UTF-8" or ask for `.windows1252` explicitly (`--encoding windows-1252`).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"

    /// Reads a name as typed for `--encoding`: utf-8, utf8, utf-16le, utf-16be, windows-1252,
    /// cp1252 (latin1 and iso-8859-1 too, which files labelled so almost always are).
    public static func parse(_ name: String) -> TextEncoding? {
        let k = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch k {
        case "utf8": return .utf8
        case "utf16le", "utf16": return .utf16LE
        case "utf16be": return .utf16BE
        case "windows1252", "cp1252", "win1252", "latin1", "iso88591", "ansi": return .windows1252
        default: return nil
        }
    }
}

/// What the first bytes of a file say about its encoding.
package enum EncodingSniff: Equatable {
    case text(TextEncoding, bom: Int)
    /// A file OpsDeck cannot read as CSV, with the message to show.
    case unsupported(String)

    /// Byte-order marks first, then well-known binary signatures, then the NUL pattern
    /// that UTF-16 and UTF-32 text without a mark leaves (ASCII characters have a zero
    /// high byte). Looks at most at the first 4 KB.
    package static func sniff(_ p: UnsafeBufferPointer<UInt8>) -> EncodingSniff {
        let n = p.count
        func starts(_ sig: [UInt8]) -> Bool { n >= sig.count && sig.indices.allSatisfy { p[$0] == sig[$0] } }
        if starts([0xFF, 0xFE, 0, 0]) { return .unsupported(utf32("UTF-32LE")) }
        if starts([0, 0, 0xFE, 0xFF]) { return .unsupported(utf32("UTF-32BE")) }
        if starts([0xEF, 0xBB, 0xBF]) { return .text(.utf8, bom: 3) }
        if starts([0xFF, 0xFE]) { return .text(.utf16LE, bom: 2) }
        if starts([0xFE, 0xFF]) { return .text(.utf16BE, bom: 2) }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return .unsupported("the file is a zip archive (an Excel .xlsx workbook is one), not CSV text; in Excel use Save As › CSV UTF-8")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            return .unsupported("the file is a legacy Excel workbook (.xls), not CSV text; in Excel use Save As › CSV UTF-8")
        }
        if starts([0x1F, 0x8B]) { return .unsupported("the file is gzip-compressed; unpack it first (gunzip)") }
        if starts([0x25, 0x50, 0x44, 0x46]) { return .unsupported("the file is a PDF, not CSV text") }
        let m = min(n, 4096)
        var firstNul = -1
        for i in 0..<m where p[i] == 0 { firstNul = i; break }
        guard firstNul >= 0 else { return .text(.utf8, bom: 0) }
        // UTF-32 below U+10000 has two zero bytes in every four.
        let quads = m / 4
        if quads >= 1 {
            var le = true, be = true
            for q in 0..<quads {
                let b = q * 4
                if p[b + 2] != 0 || p[b + 3] != 0 { le = false }
                if p[b] != 0 || p[b + 1] != 0 { be = false }
            }
            if le && !be { return .unsupported(utf32("UTF-32LE")) }
            if be && !le { return .unsupported(utf32("UTF-32BE")) }
        }
        var even = 0, odd = 0
        for i in 0..<(m & ~1) where p[i] == 0 {
            if i & 1 == 0 { even += 1 } else { odd += 1 }
        }
        let units = max(1, m / 2)
        if odd > 3 * even, odd * 8 >= units { return .text(.utf16LE, bom: 0) }
        if even > 3 * odd, even * 8 >= units { return .text(.utf16BE, bom: 0) }
        return .unsupported("the file looks binary (a NUL byte at byte \(firstNul + 1)), not CSV text; save it as CSV UTF-8")
    }

    private static func utf32(_ name: String) -> String { "the file looks like \(name); save it as CSV UTF-8" }
}

/// UTF-8 validation and transcoding into UTF-8, over raw buffers (no String, no Character).
package enum UTF8Text {
    /// Scans `p[from..<to]`. `validEnd` is where the last complete character ends (an
    /// incomplete one at the end may be finished by the next chunk); `invalid` is the
    /// offset of the first byte that can never be valid UTF-8, if any.
    package static func validate(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (validEnd: Int, invalid: Int?) {
        guard let base = p.baseAddress, from < to else { return (max(from, to), nil) }
        let raw = UnsafeRawPointer(base)
        var i = from
        while i < to {
            // Sixteen ASCII bytes at a time: the common case of a CSV.
            while i + 16 <= to {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 16
            }
            // The fast loop may end exactly at `to`: nothing past it is ours to read.
            guard i < to else { break }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            if c &- 0xC2 < 0x1E {  // C2…DF: two bytes
                guard i + 1 < to else { return (i, nil) }
                guard base[i + 1] & 0xC0 == 0x80 else { return (i, i) }
                i += 2
                continue
            }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F  // no surrogates
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return (i, i)
            }
            for k in 1..<len {
                guard i + k < to else { return (i, nil) }
                let b = base[i + k]
                if k == 1 ? (b < lo || b > hi) : (b & 0xC0 != 0x80) { return (i, i) }
            }
            i += len
        }
        return (to, nil)
    }

    @inline(__always)
    package static func put(_ v: UInt32, _ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        if v < 0x80 {
            out[o] = UInt8(v); o += 1
        } else if v < 0x800 {
            out[o] = UInt8(0xC0 | (v >> 6)); out[o + 1] = UInt8(0x80 | (v & 0x3F)); o += 2
        } else if v < 0x10000 {
            out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (v & 0x3F)); o += 3
        } else {
            out[o] = UInt8(0xF0 | (v >> 18)); out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (v & 0x3F)); o += 4
        }
    }

    /// Transcodes as much of `raw` as fits into `out` (4 bytes of room per character).
    /// Returns raw bytes consumed, bytes written, and whether it stopped at a code unit that
    /// can never be valid (an unpaired surrogate). A trailing incomplete unit or pair is left.
    package static func transcode(_ raw: UnsafeBufferPointer<UInt8>, from encoding: TextEncoding,
                          into out: UnsafeMutableBufferPointer<UInt8>) -> (consumed: Int, written: Int, bad: Bool) {
        guard let o0 = out.baseAddress else { return (0, 0, false) }
        var i = 0, o = 0
        let n = raw.count, cap = out.count
        switch encoding {
        case .utf8:
            return (0, 0, false)
        case .windows1252:
            while i < n, o + 3 <= cap {
                let c = raw[i]
                put(c < 0x80 || c >= 0xA0 ? UInt32(c) : cp1252[Int(c - 0x80)], o0, &o)
                i += 1
            }
        case .utf16LE, .utf16BE:
            let be = encoding == .utf16BE
            @inline(__always) func unit(_ k: Int) -> UInt32 {
                be ? UInt32(raw[k]) << 8 | UInt32(raw[k + 1]) : UInt32(raw[k + 1]) << 8 | UInt32(raw[k])
            }
            while i + 1 < n, o + 4 <= cap {
                let u = unit(i)
                if u < 0xD800 || u > 0xDFFF {
                    put(u, o0, &o); i += 2
                } else if u <= 0xDBFF {
                    guard i + 3 < n else { break }
                    let l = unit(i + 2)
                    guard (0xDC00...0xDFFF).contains(l) else { return (i, o, true) }
                    put(0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00), o0, &o); i += 4
                } else {
                    return (i, o, true)
                }
            }
        }
        return (i, o, false)
    }

    /// Windows-1252's 0x80–0x9F; the five undefined bytes map to the C1 control of the
    /// same value, as the WHATWG encoding standard does.
    private static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
