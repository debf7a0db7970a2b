import Core
/// How one cell's text reads as a number, a yes/no, a date or a missing value. Fitting and
/// scoring both go through here, so a file is always read the same way.
package enum CellText {
    /// Spreadsheet spellings of "no value" (compared case-insensitively).
    package static let missingTokens: Set<String> = ["", "na", "n/a", "nan", "null", "none", "#n/a", "-nan", "?", "-"]

    package static func isMissing(_ s: String) -> Bool { s.isEmpty || missingTokens.contains(s.lowercased()) }

    /// yes/no, true/false, y/n, t/f and 1/0 in any case.
    package static func boolean(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "yes", "true", "y", "t", "1": return true
        case "no", "false", "n", "f", "0": return false
        default: return nil
        }
    }

    /// A number, allowing a leading currency sign and comma thousands separators in
    /// groups of three ("1,234.5", "$1,234", "-€12"); nil for anything else.
    package static func number(_ s: String) -> Double? {
        if let v = Double(s), v.isFinite { return v }
        var t = Substring(s)
        var negative = false
        if t.first == "-" || t.first == "+" { negative = t.first == "-"; t = t.dropFirst() }
        if let c = t.first, "$€£¥".contains(c) { t = t.dropFirst() }
        if !negative, t.first == "-" { negative = true; t = t.dropFirst() }
        guard let first = t.first, first.isASCII, first.isNumber || first == "." else { return nil }
        if t.contains(",") {
            let intEnd = t.firstIndex(of: ".") ?? t.endIndex
            let groups = t[t.startIndex..<intEnd].split(separator: ",", omittingEmptySubsequences: false)
            guard let lead = groups.first, (1...3).contains(lead.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            t = Substring(groups.joined() + t[intEnd...])
        }
        guard let v = Double(t), v.isFinite else { return nil }
        return negative ? -v : v
    }

    /// Day number of `YYYY-MM-DD` (an optional time is ignored).
    package static func day(_ s: String) -> Int? { CivilDate.parseDay(Substring(s)) }
}
