import Dispatch
import Core
import Optimisation

/// Each rep's visit days from the routing engine, one rep-day at a time, each a
/// prize-collecting choice: the day's pool holds about `poolFactor` times the visits the rep
/// fits in a day — field accounts carried over from earlier days and the day's own, then (by
/// NBA) field accounts of later days or past the horizon pulled forward, then field-fitting
/// accounts another channel serves that day or later (taking them over never delays their
/// contact) — as optional stops whose prize grows with the account's NBA percentile; the
/// rep's hours, a lunch break and the visit length as constraints. The same procedure with
/// equal prizes (a distance-only plan: as many visits as fit, shortest) runs for comparison,
/// and its stops are kept so the two plans can be shown side by side.
///
/// A stop is a fill-in when its account is allocated to another channel: the field takes it
/// over, and `ChannelAllocation.applyFieldRoutes` releases that contact (no account is both
/// visited and called).
public struct FieldRoutes: Sendable {
    public struct Visit: Sendable, Equatable {
        public var rep: Int
        public var day: Int
        public var sequence: Int
        public var account: Int
        public var arrivalMinute: Int
        public var prize: Int
        /// The account is not field-allocated in the horizon: spare field time filled with it.
        public var fillIn: Bool
        /// The visit in its day's timeline (`RepDayProblem.timeline`): the leg and any lunch
        /// before it, arrival, wait, start (`arrivalMinute`, in seconds) and end.
        public var time: FieldStopTime

        package init(rep: Int, day: Int, sequence: Int, account: Int, arrivalMinute: Int, prize: Int, fillIn: Bool, time: FieldStopTime) {
            self.rep = rep; self.day = day; self.sequence = sequence; self.account = account; self.arrivalMinute = arrivalMinute; self.prize = prize; self.fillIn = fillIn; self.time = time
        }
    }

    public struct Comparison: Sendable, Equatable {
        public var rep: Int
        public var candidates: Int
        /// Candidates in the top NBA quintile (`highNBAPercentile`): the most either plan can visit.
        public var highNBACandidates: Int
        public var visitsNBA: Int
        public var highNBAVisitsNBA: Int
        public var kmNBA: Double
        public var visitsDistance: Int
        public var highNBAVisitsDistance: Int
        public var kmDistance: Double
    }

    public static let highNBAPercentile = 0.8
    public static let maxCandidates = 120
    /// Candidates per visit the rep's day fits: the router has to choose.
    public static let poolFactor = 2

    /// The NBA-aware plan's stops, by rep, day and sequence.
    public var visits: [Visit]
    /// The distance-only plan's stops (same candidates, equal prizes), by rep, day and sequence.
    public var distanceVisits: [Visit]
    public var comparison: [Comparison]
    /// Legs of the NBA-aware plan (home to the first stop … the last stop home) and how many
    /// of them are the straight-line estimate because the travel matrix lacks the pair (0
    /// without a matrix).
    public var legs = 0
    public var estimatedLegs = 0

    public var fillIns: Int { visits.filter(\.fillIn).count }

    /// Visit day of each account in the NBA-aware plan, or -1.
    public func visitDay(accounts n: Int) -> [Int32] {
        var out = [Int32](repeating: -1, count: n)
        for v in visits where v.account < n { out[v.account] = Int32(v.day) }
        return out
    }

    /// `percentile[i]` is the NBA percentile (0…1); `fieldDay[i]` the account's field day (≥ `days`:
    /// past the horizon) or -1; `otherDay[i]` the day another channel serves a field-fitting
    /// account (≥ `days`: past the horizon), -1 when it may not be taken over;
    /// `visitsPerDay[r]` the most visits rep r makes in a day (it also sizes each day's pool).
    public init(territories: FieldTerritories, reps: [Rep], lat: [Double], lon: [Double], percentile: [Double],
                fieldDay: [Int32], otherDay: [Int32], visitsPerDay: [Int], days: Int, visitMinutes: Int, iterations: Int, seed: UInt64,
                travel: TravelModel = TravelModel(), windows: [VisitWindow?] = [], matrix: TravelMatrix? = nil, accountIds: [String] = []) {
        let k = territories.repOfTerritory.count
        // Accounts per territory by NBA: field accounts, and the field-fitting accounts of other channels.
        var field = [[Int]](repeating: [], count: k), other = [[Int]](repeating: [], count: k)
        let order = percentile.indices.sorted { percentile[$0] != percentile[$1] ? percentile[$0] > percentile[$1] : $0 < $1 }
        for i in order {
            let t = Int(territories.territory[i])
            guard t >= 0 else { continue }
            if fieldDay[i] >= 0 { field[t].append(i) } else if otherDay[i] >= 0 { other[t].append(i) }
        }
        let fieldByTerritory = field, otherByTerritory = other
        let input = DayInput(lat: lat, lon: lon, pct: percentile, fieldDay: fieldDay, otherDay: otherDay, days: days,
                             visitMinutes: visitMinutes, iterations: iterations, travel: travel, windows: windows,
                             matrix: matrix, accountIds: accountIds)
        let slots = ParallelSlots<RepPlans>(count: k)
        DispatchQueue.concurrentPerform(iterations: k) { t in
            let r = territories.repOfTerritory[t]
            guard r >= 0 && r < reps.count else { return }
            let perDay = r < visitsPerDay.count ? visitsPerDay[r] : 5
            let pool = min(Self.maxCandidates, max(10, Self.poolFactor * perDay))
            slots[t] = Self.solveRep(r, reps[r], field: fieldByTerritory[t], other: otherByTerritory[t], pool: pool, maxVisits: perDay,
                                     input, seed &+ UInt64(r))
        }
        var visits: [Visit] = [], distance: [Visit] = [], comparison: [Comparison] = []
        for t in 0..<k {
            if let plans = slots[t] {
                visits += plans.nba; distance += plans.distance; comparison.append(plans.comparison)
                legs += plans.legs; estimatedLegs += plans.estimatedLegs
            }
        }
        let byStop = { (a: Visit, b: Visit) in (a.rep, a.day, a.sequence) < (b.rep, b.day, b.sequence) }
        self.visits = visits.sorted(by: byStop)
        self.distanceVisits = distance.sorted(by: byStop)
        self.comparison = comparison.sorted { $0.rep < $1.rep }
    }

    /// One rep's two plans.
    package struct RepPlans: Sendable {
        package var nba: [Visit]
        package var distance: [Visit]
        package var comparison: Comparison
        package var legs = 0
        package var estimatedLegs = 0
    }
}
