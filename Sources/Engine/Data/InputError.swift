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

    public var description: String {
        column > 0 ? "\(file):\(line):\(column): \(message)" : "\(file):\(line): \(message)"
    }
}
