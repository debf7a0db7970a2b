import Engine
import Foundation

/// The three benchmark file formats and how each reports its objective against a best-known value.
package enum RoutingFormat: String, CaseIterable {
    case tsplib, solomon, toptw

    package func load(_ path: String, vehicles: Int?) throws(InstanceFormatError) -> RoutingProblem {
        switch self {
        case .tsplib: return try TSPLIBReader.read(path: path)
        case .solomon:
            var p = try SolomonReader.read(path: path)
            if let m = vehicles, m > 0, let v = p.vehicles.first { p.vehicles = Array(repeating: v, count: m) }
            return p
        case .toptw: return try TOPTWReader.read(path: path, paths: vehicles ?? 1)
        }
    }
}

/// One solved instance, as the route command and the bench print it.
package struct RoutingOutcome {
    package var name: String
    package var objective: Double
    package var vehicles: Int
    package var bestKnown: Double?
    package var bestVehicles: Int?
    package var seconds: Double
    package var iterations: Int
    package var verdict: RouteChecker.Verdict

    /// Gap in percent: above the best-known length, or below the best-known prize.
    package func gap(_ format: RoutingFormat) -> Double? {
        guard let b = bestKnown, b > 0 else { return nil }
        return format == .toptw ? (b - objective) / b * 100 : (objective - b) / b * 100
    }
}

package enum RoutingBench {
    package static func name(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    }

    /// Best-known (objective, vehicles) from the CSV beside the file, when there is one.
    package static func bestKnown(_ path: String, _ format: RoutingFormat, paths: Int) -> (Double, Int?)? {
        var dir = (path as NSString).deletingLastPathComponent
        if format == .toptw { dir = (dir as NSString).deletingLastPathComponent }
        let csv = (dir as NSString).appendingPathComponent(format == .tsplib ? "optima.csv" : "best_known.csv")
        guard let data = FileManager.default.contents(atPath: csv), let text = String(data: data, encoding: .utf8) else { return nil }
        let key = name(path)
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.first?.lowercased() == key else { continue }
            switch format {
            case .tsplib: if f.count >= 2, let v = Double(f[1]) { return (v, 1) }
            case .solomon: if f.count >= 3, let m = Int(f[1]), let v = Double(f[2]) { return (v, m) }
            case .toptw: if f.count >= 4, Int(f[2]) == paths, let v = Double(f[3]) { return (v, paths) }
            }
        }
        return nil
    }

    package static func solve(_ path: String, _ format: RoutingFormat, seconds: Double, seed: UInt64,
                      vehicles: Int?, bestKnown: Double?) throws -> RoutingOutcome {
        let p = try format.load(path, vehicles: vehicles)
        let start = ContinuousClock.now
        let opt = RouteSolverOptions(seed: seed, iterations: Int.max, seconds: seconds)
        let s = try RouteSolver.solve(p, opt)
        let e = ContinuousClock.now - start
        let secs = Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
        let verdict = RouteChecker.check(p, s)
        let known = bestKnown.map { ($0, nil as Int?) } ?? Self.bestKnown(path, format, paths: vehicles ?? 1)
        let objective = format == .toptw ? Double(s.prize) : Double(s.distance) / p.distanceScale
        return RoutingOutcome(name: name(path), objective: objective, vehicles: s.vehiclesUsed,
                              bestKnown: known?.0, bestVehicles: known?.1, seconds: secs, iterations: s.iterations, verdict: verdict)
    }
}
