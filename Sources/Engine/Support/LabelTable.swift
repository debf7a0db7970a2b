import Core
/// Values keyed by a desk's own labels, matched case-insensitively and ignoring spaces,
/// `-` and `_` (so `target.Urgent`, `target.urgent` and a ticket's "URGENT" meet), keeping
/// the spelling first written for messages.
public struct LabelTable<Value: Sendable & Equatable>: Sendable, Equatable {
    private var values: [String: Value] = [:]
    private var spelling: [String: String] = [:]

    public init(_ entries: [(String, Value)] = []) {
        for (k, v) in entries { self[k] = v }
    }

    public subscript(label: String) -> Value? {
        get { values[Self.key(label)] }
        set {
            let k = Self.key(label)
            values[k] = newValue
            if newValue == nil { spelling[k] = nil } else if spelling[k] == nil { spelling[k] = label }
        }
    }

    /// Labels as first written, sorted for stable messages.
    public var labels: [String] { spelling.values.sorted() }
    public var isEmpty: Bool { values.isEmpty }

    package static func key(_ label: String) -> String { normaliseLabel(Substring(label)) }
}
