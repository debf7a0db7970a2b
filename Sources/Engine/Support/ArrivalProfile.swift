import Core
/// When in the day tickets arrive: counts per quarter hour of the desk's wall clock, over
/// every ticket of the data set. The escalation roster spreads a day's escalations by it.
public struct ArrivalProfile: Sendable, Equatable {
    public static let binMinutes = 15
    public static let bins = 1440 / binMinutes
    /// Tickets created in each quarter hour after midnight, desk time.
    public private(set) var counts: [Int]

    public init(counts: [Int] = [Int](repeating: 0, count: ArrivalProfile.bins)) {
        self.counts = counts.count == Self.bins ? counts : [Int](repeating: 0, count: Self.bins)
    }

    /// `zone`: the desk's (`calendar.timezone`); nil reads UTC.
    public init(tickets: [Ticket], zone: DeskTimeZone?) {
        var c = [Int](repeating: 0, count: Self.bins)
        for i in tickets.indices {  // by index: iterating copies each ticket with its texts
            let created = tickets[i].createdAt
            let local = created + Int64(zone?.offset(atUTC: created) ?? 0)
            let second = local - CivilDate.floorDiv(local, 86_400) * 86_400
            c[Int(second / Int64(Self.binMinutes * 60))] += 1
        }
        counts = c
    }

    public var total: Int { counts.reduce(0, +) }

    /// Share of the day's arrivals per interval of `minutes` (a multiple of 15 dividing the
    /// day); an empty profile spreads evenly.
    public func shares(intervalMinutes minutes: Int) -> [Double] {
        let per = max(1, minutes / Self.binMinutes)
        let n = Self.bins / per
        let total = Double(self.total)
        return (0..<n).map { k in
            guard total > 0 else { return 1 / Double(n) }
            return Double(counts[(k * per)..<((k + 1) * per)].reduce(0, +)) / total
        }
    }

    package func write(into w: inout SupportSnapshotWriter) { w.ints(counts) }

    package static func read(_ r: inout SupportSnapshotReader) throws(SupportSnapshotError) -> ArrivalProfile {
        let c = try r.ints()
        guard c.count == bins, c.allSatisfy({ $0 >= 0 }) else { throw .invalid("arrival profile of \(c.count) bins") }
        return ArrivalProfile(counts: c)
    }
}
