/// A problem found in a theme or config file; the file still loads.
public struct ThemeWarning: Equatable, Sendable, CustomStringConvertible {
    public let source: String
    public let line: Int
    public let message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// Reads btop-style theme files: `theme[role]="#RRGGBB"` per line, `#` comments.
/// A value of `default` (or empty) means the terminal's own colour. Unknown roles and
/// malformed lines produce warnings; missing roles fall back to the default theme.
public enum ThemeParser {
    public struct Result: Sendable {
        public let theme: Theme
        public let warnings: [ThemeWarning]
    }

    public static func parse(_ text: String, name: String, source: String? = nil, fillMissing: Bool = true) -> Result {
        let origin = source ?? "\(name).theme"
        var colors: [Role: ThemeColor] = [:]
        var warnings: [ThemeWarning] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.hasPrefix("theme["),
                  let close = line.firstIndex(of: "]"),
                  let equals = line[close...].firstIndex(of: "=")
            else {
                warnings.append(ThemeWarning(source: origin, line: lineNumber,
                                             message: "expected theme[role]=\"#RRGGBB\", got \(line)"))
                continue
            }
            let key = String(line[line.index(line.startIndex, offsetBy: 6)..<close]).trimmingBlanks()
            var value = String(line[line.index(after: equals)...]).trimmingBlanks()
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = String(value.dropFirst().dropLast())
            }
            guard let role = Role(rawValue: key) else {
                warnings.append(ThemeWarning(source: origin, line: lineNumber, message: "unknown role \"\(key)\" ignored"))
                continue
            }
            if value.isEmpty || value.lowercased() == "default" {
                colors[role] = .terminalDefault
            } else if let rgb = RGB(hex: value) {
                colors[role] = .rgb(rgb)
            } else {
                warnings.append(ThemeWarning(source: origin, line: lineNumber,
                                             message: "\(key): expected \"#RRGGBB\" or \"default\", got \"\(value)\""))
            }
        }
        if fillMissing {
            for role in Role.allCases where colors[role] == nil {
                colors[role] = Theme.fallback.colors[role] ?? .terminalDefault
            }
        }
        return Result(theme: Theme(name: name, colors: colors), warnings: warnings)
    }
}

extension StringProtocol {
    /// Spaces, tabs and carriage returns off both ends (a theme file may come from Windows).
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
