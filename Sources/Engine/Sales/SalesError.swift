import Core
/// What can stop a sales stage, in words a user can act on.
public enum SalesError: Error, Equatable, Sendable, CustomStringConvertible {
    case config(String)
    case template(String)
    case input(String)

    public var description: String {
        switch self {
        case .config(let s): "sales config: \(s)"
        case .template(let s): "prep-script template: \(s)"
        case .input(let s): s
        }
    }
}
