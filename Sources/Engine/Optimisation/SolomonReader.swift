import Foundation
import Core

/// Solomon VRPTW text: a name, `VEHICLE` / `NUMBER CAPACITY` / two integers, `CUSTOMER`, a
/// column header, then `CUST_NO X Y DEMAND READY DUE SERVICE` rows; row 0 is the depot.
///
/// Distances are Euclidean in double precision; the engine keeps them as integers scaled by
/// 10 000 (rounded), and travel times as the same scaled value rounded *up*, so a schedule
/// feasible in integers is feasible in exact arithmetic too.
///
/// Limits (`RoutingLimits`, checked before any conversion or allocation): 1...1 000 vehicles,
/// capacity 1...10¹², at most 5 000 rows, X and Y within ±3·10⁷, DEMAND a whole number in
/// 0...10¹², READY, DUE and SERVICE in 0...10⁸ (10¹² once scaled).
public enum SolomonReader {
    public static let scale = 10_000

    public static func read(path: String) throws(InstanceFormatError) -> RoutingProblem {
        try parse(NumberedLines.load(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(InstanceFormatError) -> RoutingProblem {
        let f = NumberedLines(text: text, file: file)
        var i = 0
        func nextNonEmpty() -> Int? {
            while i < f.lines.count && f.fields(i).isEmpty { i += 1 }
            return i < f.lines.count ? i : nil
        }
        guard nextNonEmpty() != nil else { throw f.error(0, "expected the instance name") }
        i += 1
        guard let vl = nextNonEmpty(), f.fields(vl).first?.uppercased() == "VEHICLE" else {
            throw f.error(min(i, f.lines.count - 1), "expected VEHICLE")
        }
        i += 1
        guard let hl = nextNonEmpty(), f.fields(hl).first?.uppercased() == "NUMBER" else {
            throw f.error(min(i, f.lines.count - 1), "expected 'NUMBER CAPACITY'")
        }
        i += 1
        guard let nl = nextNonEmpty() else { throw f.error(f.lines.count - 1, "expected the vehicle number and capacity") }
        let nf = f.fields(nl)
        guard nf.count == 2 else { throw f.error(nl, "expected two positive integers: vehicle number and capacity") }
        let count = try f.integer(nf[0], nl, "the vehicle number", 1, RoutingLimits.maxVehicles)
        let cap = try f.integer(nf[1], nl, "the capacity", 1, RoutingLimits.maxValue)
        i += 1
        guard let cl = nextNonEmpty(), f.fields(cl).first?.uppercased() == "CUSTOMER" else {
            throw f.error(min(i, f.lines.count - 1), "expected CUSTOMER")
        }
        i += 1
        guard let _ = nextNonEmpty() else { throw f.error(f.lines.count - 1, "expected the column header") }
        i += 1
        var rows: [[Double]] = []
        let s = Double(scale)
        let coordinate = RoutingLimits.maxCoordinate / s, clock = Double(RoutingLimits.maxValue) / s
        let limits = [Double(RoutingLimits.maxNodes), coordinate, coordinate, Double(RoutingLimits.maxValue), clock, clock, clock]
        while let r = nextNonEmpty() {
            guard rows.count < RoutingLimits.maxNodes else {
                throw f.error(r, "expected at most \(RoutingLimits.maxNodes) rows (depot and customers)")
            }
            let fs = f.fields(r)
            guard fs.count == 7 else { throw f.error(r, "expected 7 numbers: CUST_NO X Y DEMAND READY DUE SERVICE") }
            var row: [Double] = []
            for (k, t) in fs.enumerated() {
                row.append(try f.bounded(t, r, Self.columns[k], limit: limits[k], signed: k == 1 || k == 2))
            }
            // Compared as doubles: a customer number of 1e19 must not reach Int().
            guard row[0] == Double(rows.count) else { throw f.error(r, "expected customer number \(rows.count), found '\(fs[0])'") }
            guard row[3] == row[3].rounded() else { throw f.error(r, "expected DEMAND as a whole number, found '\(fs[3])'") }
            guard row[4] <= row[5] else { throw f.error(r, "expected READY ≤ DUE") }
            rows.append(row)
            i += 1
        }
        guard rows.count >= 2 else { throw f.error(f.lines.count - 1, "expected a depot row and at least one customer") }
        let n = rows.count
        var dist = Array(repeating: 0, count: n * n), time = dist
        for a in 0..<n {
            for b in 0..<n where a != b {
                let e = ((rows[a][1] - rows[b][1]) * (rows[a][1] - rows[b][1]) + (rows[a][2] - rows[b][2]) * (rows[a][2] - rows[b][2])).squareRoot() * s
                dist[a * n + b] = Int(e.rounded())
                time[a * n + b] = Int((e - 1e-6).rounded(.up))
            }
        }
        let depot = rows[0]
        let v = Vehicle(start: 0, end: 0, earliest: Int(depot[4] * s), latest: Int(depot[5] * s), capacity: cap)
        var p = RoutingProblem(distance: dist, time: time, size: n, stops: Array(1..<n), vehicles: Array(repeating: v, count: count))
        for k in 0..<n {
            p.demand[k] = Int(rows[k][3]); p.ready[k] = Int((rows[k][4] * s).rounded())
            p.due[k] = Int((rows[k][5] * s).rounded()); p.service[k] = Int((rows[k][6] * s).rounded())
        }
        p.minimiseVehicles = true
        p.distanceScale = s
        return p
    }

    package static let columns = ["CUST_NO", "X", "Y", "DEMAND", "READY", "DUE", "SERVICE"]
}
