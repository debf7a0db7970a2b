import Foundation
import Core

/// Territories over weighted accounts: which territory each account is in, where the
/// centres are, and how balanced and compact the result is.
public struct TerritoryPlan: Sendable {
    public var labels: [Int]
    public var centreLat: [Double]
    public var centreLon: [Double]
    public var workload: [Double]
    /// Heaviest over lightest territory workload.
    public var maxOverMin: Double
    /// Coefficient of variation of the workloads.
    public var cv: Double
    /// Workload-weighted mean km from an account to its territory centre.
    public var meanKmToCentre: Double

    package init(labels: [Int], centreLat: [Double], centreLon: [Double], workload: [Double], maxOverMin: Double, cv: Double, meanKmToCentre: Double) {
        self.labels = labels; self.centreLat = centreLat; self.centreLon = centreLon; self.workload = workload; self.maxOverMin = maxOverMin; self.cv = cv; self.meanKmToCentre = meanKmToCentre
    }
}

/// Balanced territories: capacitated assignment by min-cost flow (each territory's workload
/// within ±tolerance of the mean, cost = km to the centre) alternating with centre updates.
/// Coordinates are projected to km around the data's centre (`PlanarProjection`).
public enum Territories {
    public static func balanced(lat: [Double], lon: [Double], workload: [Double], k: Int,
                                tolerance: Double = 0.05, seed: UInt64, rounds: Int = 12) -> TerritoryPlan {
        let (x, y) = project(lat, lon)
        let start = kmeans(x, y, workload, k: k, seed: seed)
        var cx = start.cx, cy = start.cy
        var labels = start.labels
        for _ in 0..<rounds {
            let next = capacitatedAssign(x, y, workload, cx, cy, tolerance)
            let (nx, ny) = centres(x: x, y: y, weight: workload, labels: next, k: k, old: (cx, cy))
            let stable = next == labels
            labels = next; cx = nx; cy = ny
            if stable { break }
        }
        return plan(lat, lon, workload, labels, k)
    }

    /// Plain weighted k-means, for comparison.
    public static func kmeans(lat: [Double], lon: [Double], workload: [Double], k: Int, seed: UInt64) -> TerritoryPlan {
        let (x, y) = project(lat, lon)
        return plan(lat, lon, workload, kmeans(x, y, workload, k: k, seed: seed).labels, k)
    }

    /// The engine's k-means, weighted by workload, one seeded start run to Lloyd's fixed point:
    /// where the balanced rounds start. Coordinates and workloads passed the gates (finite,
    /// in range) and 1 ≤ k ≤ points, so a refusal is a programming error.
    package static func kmeans(_ x: [Double], _ y: [Double], _ w: [Double], k: Int, seed: UInt64) -> (labels: [Int], cx: [Double], cy: [Double]) {
        let r: KMeans.Result
        do {
            r = try KMeans(k: k, restarts: 1, tolerance: 0, seed: seed).fit(zip(x, y).map { SIMD2($0, $1) }, weights: w)
        } catch {
            preconditionFailure("territories: \(error)")
        }
        return (r.assignment.map { Int($0) }, r.centers.map(\.x), r.centers.map(\.y))
    }

    /// Weighted means per label; an empty territory keeps its old centre.
    package static func centres(x: [Double], y: [Double], weight: [Double], labels: [Int], k: Int,
                        old: ([Double], [Double])) -> ([Double], [Double]) {
        var sx = Array(repeating: 0.0, count: k), sy = sx, sw = sx
        for i in 0..<x.count where labels[i] >= 0 {
            sx[labels[i]] += weight[i] * x[i]; sy[labels[i]] += weight[i] * y[i]; sw[labels[i]] += weight[i]
        }
        var cx = old.0, cy = old.1
        for c in 0..<k where sw[c] > 0 { cx[c] = sx[c] / sw[c]; cy[c] = sy[c] / sw[c] }
        return (cx, cy)
    }

    /// Rep for each territory (index into the reps), minimising total km from home to centre.
    public static func matchReps(_ plan: TerritoryPlan, homesLat: [Double], homesLon: [Double]) -> [Int] {
        let k = plan.centreLat.count, r = homesLat.count
        var cost = Array(repeating: 0.0, count: k * r)
        for t in 0..<k {
            for j in 0..<r {
                cost[t * r + j] = TravelModel.haversineKm(plan.centreLat[t], plan.centreLon[t], homesLat[j], homesLon[j])
            }
        }
        return LinearAssignment.solve(cost, rows: k, cols: r).rowToCol
    }

    /// Longitudes in one frame, so data across ±180 (Fiji) averages and projects as one
    /// area; elsewhere every value is returned bit for bit.
    package static func unwrapped(_ lat: [Double], _ lon: [Double]) -> [Double] {
        guard let extent = GeoExtent(lat: lat, lon: lon), extent.east > 180 || extent.west < -180 else { return lon }
        return lon.map(extent.unwrapped)
    }

    package static func project(_ lat: [Double], _ lon: [Double]) -> ([Double], [Double]) {
        let lon = unwrapped(lat, lon)
        return PlanarProjection(around: lat, lon: lon).project(lat: lat, lon: lon)
    }

    /// One capacitated assignment: flow of workload units (minutes) from accounts to
    /// territories, each territory taking between (1−tol/2) and (1+tol/2) of the mean so that
    /// rounding split accounts stays inside ±tol; then a greedy repair of what rounding broke.
    /// Each account goes to the territory carrying most of its units (the nearest on ties).
    package static func capacitatedAssign(_ x: [Double], _ y: [Double], _ w: [Double], _ cx: [Double], _ cy: [Double],
                                  _ tol: Double) -> [Int] {
        let n = x.count
        let flow = capacitatedFlow(x, y, w, cx, cy, tol)
        var labels = Array(repeating: 0, count: n)
        for i in 0..<n {
            var best = flow.arcStart[i]
            for a in flow.arcStart[i]..<flow.arcStart[i + 1] where flow.flow[a] > flow.flow[best] { best = a }
            labels[i] = Int(flow.arcColumn[best])
        }
        let mean = Double(flow.totalUnits) / Double(cx.count)
        repair(&labels, flow.units, x, y, cx, cy, mean * (1 - tol), mean * (1 + tol))
        return labels
    }

    /// The assignment's network and its optimal flow. Accounts send their workload units to
    /// their nearest few territories at km × 100 per unit (the overflow pieces keep it feasible
    /// when fewer candidates cannot meet every bound); a territory's load earns −big per unit
    /// up to the lower bound, so every territory reaches it first, costs nothing up to the
    /// upper bound and big / 10 per unit past it. Solved exactly over the territories
    /// (`Transportation.routeAmounts`).
    package static func capacitatedFlow(_ x: [Double], _ y: [Double], _ w: [Double], _ cx: [Double], _ cy: [Double],
                                _ tol: Double) -> CapacitatedFlow {
        let n = x.count, k = cx.count, near = min(k, 8)
        let units = w.map { max(1, Int(($0 * 60).rounded())) }
        let total = units.reduce(0, +)
        let mean = Double(total) / Double(k)
        let lo = Int((mean * (1 - tol / 2)).rounded(.up)), hi = max(lo, Int((mean * (1 + tol / 2)).rounded(.down)))
        var arcStart = [Int](repeating: 0, count: n + 1)
        var arcColumn: [Int32] = [], arcCost: [Int] = []
        arcColumn.reserveCapacity(n * near); arcCost.reserveCapacity(n * near)
        var km = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for t in 0..<k { km[t] = ((x[i] - cx[t]) * (x[i] - cx[t]) + (y[i] - cy[t]) * (y[i] - cy[t])).squareRoot() }
            // Nearest first, equal distances by territory index.
            for t in (0..<k).sorted(by: { km[$0] != km[$1] ? km[$0] < km[$1] : $0 < $1 }).prefix(near) {
                arcColumn.append(Int32(t)); arcCost.append(Int(km[t] * 100))
            }
            arcStart[i + 1] = arcColumn.count
        }
        let pieces = (0..<k).map { _ in
            [Transportation.Piece(capacity: lo, cost: -capacitatedBig), Transportation.Piece(capacity: max(0, hi - lo), cost: 0),
             Transportation.Piece(capacity: total, cost: capacitatedBig / 10)]
        }
        let r = Transportation.routeAmounts(supply: units, arcStart: arcStart, arcColumn: arcColumn, arcCost: arcCost, pieces: pieces)
        return CapacitatedFlow(units: units, totalUnits: total, lo: lo, hi: hi, arcStart: arcStart, arcColumn: arcColumn,
                               arcCost: arcCost, flow: r.flow, cost: r.cost)
    }

    package static let capacitatedBig = 10_000_000

    /// Moves single accounts from a territory outside [lo, hi] to the nearest territory that
    /// can take them, cheapest extra distance first, until all fit or nothing helps.
    package static func repair(_ labels: inout [Int], _ units: [Int], _ x: [Double], _ y: [Double],
                       _ cx: [Double], _ cy: [Double], _ lo: Double, _ hi: Double) {
        let k = cx.count
        var load = Array(repeating: 0.0, count: k)
        for (i, l) in labels.enumerated() { load[l] += Double(units[i]) }
        let km = { (i: Int, t: Int) -> Double in ((x[i] - cx[t]) * (x[i] - cx[t]) + (y[i] - cy[t]) * (y[i] - cy[t])).squareRoot() }
        for _ in 0..<(4 * labels.count) {
            var best: (Double, Int, Int)? = nil
            for i in 0..<labels.count {
                let a = labels[i], u = Double(units[i])
                let aBad = load[a] > hi || load[a] < lo
                for t in 0..<k where t != a {
                    let tBad = load[t] < lo || load[t] > hi
                    guard aBad || tBad else { continue }
                    // Only moves that reduce the total violation.
                    func viol(_ l: Double) -> Double { max(0, l - hi) + max(0, lo - l) }
                    let before = viol(load[a]) + viol(load[t]), after = viol(load[a] - u) + viol(load[t] + u)
                    guard after < before - 1e-9 else { continue }
                    let extra = km(i, t) - km(i, a)
                    if extra < (best?.0 ?? .infinity) { best = (extra, i, t) }
                }
            }
            guard let (_, i, t) = best else { return }
            load[labels[i]] -= Double(units[i]); load[t] += Double(units[i]); labels[i] = t
        }
    }

    package static func plan(_ lat: [Double], _ wrapped: [Double], _ w: [Double], _ labels: [Int], _ k: Int) -> TerritoryPlan {
        let lon = unwrapped(lat, wrapped)
        var sw = Array(repeating: 0.0, count: k), sla = sw, slo = sw
        for i in 0..<labels.count { sw[labels[i]] += w[i]; sla[labels[i]] += w[i] * lat[i]; slo[labels[i]] += w[i] * lon[i] }
        let cLat = (0..<k).map { sw[$0] > 0 ? sla[$0] / sw[$0] : 0 }, cLon = (0..<k).map { sw[$0] > 0 ? slo[$0] / sw[$0] : 0 }
        var kmSum = 0.0
        for i in 0..<labels.count { kmSum += w[i] * TravelModel.haversineKm(lat[i], lon[i], cLat[labels[i]], cLon[labels[i]]) }
        let mean = sw.reduce(0, +) / Double(k)
        let sd = (sw.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(k)).squareRoot()
        let mn = sw.min() ?? 0, mx = sw.max() ?? 0
        return TerritoryPlan(labels: labels, centreLat: cLat, centreLon: cLon.map(GeoExtent.normalised), workload: sw,
                             maxOverMin: mn > 0 ? mx / mn : .infinity, cv: mean > 0 ? sd / mean : 0,
                             meanKmToCentre: kmSum / max(1e-12, sw.reduce(0, +)))
    }
}

/// The network of one capacitated assignment (rows = accounts, columns = territories) and its
/// optimal flow, kept for the labels and for tests that check the optimum.
package struct CapacitatedFlow {
    package var units: [Int]
    package var totalUnits: Int
    package var lo: Int
    package var hi: Int
    package var arcStart: [Int]
    package var arcColumn: [Int32]
    package var arcCost: [Int]
    package var flow: [Int]
    package var cost: Int
}
