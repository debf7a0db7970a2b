/// Turns plain input characters (what `get_wch` returns when it is not a function key)
/// into keys, including escape sequences the terminfo entry did not describe, such as
/// `ESC [ Z` for Shift-Tab.
public enum KeyDecoder {
    /// Decodes a burst of scalars read without waiting (one key or one escape sequence,
    /// sometimes several keys when input was pasted or queued).
    public static func decode(_ scalars: [UInt32]) -> [Key] {
        var keys: [Key] = []
        var i = 0
        while i < scalars.count {
            let v = scalars[i]
            if v == 27 {
                let (key, used) = escapeSequence(Array(scalars[(i + 1)...]))
                keys.append(key)
                i += 1 + used
                continue
            }
            keys.append(plain(v))
            i += 1
        }
        return keys
    }

    static func plain(_ v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96) ?? "?"))
        default: return .char(Character(Unicode.Scalar(v) ?? "?"))
        }
    }

    /// Recognises CSI and SS3 sequences and Alt-key pairs after an ESC; returns the key
    /// and how many scalars it consumed. A lone ESC is Escape.
    static func escapeSequence(_ rest: [UInt32]) -> (Key, Int) {
        guard let first = rest.first else { return (.escape, 0) }
        if first >= 32, first != 79, first != 91, first != 127, let scalar = Unicode.Scalar(first) {
            return (.alt(Character(scalar)), 1)
        }
        if first == 79, rest.count >= 2 { // ESC O x (SS3)
            switch rest[1] {
            case 80: return (.function(1), 2)
            case 65: return (.up, 2)
            case 66: return (.down, 2)
            case 67: return (.right, 2)
            case 68: return (.left, 2)
            case 72: return (.home, 2)
            case 70: return (.end, 2)
            default: return (.escape, 0)
            }
        }
        guard first == 91 else { return (.escape, 0) } // ESC [ (CSI)
        var j = 1
        var params = ""
        while j < rest.count, (48...57).contains(rest[j]) || rest[j] == 59 {
            params.unicodeScalars.append(Unicode.Scalar(rest[j]) ?? "0")
            j += 1
        }
        guard j < rest.count else { return (.escape, 0) }
        let final = rest[j]
        let used = j + 1
        switch (final, params) {
        case (90, _): return (.backTab, used)        // Z
        case (65, _): return (.up, used)
        case (66, _): return (.down, used)
        case (67, _): return (.right, used)
        case (68, _): return (.left, used)
        case (72, _): return (.home, used)
        case (70, _): return (.end, used)
        case (126, "5"): return (.pageUp, used)      // ~
        case (126, "6"): return (.pageDown, used)
        case (126, "1"), (126, "7"): return (.home, used)
        case (126, "4"), (126, "8"): return (.end, used)
        case (126, "3"): return (.delete, used)
        case (126, "11"): return (.function(1), used)
        default: return (.escape, 0)
        }
    }
}
