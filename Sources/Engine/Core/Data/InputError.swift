/// Unreadable input: names the file, the line, the column and what was expected.
/// Rendered as `file:line:column: message`, the form editors and terminals link to.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line.
    public var line: Int
    /// 1-based character column within the line (0 when the whole line or file is meant).
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Longest message printed; a message quotes cell values, which can be of any length.
    public static let messageLimit = 400

    /// Terminal-safe: control characters in the file name or the quoted values are escaped
    /// (a cell holding `ESC]0;…` must not retitle the terminal) and a long message is cut.
    public var description: String {
        let f = TerminalText.safe(file), m = TerminalText.safe(message, limit: Self.messageLimit)
        return column > 0 ? "\(f):\(line):\(column): \(m)" : "\(f):\(line): \(m)"
    }
}
