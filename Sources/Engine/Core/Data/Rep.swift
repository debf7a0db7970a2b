/// A field sales rep: where the working day starts and ends, and how long it is.
public struct Rep: Sendable, Equatable {
    public var id: String
    public var name: String
    public var homeLat: Double
    public var homeLon: Double
    /// Start and end of the working day, minutes after midnight.
    public var dayStartMinute: Int
    public var dayEndMinute: Int
    /// Working days per week the rep visits customers.
    public var workingDays: Int

    public init(id: String, name: String, homeLat: Double, homeLon: Double,
                dayStartMinute: Int = 8 * 60 + 30, dayEndMinute: Int = 17 * 60 + 30, workingDays: Int = 5) {
        self.id = id; self.name = name; self.homeLat = homeLat; self.homeLon = homeLon
        self.dayStartMinute = dayStartMinute; self.dayEndMinute = dayEndMinute; self.workingDays = workingDays
    }
}
