import Core
/// A measured figure of a run, with its target when one is set.
public struct KPI: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var target: Double?
    public var higherIsBetter: Bool

    public init(name: String, value: Double, target: Double? = nil, higherIsBetter: Bool = true) {
        self.name = name
        self.value = value
        self.target = target
        self.higherIsBetter = higherIsBetter
    }

    /// Whether the target is met (true when there is none).
    public var met: Bool {
        guard let target else { return true }
        return higherIsBetter ? value >= target : value <= target
    }
}
