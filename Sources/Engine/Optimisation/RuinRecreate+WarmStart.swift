import Core
extension RuinRecreate {
    /// The caller's `initialRoutes` as a plan, or nil when they are not a feasible plan of
    /// this problem (unknown or repeated stop, a stop on a vehicle it is locked away from,
    /// too many routes, capacity, time windows or the lunch rule broken).
    package func warmStart() -> RoutePlan? {
        guard let initial = options.initialRoutes, initial.count <= p.vehicles.count else { return nil }
        var isStop = [Bool](repeating: false, count: p.size)
        for s in p.stops { isStop[s] = true }
        var plan = RoutePlan(p)
        for (r, route) in initial.enumerated() {
            for u in route {
                guard u >= 0 && u < p.size && isStop[u] && plan.routeOf[u] < 0 else { return nil }
                guard p.lockedVehicle[u] < 0 || p.lockedVehicle[u] == r else { return nil }
                plan.insert(u, r, plan.routes[r].count, p)
            }
            guard plan.load[r] <= p.vehicles[r].capacity, plan.routeFeasible(r, p) else { return nil }
        }
        return plan
    }
}
