import Core
/// The target column: its task and, for two classes, which one counts as positive.
public struct TabularTarget: Codable, Sendable, Equatable {
    public var column: String
    public var task: TabularTask
    public var positive: String?
    public var negative: String?
    /// Why `positive` was chosen, for the report.
    public var positiveReason: String?

    /// Labels that usually name the event a team wants to predict, most telling first.
    package static let positiveWords = ["yes", "y", "true", "t", "1", "churned", "churn", "left", "lost", "cancelled", "canceled",
                                "breached", "breach", "escalated", "default", "defaulted", "fraud", "bad", "positive", "pos"]

    /// A target known in advance (the pipeline's churn and value fields), not inferred.
    package init(column: String, task: TabularTask, positive: String? = nil, negative: String? = nil, positiveReason: String? = nil) {
        self.column = column; self.task = task; self.positive = positive; self.negative = negative
        self.positiveReason = positiveReason
    }

    /// Class labels are compared without case ("Yes" and "yes" are one class, shown as the
    /// spelling seen first).
    package init(_ col: RawTable.Column, task: TabularTask?, positive: String?) throws {
        column = col.name
        let present = col.values.filter { !CellText.isMissing($0) }
        guard !present.isEmpty else { throw TabularError.oneClassTarget(column: col.name, value: "no values") }
        var spelling: [String: String] = [:]
        for v in present where spelling[v.lowercased()] == nil { spelling[v.lowercased()] = v }
        let numeric = present.allSatisfy { CellText.number($0) != nil }
        let chosen = task ?? (spelling.count == 2 || !numeric ? .classification : .regression)
        self.task = chosen
        if chosen == .regression {
            if let bad = present.first(where: { CellText.number($0) == nil }) {
                throw TabularError.targetNotNumeric(column: col.name, example: bad)
            }
            if present.count == 1 { throw TabularError.oneClassTarget(column: col.name, value: present[0]) }
            return
        }
        let keys = spelling.keys.sorted()
        if keys.count == 1 { throw TabularError.oneClassTarget(column: col.name, value: spelling[keys[0]] ?? keys[0]) }
        guard keys.count == 2 else { throw TabularError.tooManyClasses(column: col.name, count: keys.count) }
        let key: String
        if let p = positive {
            guard keys.contains(p.lowercased()) else { throw TabularError.unknownPositive(p, classes: keys.compactMap { spelling[$0] }) }
            key = p.lowercased()
            positiveReason = "--positive"
        } else if let word = Self.positiveWords.first(where: keys.contains) {
            key = word
            positiveReason = "inferred: \"\(spelling[word] ?? word)\" names the event"
        } else {
            key = keys[1]
            positiveReason = "inferred: the later of the two labels in sorted order"
        }
        self.positive = spelling[key]
        negative = keys.first { $0 != key }.flatMap { spelling[$0] }
    }

    /// Per row: 1/0 (classification) or the value (regression); NaN where the target is missing.
    package func labels(_ col: RawTable.Column) -> [Double] {
        let positiveKey = positive?.lowercased()
        let map = col.values.map { t -> Double in
            if CellText.isMissing(t) { return .nan }
            if task == .classification { return t.lowercased() == positiveKey ? 1 : 0 }
            return CellText.number(t) ?? .nan
        }
        return col.codes.map { map[Int($0)] }
    }
}
