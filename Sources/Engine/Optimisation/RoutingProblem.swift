import Core
/// One vehicle (a rep's day, a truck): where it starts and ends, when, and how much it carries.
public struct Vehicle: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// The vehicle leaves `start` at `earliest` and must be back at `end` by `latest`.
    public var earliest: Int
    public var latest: Int
    public var capacity: Int
    /// Longest allowed time from departure to return; nil when only `latest` binds.
    public var maxDuration: Int?

    public init(start: Int, end: Int, earliest: Int, latest: Int, capacity: Int = Int.max / 4, maxDuration: Int? = nil) {
        self.start = start; self.end = end; self.earliest = earliest; self.latest = latest
        self.capacity = capacity; self.maxDuration = maxDuration
    }

    /// The return deadline once the duration cap is folded in (vehicles leave at `earliest`).
    public var returnDeadline: Int {
        guard let d = maxDuration else { return latest }
        return min(latest, earliest + d)
    }
}

/// A lunch break of `duration` that must start within [earliest, latest].
///
/// The rule, shared by the solver and the checker (each implements it on its own): the break
/// is taken on the first leg during which the clock reaches `earliest` before service at the
/// next stop (or the return home) begins. It starts at max(departure, earliest), and the
/// arrival becomes max(arrival, earliest) + duration. A route home before `earliest` needs none.
public struct LunchBreak: Sendable, Equatable {
    public var earliest: Int
    public var latest: Int
    public var duration: Int
    public init(earliest: Int, latest: Int, duration: Int) {
        self.earliest = earliest; self.latest = latest; self.duration = duration
    }
}

/// Every routing problem the engine solves, in one shape: TSP (one vehicle, no windows),
/// VRPTW (capacities, windows, fewest vehicles first), OPTW/TOPTW (optional stops with prizes)
/// and the rep's day or week (mandatory + optional, locked stops, home, lunch).
///
/// Nodes are 0..<size; `stops` lists the nodes to visit (depots are the vehicles' start and
/// end nodes). Times and distances are integers in the problem's own unit; `distanceScale`
/// turns the integer distance back into the reported unit (e.g. 10 000 for Solomon).
public struct RoutingProblem: Sendable {
    public let size: Int
    /// Row-major size × size matrices.
    public let distance: [Int]
    public let time: [Int]
    public var stops: [Int]
    public var demand: [Int]
    public var ready: [Int]
    public var due: [Int]
    public var service: [Int]
    public var prize: [Int]
    public var mandatory: [Bool]
    /// The vehicle a stop is locked to, or -1.
    public var lockedVehicle: [Int]
    public var vehicles: [Vehicle]
    public var lunch: LunchBreak?
    /// Minimise vehicles before distance (Solomon convention).
    public var minimiseVehicles: Bool
    public var distanceScale: Double

    public init(distance: [Int], time: [Int], size: Int, stops: [Int], vehicles: [Vehicle]) {
        self.size = size; self.distance = distance; self.time = time
        self.stops = stops; self.vehicles = vehicles
        demand = Array(repeating: 0, count: size)
        ready = Array(repeating: 0, count: size)
        due = Array(repeating: Int.max / 4, count: size)
        service = Array(repeating: 0, count: size)
        prize = Array(repeating: 0, count: size)
        mandatory = Array(repeating: true, count: size)
        lockedVehicle = Array(repeating: -1, count: size)
        lunch = nil
        minimiseVehicles = false
        distanceScale = 1
    }

    @inline(__always) public func dist(_ i: Int, _ j: Int) -> Int { distance[i * size + j] }
    @inline(__always) public func travel(_ i: Int, _ j: Int) -> Int { time[i * size + j] }

    /// True when every stop is mandatory (no prizes to collect).
    public var allMandatory: Bool { stops.allSatisfy { mandatory[$0] } }

    /// Checks the shapes agree and every value is within `RoutingLimits`; the solver relies
    /// on it (its sums cannot overflow once each term is at most `maxValue`).
    public func validate() throws(RoutingError) {
        let n = size
        guard (1...RoutingLimits.maxNodes).contains(n) else { throw .badShape("\(n) nodes; at most \(RoutingLimits.maxNodes) are accepted") }
        guard vehicles.count <= RoutingLimits.maxVehicles else {
            throw .badShape("\(vehicles.count) vehicles; at most \(RoutingLimits.maxVehicles) are accepted")
        }
        guard distance.count == n * n, time.count == n * n else { throw .badShape("matrices must be \(n)×\(n)") }
        try checkValues()
        for a in [demand, ready, due, service, prize, lockedVehicle] where a.count != n {
            throw .badShape("per-node arrays must have \(n) entries")
        }
        guard mandatory.count == n else { throw .badShape("per-node arrays must have \(n) entries") }
        guard !vehicles.isEmpty else { throw .badShape("at least one vehicle is needed") }
        for v in vehicles where !(0..<n).contains(v.start) || !(0..<n).contains(v.end) {
            throw .badShape("vehicle start/end node out of range")
        }
        var seen = Array(repeating: false, count: n)
        for s in stops {
            guard (0..<n).contains(s), !seen[s] else { throw .badShape("stop \(s) out of range or repeated") }
            seen[s] = true
            if lockedVehicle[s] >= vehicles.count { throw .badShape("stop \(s) locked to a missing vehicle") }
        }
    }
}

extension RoutingProblem {
    /// Travel, service, demand, prize and start times within ±maxValue; deadlines, capacities
    /// and durations up to `RoutingLimits.unbounded` ("no limit").
    package func checkValues() throws(RoutingError) {
        let big = RoutingLimits.maxValue, none = RoutingLimits.unbounded
        func within(_ a: [Int], _ limit: Int) -> Bool { a.allSatisfy { $0 >= -big && $0 <= limit } }
        guard within(distance, big), within(time, big) else { throw .badShape("a distance or travel time beyond ±\(big)") }
        guard within(service, big), within(demand, big), within(prize, big), within(ready, big) else {
            throw .badShape("a service time, demand, prize or ready time beyond ±\(big)")
        }
        guard within(due, none) else { throw .badShape("a due time beyond \(none)") }
        for v in vehicles {
            guard v.earliest >= -big, v.earliest <= big, v.latest >= -big, v.latest <= none,
                  v.capacity >= 0, v.capacity <= none, (v.maxDuration ?? 0) >= 0, (v.maxDuration ?? 0) <= none else {
                throw .badShape("a vehicle's start time, deadline, capacity or duration is out of range")
            }
        }
        if let l = lunch {
            guard l.earliest >= -big, l.earliest <= big, l.latest >= -big, l.latest <= none, l.duration >= 0, l.duration <= big else {
                throw .badShape("the lunch break is out of range")
            }
        }
    }
}

public enum RoutingError: Error, Equatable, CustomStringConvertible {
    case badShape(String)
    case infeasible(String)
    public var description: String {
        switch self {
        case .badShape(let s): "routing problem: \(s)"
        case .infeasible(let s): "routing problem has no feasible solution: \(s)"
        }
    }
}
