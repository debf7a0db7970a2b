import Core
/// Reads `alerts.conf`, one statement a line:
///
///     # comment
///     rule late-and-likely: p >= 0.7 and left < 2h
///     rule urgent-75: priority = urgent and (elapsed >= 75% or age > 1d)
///     hook late-and-likely: notify-send "OpsDeck" "{ticket} {priority} {left}"
///     hook.min_interval = 60s
///
/// Every mistake is one `InputError` at the line and column where something else was
/// expected; the parser never traps on input.
public enum AlertRuleParser {
    /// What `{name}` in a hook command may say.
    public static let placeholders = ["ticket", "rule", "priority", "p", "left", "expected_loss"]

    public static func parse(_ text: String, file: String = "alerts.conf") throws(InputError) -> AlertConfig {
        var config = AlertConfig()
        var ruleLines: [String: Int] = [:]
        var hooks: [(name: String, command: String, line: Int, column: Int)] = []
        var intervalSeen = false
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var s = LineScanner(raw.hasSuffix("\r") ? Array(raw.dropLast()) : Array(raw), file: file, line: k + 1)
            s.skipSpaces()
            if s.atEnd || s.peek == "#" { continue }
            let keywordAt = s.pos
            let keyword = s.word()
            switch keyword {
            case "rule":
                s.skipSpaces()
                let nameAt = s.pos
                let name = try s.name()
                if let first = ruleLines[name] {
                    throw s.error("a new rule name ('\(name)' is already defined on line \(first))", at: nameAt)
                }
                try s.expect(":")
                let condition = try s.orExpression()
                s.skipSpaces()
                guard s.atEnd else { throw s.error("`and`, `or` or the end of the line") }
                ruleLines[name] = k + 1
                config.rules.append(AlertRule(name: name, condition: condition))
            case "hook":
                s.skipSpaces()
                let nameAt = s.pos
                let name = try s.name()
                try s.expect(":")
                s.skipSpaces()
                let commandAt = s.pos
                let command = String(s.rest()).trimmingTrailingSpaces()
                guard !command.isEmpty else { throw s.error("a shell command after `hook \(name):`") }
                try checkPlaceholders(command, scanner: s, at: commandAt)
                if let other = hooks.first(where: { $0.name == name }) {
                    throw s.error("one hook per rule ('\(name)' has one on line \(other.line))", at: nameAt)
                }
                hooks.append((name, command, k + 1, nameAt))
            case "hook.min_interval":
                try s.expect("=")
                guard !intervalSeen else { throw s.error("`hook.min_interval` once per file", at: keywordAt) }
                intervalSeen = true
                config.hookMinInterval = try s.duration(allowNegative: false)
                s.skipSpaces()
                guard s.atEnd else { throw s.error("the end of the line after the interval") }
            default:
                throw s.error("`rule`, `hook` or `hook.min_interval`", at: keywordAt)
            }
        }
        for h in hooks {
            guard let r = config.rules.firstIndex(where: { $0.name == h.name }) else {
                throw InputError(file: file, line: h.line, column: h.column + 1, "expected the name of a rule in this file, found '\(h.name)'")
            }
            config.rules[r].hook = h.command
        }
        return config
    }

    /// A lowercase `{name}` must be a known placeholder (a typo would otherwise reach the
    /// shell); `${name}` is the shell's own and left alone.
    package static func checkPlaceholders(_ command: String, scanner s: LineScanner, at start: Int) throws(InputError) {
        let c = Array(command)
        var i = 0
        while i < c.count {
            defer { i += 1 }
            guard c[i] == "{", i == 0 || c[i - 1] != "$" else { continue }
            var j = i + 1
            while j < c.count, c[j].isLowercaseASCIILetter || c[j] == "_" { j += 1 }
            guard j > i + 1, j < c.count, c[j] == "}" else { continue }
            let name = String(c[(i + 1)..<j])
            if !placeholders.contains(name) {
                throw s.error("a placeholder among \(placeholders.map { "{\($0)}" }.joined(separator: " ")), found {\(name)}", at: start + i)
            }
        }
    }
}

extension Character {
    package var isLowercaseASCIILetter: Bool { ("a"..."z").contains(self) }
    package var isNameCharacter: Bool { isASCII && (isLetter || isNumber || self == "-" || self == "_" || self == ".") }
}

extension String {
    package func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
