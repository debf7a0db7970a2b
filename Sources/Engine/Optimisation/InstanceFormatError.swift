import Foundation
import Core

/// A benchmark file that does not read: `file:line: what was expected`.
public struct InstanceFormatError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var expected: String
    public init(file: String, line: Int, expected: String) {
        self.file = file; self.line = line; self.expected = expected
    }
    public var description: String { "\(file):\(line): \(expected)" }
}

/// Lines of a text file with 1-based numbers, CR stripped (Solomon files are CRLF).
package struct NumberedLines {
    package let file: String
    package let lines: [Substring]

    package init(text: String, file: String) {
        self.file = file
        // "\r\n" is a single Character in Swift, and it is a newline too.
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
    }

    package static func load(_ path: String) throws(InstanceFormatError) -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw InstanceFormatError(file: path, line: 0, expected: "expected a file, found a folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstanceFormatError(file: path, line: 0, expected: "expected a readable file")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw InstanceFormatError(file: path, line: 0, expected: "expected a text file")
        }
        return text
    }

    package func fields(_ i: Int) -> [Substring] { lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" }) }

    package func error(_ i: Int, _ what: String) -> InstanceFormatError {
        InstanceFormatError(file: file, line: i + 1, expected: what)
    }

    package func number(_ s: Substring, _ i: Int, _ what: String) throws(InstanceFormatError) -> Double {
        guard let v = Double(s), v.isFinite else { throw error(i, "expected \(what) as a number, found '\(s)'") }
        return v
    }
}
