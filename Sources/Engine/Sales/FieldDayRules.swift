import Core
import Optimisation
/// The rules of a field day that the run's routes, the capacity estimate and the screen's
/// re-plan must share, so a re-planned day is judged as the run planned it.
extension FieldRoutes {
    /// A visit's prize from the account's NBA percentile: 1 at the bottom, 100 at the top.
    public static func prize(nbaPercentile: Double) -> Int { 1 + Int((99 * nbaPercentile).rounded()) }
}

extension Rep {
    /// A 45-minute lunch between 13:00 and 14:30 when the rep's day spans it, else nil.
    public var lunchBreak: LunchBreak? {
        guard dayStartMinute < 13 * 60 && dayEndMinute > 15 * 60 else { return nil }
        return LunchBreak(earliest: 13 * 3600, latest: 14 * 3600 + 1800, duration: 45 * 60)
    }
}

extension RouteSolverOptions {
    /// SISR's default ruin (10 stops on average, strings up to 10) is sized for hundreds of
    /// stops; on a rep's day of 5–25 candidates it empties the route every time. Ruins of
    /// about 4 (at most half the candidates) find shorter days for both plans in about 0.6×
    /// the time (BENCHMARKS.md, issue 6).
    public mutating func sizeRuin(toFieldDay candidates: Int) {
        averageRemoved = min(4, Double(candidates) / 2)
        maxString = 4
    }
}

/// When one stop of a rep's day happens, in seconds after midnight.
public struct FieldStopTime: Sendable, Equatable {
    /// The stop's node in the day's problem (`RepDayProblem.stops[node − 1]`).
    public var node: Int
    /// Road travel from the previous stop (or home): the routing engine's seconds, and km
    /// (great-circle × the road factor, unrounded).
    public var travelSeconds: Int
    public var travelKm: Double
    /// Lunch taken on the way here (the break's length, or 0).
    public var lunchSeconds: Int
    /// When the rep gets there, after travel and any lunch (a break that cannot start yet
    /// waits for its earliest start: then arrival − departure − travel − lunch > 0).
    public var arrival: Int
    /// When the visit begins: the arrival, or the opening of the stop's window.
    public var start: Int
    /// When the visit ends and the rep leaves.
    public var end: Int

    package init(node: Int, travelSeconds: Int, travelKm: Double, lunchSeconds: Int, arrival: Int, start: Int, end: Int) {
        self.node = node; self.travelSeconds = travelSeconds; self.travelKm = travelKm; self.lunchSeconds = lunchSeconds; self.arrival = arrival; self.start = start; self.end = end
    }

    /// Waiting for the window to open.
    public var wait: Int { start - arrival }
    public var service: Int { end - start }
}

/// A rep's day visited in one order: each stop's times, when lunch starts and when the rep
/// is home again.
public struct FieldDayTimeline: Sendable, Equatable {
    public var stops: [FieldStopTime]
    /// When the break starts; nil when the day takes none (no break, or home before it).
    public var lunchStart: Int?
    /// Back at home, after the last visit (and lunch on the way, if it was still ahead).
    public var home: Int
}

extension RepDayProblem {
    /// The day's timeline for stops visited in `route` order (nodes 1…stops.count), with the
    /// lunch rule of `LunchBreak`: the break starts at max(departure, earliest) on the first
    /// leg whose next service (or the return home) would begin at or after its earliest
    /// start, and the arrival becomes max(arrival, earliest) + duration. The one simulation
    /// of a field day: the run's arrivals, the screen's re-plan and the saved schedule all
    /// come from it (`RouteChecker` re-simulates on its own, as the independent check).
    public func timeline(_ route: [Int]) -> FieldDayTimeline {
        let p = problem, veh = p.vehicles[0]
        var at = veh.start, clock = veh.earliest
        var lunchStart: Int? = nil, lunchDone = p.lunch == nil
        var out: [FieldStopTime] = []
        out.reserveCapacity(route.count)
        func leg(to node: Int, serviceFrom ready: (Int) -> Int) -> (arrive: Int, lunch: Int) {
            let leave = clock
            var arrive = clock + p.travel(at, node)
            guard !lunchDone, let l = p.lunch, ready(arrive) >= l.earliest else { return (arrive, 0) }
            lunchStart = max(leave, l.earliest)
            lunchDone = true
            arrive = max(arrive, max(leave, l.earliest)) + l.duration
            return (arrive, l.duration)
        }
        for node in route {
            let (arrive, lunch) = leg(to: node) { max($0, p.ready[node]) }
            let begin = max(arrive, p.ready[node])
            out.append(FieldStopTime(node: node, travelSeconds: p.travel(at, node),
                                     travelKm: TravelModel.haversineKm(lat[at], lon[at], lat[node], lon[node]) * travel.roadFactor,
                                     lunchSeconds: lunch, arrival: arrive, start: begin, end: begin + p.service[node]))
            clock = begin + p.service[node]
            at = node
        }
        let home = out.isEmpty ? veh.earliest : leg(to: veh.end) { $0 }.arrive
        return FieldDayTimeline(stops: out, lunchStart: lunchStart, home: home)
    }
}
