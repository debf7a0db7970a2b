import Core
/// A solved routing problem: one stop sequence per vehicle (empty when unused), the stops
/// left out, and the totals in the problem's integer units.
public struct RoutingSolution: Sendable, Equatable {
    public var routes: [[Int]]
    public var unserved: [Int]
    public var distance: Int
    public var prize: Int
    public var iterations: Int

    public init(routes: [[Int]], unserved: [Int], distance: Int, prize: Int, iterations: Int = 0) {
        self.routes = routes; self.unserved = unserved; self.distance = distance
        self.prize = prize; self.iterations = iterations
    }

    public var vehiclesUsed: Int { routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }
}
