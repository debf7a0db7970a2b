/// A category column's own labels, coded per dataset: the code of a label is its position
/// here. Labels match case-insensitively, ignoring spaces, `-` and `_` (as `Category.parse`),
/// and keep the spelling first seen. `known` labels come first, in their order, so the demo
/// and the common help desks code the same way on every run; new labels follow in order
/// of first appearance.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var labels: [String] = []
    private var index: [String: Int] = [:]

    public init(known: [String] = []) {
        for l in known { _ = code(l) }
    }

    /// Builds the vocabulary of `values` (after `known`) and their codes.
    public static func coding(_ values: [String], known: [String] = []) -> (vocabulary: Vocabulary, codes: [Int]) {
        var v = Vocabulary(known: known)
        var codes = [Int]()
        codes.reserveCapacity(values.count)
        // Runs of the same label (sorted files, the demo's few levels) skip the hash.
        var lastText: String?, lastCode = 0
        for s in values {
            if s == lastText { codes.append(lastCode); continue }
            lastCode = v.code(s)
            lastText = s
            codes.append(lastCode)
        }
        return (v, codes)
    }

    public var count: Int { labels.count }

    /// The label's code, adding it when new.
    public mutating func code(_ label: String) -> Int {
        if let i = index[label] { return i }
        let key = Self.key(label)
        if let i = index[key] {
            index[label] = i
            return i
        }
        let i = labels.count
        labels.append(label)
        index[label] = i
        index[key] = i
        return i
    }

    /// The code of a label already here, if any.
    public func code(of label: String) -> Int? { index[label] ?? index[Self.key(label)] }

    public func contains(_ label: String) -> Bool { code(of: label) != nil }

    /// The matching key: lowercased, without spaces, `-` or `_`. Prefixed so that a key
    /// never collides with a label spelled exactly like another label's key.
    package static func key(_ label: String) -> String { "\u{1}" + normaliseLabel(Substring(label)) }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.labels == b.labels }
}

/// Counts of labels the engine had no meaning for, per column, for the import report:
/// a new label never drops a row, it is listed.
public struct NewLabels: Sendable, Equatable {
    /// column → label → rows
    public private(set) var counts: [String: [String: Int]] = [:]
    public init() {}

    public mutating func add(_ column: String, _ label: String) { counts[column, default: [:]][label, default: 0] += 1 }

    public var isEmpty: Bool { counts.isEmpty }

    /// One note per column: `status: 'Escalated' 12, 'QA' 3 (read as open)`.
    public func notes(meaning: [String: String] = [:]) -> [String] {
        counts.keys.sorted().map { column in
            let labels = (counts[column] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let shown = labels.prefix(12).map { "'\(TerminalText.safe($0.key, limit: 40))' \($0.value)" }
            let more = labels.count > 12 ? ", and \(labels.count - 12) more" : ""
            let how = meaning[column].map { " (\($0))" } ?? ""
            return "labels new to OpsDeck in \(column): " + shown.joined(separator: ", ") + more + how
        }
    }
}
