/// The target column: its task and, for two classes, which one counts as positive.
public struct TabularTarget: Codable, Sendable, Equatable {
    public var column: String
    public var task: TabularTask
    public var positive: String?
    public var negative: String?
    /// Why `positive` was chosen, for the report.
    public var positiveReason: String?

    /// Labels that usually name the event a team wants to predict, most telling first.
    static let positiveWords = ["yes", "y", "true", "t", "1", "churned", "churn", "left", "lost", "cancelled", "canceled",
                                "breached", "breach", "escalated", "default", "defaulted", "fraud", "bad", "positive", "pos"]

    init(_ col: RawTable.Column, task: TabularTask?, positive: String?) throws {
        column = col.name
        let classes = col.values.filter { !CellText.isMissing($0) }
        guard !classes.isEmpty else { throw TabularError.oneClassTarget(column: col.name, value: "no values") }
        let numeric = classes.allSatisfy { CellText.number($0) != nil }
        let chosen = task ?? (classes.count == 2 || !numeric ? .classification : .regression)
        self.task = chosen
        if chosen == .regression {
            if let bad = classes.first(where: { CellText.number($0) == nil }) {
                throw TabularError.targetNotNumeric(column: col.name, example: bad)
            }
            if classes.count == 1 { throw TabularError.oneClassTarget(column: col.name, value: classes[0]) }
            return
        }
        if classes.count == 1 { throw TabularError.oneClassTarget(column: col.name, value: classes[0]) }
        guard classes.count == 2 else { throw TabularError.tooManyClasses(column: col.name, count: classes.count) }
        let sorted = classes.sorted()
        if let p = positive {
            guard let hit = sorted.first(where: { $0 == p }) ?? sorted.first(where: { $0.lowercased() == p.lowercased() }) else {
                throw TabularError.unknownPositive(p, classes: sorted)
            }
            self.positive = hit
            positiveReason = "--positive"
        } else if let word = Self.positiveWords.first(where: { w in sorted.contains { $0.lowercased() == w } }),
                  let hit = sorted.first(where: { $0.lowercased() == word }) {
            self.positive = hit
            positiveReason = "inferred: \"\(hit)\" names the event"
        } else {
            self.positive = sorted[1]
            positiveReason = "inferred: the later of the two labels in sorted order"
        }
        negative = sorted.first { $0 != self.positive }
    }

    /// Per row: 1/0 (classification) or the value (regression); NaN where the target is missing.
    func labels(_ col: RawTable.Column) -> [Double] {
        let map = col.values.map { t -> Double in
            if CellText.isMissing(t) { return .nan }
            if task == .classification { return t == positive ? 1 : 0 }
            return CellText.number(t) ?? .nan
        }
        return col.codes.map { map[Int($0)] }
    }
}
