import Foundation
import Core

/// TOPTW text (Vansteenwegen / Montemanni format): `k v N t`, `D Q`, then rows
/// `i x y service profit f a [a ints] open close`; row 0 is the start and end, its close
/// time is T_max. Distances are Euclidean truncated to `decimals` places (1 for the
/// Solomon-based sets, 2 for Cordeau's pr*), kept as integers in those units.
///
/// Limits (`RoutingLimits`, checked before any conversion or allocation): N ≤ 4 999, 1...1 000
/// paths, 0...6 decimals, x and y within ±3·10¹¹ once scaled, service, open and close in
/// 0...10¹² once scaled, profit in 0...10¹², `a` no more than the fields on its row.
public enum TOPTWReader {
    public static func read(path: String, paths: Int = 1, decimals: Int? = nil) throws(InstanceFormatError) -> RoutingProblem {
        let name = (path as NSString).lastPathComponent.lowercased()
        return try parse(NumberedLines.load(path), file: path, paths: paths, decimals: decimals ?? (name.hasPrefix("pr") ? 2 : 1))
    }

    public static func parse(_ text: String, file: String, paths: Int = 1, decimals: Int = 1) throws(InstanceFormatError) -> RoutingProblem {
        let f = NumberedLines(text: text, file: file)
        guard (1...RoutingLimits.maxVehicles).contains(paths) else {
            throw InstanceFormatError(file: file, line: 0, expected: "expected 1 to \(RoutingLimits.maxVehicles) paths, found \(paths)")
        }
        guard (0...6).contains(decimals) else {
            throw InstanceFormatError(file: file, line: 0, expected: "expected 0 to 6 decimals, found \(decimals)")
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let coordinate = RoutingLimits.maxCoordinate / scale, time = Double(RoutingLimits.maxValue) / scale
        let content = (0..<f.lines.count).filter { !f.fields($0).isEmpty }
        guard content.count >= 3 else { throw f.error(f.lines.count, "expected a 'k v N t' line, a 'D Q' line and node rows") }
        let head = f.fields(content[0])
        guard head.count >= 3 else { throw f.error(content[0], "expected 'k v N t' with N the number of customers") }
        let n = try f.integer(head[2], content[0], "N, the number of customers,", 1, RoutingLimits.maxNodes - 1)
        guard content.count - 2 >= n + 1 else { throw f.error(f.lines.count, "expected \(n + 1) node rows, found \(content.count - 2)") }
        var xs: [Double] = [], ys: [Double] = [], svc: [Double] = [], profit: [Double] = [], open: [Double] = [], close: [Double] = []
        for k in 0...n {
            let li = content[2 + k]
            let fs = f.fields(li)
            guard fs.count >= 9 else { throw f.error(li, "expected 'i x y service profit f a [a ints] open close'") }
            guard Int(fs[0]) == k else { throw f.error(li, "expected node number \(k)") }
            // `a` is bounded by the row's own length before 9 + a is formed.
            guard let a = Int(fs[6]), a >= 0, a <= fs.count, fs.count == 9 + a else {
                throw f.error(li, "expected 'a' followed by a ints, then open and close")
            }
            xs.append(try f.bounded(fs[1], li, "x", limit: coordinate, signed: true))
            ys.append(try f.bounded(fs[2], li, "y", limit: coordinate, signed: true))
            svc.append(try f.bounded(fs[3], li, "service", limit: time))
            profit.append(try f.bounded(fs[4], li, "profit", limit: Double(RoutingLimits.maxValue)))
            open.append(try f.bounded(fs[7 + a], li, "open", limit: time)); close.append(try f.bounded(fs[8 + a], li, "close", limit: time))
            guard open[k] <= close[k] else { throw f.error(li, "expected open ≤ close") }
        }
        let count = n + 1
        var dist = Array(repeating: 0, count: count * count)
        for a in 0..<count {
            for b in 0..<count where a != b {
                let e = ((xs[a] - xs[b]) * (xs[a] - xs[b]) + (ys[a] - ys[b]) * (ys[a] - ys[b])).squareRoot()
                dist[a * count + b] = Int((e * scale + 1e-9).rounded(.down))
            }
        }
        let v = Vehicle(start: 0, end: 0, earliest: Int((open[0] * scale).rounded()), latest: Int((close[0] * scale).rounded()))
        var p = RoutingProblem(distance: dist, time: dist, size: count, stops: Array(1..<count),
                               vehicles: Array(repeating: v, count: paths))
        for k in 0..<count {
            p.ready[k] = Int((open[k] * scale).rounded()); p.due[k] = Int((close[k] * scale).rounded())
            p.service[k] = Int((svc[k] * scale).rounded()); p.prize[k] = Int(profit[k].rounded())
            p.mandatory[k] = false
        }
        p.distanceScale = scale
        return p
    }
}
