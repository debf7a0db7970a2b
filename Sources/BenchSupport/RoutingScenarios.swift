import Engine

/// Routing instances on the demo geography, shared by `opsdeck bench routing` and the
/// routing tests (not part of the shipped Engine): a 100-stop single-rep day
/// with time windows (a TSPTW, feasible by construction; windows 2–8 h wide) and a week plan per rep
/// (optional accounts with prizes, some mandatory, a few locked to a day, a lunch break).
public enum RoutingScenarios {
    public struct Day: Sendable {
        public var problem: RoutingProblem
        public var lat: [Double]
        public var lon: [Double]
    }

    /// Windows are laid around a nearest-neighbour tour's arrival times, so the instance is
    /// feasible for one vehicle, yet far from trivial to solve well.
    public static func day(seed: UInt64, stops: Int = 100, region: Region = .barcelona) -> Day {
        var rng = SeededRNG(seed: seed)
        var lat: [Double] = [], lon: [Double] = []
        for _ in 0...stops { let pt = region.samplePoint(&rng); lat.append(pt.lat); lon.append(pt.lon) }
        let n = stops + 1
        let m = TravelModel().matrix(lat: lat, lon: lon)
        var service = Array(repeating: 0, count: n)
        for i in 1..<n { service[i] = 60 * (5 + rng.int(below: 16)) }
        // Nearest-neighbour tour, then windows of 2–8 h around its arrival times.
        var seen = Array(repeating: false, count: n)
        seen[0] = true
        var at = 0, clock = 0
        var ready = Array(repeating: 0, count: n), due = Array(repeating: 0, count: n)
        for _ in 1..<n {
            var best = -1
            for j in 1..<n where !seen[j] && (best < 0 || m[at * n + j] < m[at * n + best]) { best = j }
            seen[best] = true
            clock += (at == 0 ? 0 : service[at]) + m[at * n + best]
            let width = 3600 * (2 + rng.int(below: 7))
            let early = rng.int(below: width)
            ready[best] = max(0, clock - early); due[best] = ready[best] + width
            at = best
        }
        let horizon = clock + service[at] + m[at * n] + 4 * 3600
        let v = Vehicle(start: 0, end: 0, earliest: 0, latest: horizon)
        var p = RoutingProblem(distance: m, time: m, size: n, stops: Array(1..<n), vehicles: [v])
        p.ready = ready; p.due = due; p.service = service
        p.due[0] = horizon
        return Day(problem: p, lat: lat, lon: lon)
    }

    /// One rep's week: `candidates` accounts around home, `days` routes 08:30–17:30 with a
    /// 45-minute lunch starting 13:00–14:30; prizes 1–10, 10% mandatory, 3 locked to a day.
    public static func week(seed: UInt64, candidates: Int = 150, days: Int = 5, region: Region = .barcelona) -> RoutingProblem {
        var rng = SeededRNG(seed: seed)
        let home = region.samplePoint(&rng)
        var lat = [home.lat], lon = [home.lon]
        while lat.count <= candidates {
            let a = home.lat + 0.06 * rng.normal(), b = home.lon + 0.08 * rng.normal()
            if region.isOnLand(lat: a, lon: b) { lat.append(a); lon.append(b) }
        }
        let n = candidates + 1
        let m = TravelModel().matrix(lat: lat, lon: lon)
        let dayStart = 8 * 3600 + 1800, dayEnd = 17 * 3600 + 1800
        let v = Vehicle(start: 0, end: 0, earliest: dayStart, latest: dayEnd)
        var p = RoutingProblem(distance: m, time: m, size: n, stops: Array(1..<n), vehicles: Array(repeating: v, count: days))
        for i in 1..<n {
            p.service[i] = 60 * (20 + 5 * rng.int(below: 5))
            p.prize[i] = 1 + rng.int(below: 10)
            p.mandatory[i] = rng.bernoulli(0.1)
            switch rng.int(below: 10) {
            case 0..<3: p.ready[i] = 9 * 3600; p.due[i] = 13 * 3600
            case 3..<5: p.ready[i] = 15 * 3600; p.due[i] = 17 * 3600
            default: p.ready[i] = dayStart; p.due[i] = dayEnd
            }
        }
        for (k, i) in rng.sample(candidates, 3).enumerated() { p.lockedVehicle[i + 1] = k % days; p.mandatory[i + 1] = true }
        p.lunch = LunchBreak(earliest: 13 * 3600, latest: 14 * 3600 + 1800, duration: 45 * 60)
        return p
    }
}
