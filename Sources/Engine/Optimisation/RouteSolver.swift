import Core
/// How long and how the route solver searches. An iteration budget makes the result depend on
/// the seed only; a time budget stops at whichever comes first.
public struct RouteSolverOptions: Sendable {
    public var seed: UInt64
    public var iterations: Int
    public var seconds: Double?
    /// Average number of stops a ruin removes (SISR's c̄) and the longest string (L_max).
    public var averageRemoved: Double = 10
    public var maxString: Double = 10
    /// Annealing temperature at the start and the end, as multiples of the first solution's
    /// mean arc length; the share of the budget spent removing vehicles first.
    public var startTemperature: Double = 3
    public var endTemperature: Double = 0.03
    public var fleetShare: Double = 0.4
    /// With a fixed fleet, the price of a stop left out, in mean arc lengths (0: a stop left
    /// out vetoes the move).
    public var missingPenalty: Double = 0
    /// Called from the solving thread each time ruin-and-recreate finds a new best plan, with
    /// its distance and the iterations so far: an interactive solve's progress line.
    public var onImprovement: (@Sendable (_ distance: Int, _ iterations: Int) -> Void)?
    /// A plan to start from (one stop list per vehicle), e.g. the route being re-planned: used
    /// when feasible, and the result is then never worse than it.
    public var initialRoutes: [[Int]]?

    public init(seed: UInt64 = 1, iterations: Int = 20_000, seconds: Double? = nil) {
        self.seed = seed; self.iterations = iterations; self.seconds = seconds
    }
}

/// The one entry point for every routing problem. A closed tour with no windows, capacity or
/// prizes goes to the TSP search (Or-opt + 2-opt with neighbour lists and perturbation);
/// everything else to ruin-and-recreate (SISR) with simulated annealing.
public enum RouteSolver {
    public static func solve(_ p: RoutingProblem, _ options: RouteSolverOptions = .init()) throws(RoutingError) -> RoutingSolution {
        try p.validate()
        // A NaN, infinite or huge budget would never end the search.
        if let secs = options.seconds, let why = RoutingLimits.problem(seconds: secs) { throw .badShape(why) }
        if isPlainTSP(p) && options.initialRoutes == nil {
            var tsp = TSPSearch(p, options)
            return tsp.run()
        }
        var search = RuinRecreate(p, options)
        return search.run()
    }

    package static func isPlainTSP(_ p: RoutingProblem) -> Bool {
        guard p.vehicles.count == 1, p.lunch == nil, p.stops.count >= 5 else { return false }
        let v = p.vehicles[0]
        guard v.start == v.end, v.returnDeadline >= Int.max / 8 else { return false }
        let totalDemand = p.stops.reduce(0) { $0 + p.demand[$1] }
        for s in p.stops where !p.mandatory[s] || p.ready[s] > v.earliest || p.due[s] < Int.max / 8 || p.lockedVehicle[s] > 0 {
            return false
        }
        return totalDemand <= v.capacity
    }
}
