import Foundation
import Core

/// The names a prep-script template may use, and a checker for a template's tags.
///
/// Mustache renders an unknown name as nothing, so a typo in a user's template would silently
/// drop a section of every script. The checker walks the tags with the same scoping rules
/// (a section over a list or object opens that item's names on top of the outer ones) and
/// fails on the first unknown name, with its line. It also refuses a tag that would print a
/// whole list or object (`{{tickets}}`, or `{{.}}` anywhere but inside a section over a text):
/// Mustache prints those with Swift's description of the value, whose key order changes from
/// one run to the next.
public indirect enum TemplateField: Sendable, Equatable {
    case text
    case flag
    case object([String: TemplateField])
    case list([String: TemplateField])
}

public enum TemplateChecker {
    /// Throws `.template("<source> line N: …")` on an unknown field, an unbalanced section or
    /// a tag the scripts do not support (partials, delimiter changes).
    public static func check(_ text: String, fields: [String: TemplateField], source: String) throws(SalesError) {
        var scopes: [[String: TemplateField]] = [fields]
        var open: [(name: String, line: Int)] = []
        // Per open section: whether `{{.}}` is a text there. A section over a text, an object or
        // a list item puts it on top; over a flag (or an absent object) nothing moves.
        var dotIsText: [Bool] = [false]
        let chars = Array(text.utf8)
        var i = 0, line = 1
        func fail(_ l: Int, _ what: String) -> SalesError { .template("\(source) line \(l): \(what)") }
        while i < chars.count {
            if chars[i] == UInt8(ascii: "\n") { line += 1 }
            guard chars[i] == UInt8(ascii: "{"), i + 1 < chars.count, chars[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            let tagLine = line
            let triple = i + 2 < chars.count && chars[i + 2] == UInt8(ascii: "{")
            let bodyStart = i + (triple ? 3 : 2)
            var j = bodyStart
            while j + 1 < chars.count && !(chars[j] == UInt8(ascii: "}") && chars[j + 1] == UInt8(ascii: "}")) {
                if chars[j] == UInt8(ascii: "\n") { line += 1 }
                j += 1
            }
            guard j + 1 < chars.count else { throw fail(tagLine, "a tag opened with {{ is never closed") }
            var body = String(decoding: chars[bodyStart..<j], as: UTF8.self)
            i = j + (triple ? 3 : 2)
            body = body.trimmingCharacters(in: .whitespaces)
            guard let sigil = body.first else { throw fail(tagLine, "empty tag {{}}") }
            let rest = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%": continue
            case ">": throw fail(tagLine, "partials ({{> \(rest)}}) are not supported in prep scripts")
            case "=": throw fail(tagLine, "delimiter changes are not supported in prep scripts")
            case "#", "^":
                let field = try resolve(rest, scopes, tagLine, source)
                open.append((rest, tagLine))
                switch field {
                case .list(let inner), .object(let inner): scopes.append(inner)
                case .text, .flag: scopes.append([:])
                }
                let dot = dotIsText[dotIsText.count - 1]
                switch (sigil, field) {
                case _ where rest == ".": dotIsText.append(dot)
                case ("#", .text): dotIsText.append(true)
                case ("#", .list), ("#", .object), ("^", .list): dotIsText.append(false)
                default: dotIsText.append(dot)
                }
            case "/":
                guard let top = open.popLast() else { throw fail(tagLine, "{{/\(rest)}} closes a section that is not open") }
                guard top.name == rest else { throw fail(tagLine, "{{/\(rest)}} closes {{#\(top.name)}} opened on line \(top.line)") }
                scopes.removeLast()
                dotIsText.removeLast()
            case "&", "{":
                try value(rest, scopes, dotIsText[dotIsText.count - 1], tagLine, source)
            default:
                try value(body, scopes, dotIsText[dotIsText.count - 1], tagLine, source)
            }
        }
        if let top = open.last { throw fail(top.line, "section {{#\(top.name)}} is never closed") }
    }

    /// A name printed by a variable tag must be a text or a flag.
    package static func value(_ name: String, _ scopes: [[String: TemplateField]], _ dotIsText: Bool, _ line: Int,
                      _ source: String) throws(SalesError) {
        if name == "." {
            guard dotIsText else {
                throw SalesError.template("\(source) line \(line): {{.}} here is a whole object, not a text; name one of its fields instead")
            }
            return
        }
        switch try resolve(name, scopes, line, source) {
        case .text, .flag: return
        case .list, .object:
            throw SalesError.template("\(source) line \(line): \"\(name)\" is not a text; open it as a section, {{#\(name)}} … {{/\(name)}}, and print its fields")
        }
    }

    package static func resolve(_ name: String, _ scopes: [[String: TemplateField]], _ line: Int, _ source: String) throws(SalesError) -> TemplateField {
        if name == "." { return .text }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { throw SalesError.template("\(source) line \(line): empty field name") }
        var field: TemplateField? = nil
        for scope in scopes.reversed() { if let f = scope[first] { field = f; break } }
        for part in parts.dropFirst() {
            if case .object(let inner)? = field { field = inner[part] } else { field = nil }
        }
        guard let found = field else {
            let known = scopes.reversed().flatMap { $0.keys.sorted() }
            var seen = Set<String>()
            let list = known.filter { seen.insert($0).inserted }.joined(separator: ", ")
            throw SalesError.template("\(source) line \(line): unknown field \"\(name)\" (fields here: \(list))")
        }
        return found
    }
}
