import Core
/// One line of `alerts.conf` being read, with its position for errors (columns 1-based, in
/// characters), and the condition grammar:
///
///     or    := and ("or" and)*
///     and   := term ("and" term)*
///     term  := "(" or ")" | FIELD OP VALUE
package struct LineScanner {
    package let chars: [Character]
    package let file: String
    package let line: Int
    package var pos = 0

    package init(_ chars: [Character], file: String, line: Int) { self.chars = chars; self.file = file; self.line = line }

    package var atEnd: Bool { pos >= chars.count }
    package var peek: Character? { atEnd ? nil : chars[pos] }

    package func error(_ expected: String, at column: Int? = nil) -> InputError {
        InputError(file: file, line: line, column: (column ?? pos) + 1, "expected \(expected)")
    }

    package mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { pos += 1 } }

    /// The next run of name characters (possibly empty).
    package mutating func word() -> String {
        let start = pos
        while let c = peek, c.isNameCharacter { pos += 1 }
        return String(chars[start..<pos])
    }

    package mutating func rest() -> ArraySlice<Character> { defer { pos = chars.count }; return chars[pos...] }

    package mutating func name() throws(InputError) -> String {
        skipSpaces()
        let n = word()
        guard !n.isEmpty else { throw error("a rule name (letters, digits, - _ .)") }
        return n
    }

    package mutating func expect(_ token: Character) throws(InputError) {
        skipSpaces()
        guard peek == token else { throw error("'\(token)'") }
        pos += 1
    }

    /// Consumes `keyword` when it is the next whole word.
    package mutating func take(_ keyword: String) -> Bool {
        skipSpaces()
        let save = pos
        if word().lowercased() == keyword { return true }
        pos = save
        return false
    }

    package mutating func orExpression() throws(InputError) -> AlertCondition {
        var left = try andExpression()
        while take("or") { left = .or(left, try andExpression()) }
        return left
    }

    package mutating func andExpression() throws(InputError) -> AlertCondition {
        var left = try term()
        while take("and") { left = .and(left, try term()) }
        return left
    }

    package mutating func term() throws(InputError) -> AlertCondition {
        skipSpaces()
        if peek == "(" {
            pos += 1
            let inner = try orExpression()
            skipSpaces()
            guard peek == ")" else { throw error("`and`, `or` or ')'") }
            pos += 1
            return inner
        }
        let fieldAt = pos
        let word = word()
        guard let field = AlertField(rawValue: word.lowercased()) else {
            let names = AlertField.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("a field (\(names)) or '('" + (word.isEmpty ? "" : ", found '\(word)'"), at: fieldAt)
        }
        skipSpaces()
        let opAt = pos
        let op = comparison()
        guard let op, !field.isLabel || op == .equal || op == .notEqual else {
            throw error(field.isLabel ? "= or != after \(field.rawValue) (a label)" : "one of < <= > >= = != after \(field.rawValue)", at: opAt)
        }
        skipSpaces()
        return .compare(field, op, try operand(for: field))
    }

    package mutating func comparison() -> AlertComparison? {
        for op in [AlertComparison.lessOrEqual, .greaterOrEqual, .notEqual, .less, .greater, .equal] {
            let t = Array(op.rawValue)
            if pos + t.count <= chars.count, Array(chars[pos..<(pos + t.count)]) == t { pos += t.count; return op }
        }
        return nil
    }

    package mutating func operand(for field: AlertField) throws(InputError) -> AlertOperand {
        switch field {
        case .p:
            let at = pos
            guard var x = number(allowNegative: false) else { throw error("a probability such as 0.7 or 70%") }
            if peek == "%" { pos += 1; x /= 100 }
            guard x <= 1 else { throw error("a probability between 0 and 1 (or 0% and 100%)", at: at) }
            return .number(x)
        case .expectedLoss:
            guard let x = number(allowNegative: true) else { throw error("an amount such as 300") }
            return .number(x)
        case .left: return .duration(try duration(allowNegative: true))
        case .age: return .duration(try duration(allowNegative: false))
        case .elapsed:
            let save = pos
            if let x = number(allowNegative: false), peek == "%" { pos += 1; return .percent(x) }
            pos = save
            guard let d = try? duration(allowNegative: false) else { throw error("a share of the target such as 75% or a duration such as 90m") }
            return .duration(d)
        case .priority, .status, .channel, .group: return .label(try label())
        }
    }

    /// A bare word or a double-quoted text, lowercased.
    package mutating func label() throws(InputError) -> String {
        if peek == "\"" {
            let start = pos
            pos += 1
            var s = ""
            while let c = peek, c != "\"" { s.append(c); pos += 1 }
            guard peek == "\"" else { throw error("a closing '\"' for the label opened at column \(start + 1)") }
            pos += 1
            return s.lowercased()
        }
        let start = pos
        while let c = peek, c != " ", c != "\t", c != "(", c != ")" { pos += 1 }
        guard pos > start else { throw error("a label such as urgent or \"on hold\"") }
        return String(chars[start..<pos]).lowercased()
    }

    package mutating func number(allowNegative: Bool) -> Double? {
        let start = pos
        if allowNegative, peek == "-" { pos += 1 }
        let digitsAt = pos
        while let c = peek, c.isASCII, c.isNumber || c == "." { pos += 1 }
        guard pos > digitsAt, let x = Double(String(chars[start..<pos])), x.isFinite else { pos = start; return nil }
        return x
    }

    /// Seconds from `90m`, `2h`, `1h30m`, `1.5d` or `45s`: every number needs its unit.
    package mutating func duration(allowNegative: Bool) throws(InputError) -> Int64 {
        skipSpaces()
        let negative = allowNegative && peek == "-"
        if negative { pos += 1 }
        var total = 0.0, parts = 0
        while true {
            let at = pos
            guard let x = number(allowNegative: false) else {
                if parts > 0 { break }
                throw error("a duration such as 90m, 2h or 1d")
            }
            let unit: Double
            switch peek {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            default: throw error("a unit after \(String(chars[at..<pos])): s, m, h or d")
            }
            pos += 1
            total += x * unit
            parts += 1
        }
        // Far past any SLA target; the bound keeps the conversion to Int64 in range.
        guard total <= 1e12 else { throw error("a duration under 30 000 years") }
        let s = Int64(total.rounded())
        return negative ? -s : s
    }
}
