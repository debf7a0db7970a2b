import Foundation
import Core

/// TSPLIB95 symmetric TSP files: EUC_2D, CEIL_2D, ATT, GEO and EXPLICIT matrices
/// (FULL_MATRIX and the row/column triangle formats), distances rounded as the format defines.
/// Limits (`RoutingLimits`): DIMENSION 2...5 000, coordinates within ±3·10¹¹, explicit
/// weights whole numbers in 0...10¹²; all checked before the matrix is allocated.
public enum TSPLIBReader {
    public static func read(path: String) throws(InstanceFormatError) -> RoutingProblem {
        try parse(NumberedLines.load(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(InstanceFormatError) -> RoutingProblem {
        let f = NumberedLines(text: text, file: file)
        var header: [String: String] = [:]
        var i = 0
        var coords: [(Double, Double)] = []
        var weights: [(Double, Int)] = []
        var dimension = 0
        while i < f.lines.count {
            let raw = f.lines[i].trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { i += 1; continue }
            if raw == "EOF" { break }
            if raw.hasPrefix("NODE_COORD_SECTION") {
                guard dimension > 0 else { throw f.error(i, "expected DIMENSION before NODE_COORD_SECTION") }
                for k in 0..<dimension {
                    i += 1
                    guard i < f.lines.count else { throw f.error(i - 1, "expected \(dimension) coordinate lines, found \(k)") }
                    let fs = f.fields(i)
                    guard fs.count >= 3 else { throw f.error(i, "expected 'id x y'") }
                    guard Int(fs[0]) == k + 1 else { throw f.error(i, "expected node id \(k + 1), found '\(fs[0])'") }
                    let c = RoutingLimits.maxCoordinate
                    coords.append((try f.bounded(fs[1], i, "x", limit: c, signed: true), try f.bounded(fs[2], i, "y", limit: c, signed: true)))
                }
                i += 1; continue
            }
            if raw.hasPrefix("EDGE_WEIGHT_SECTION") {
                let need = try weightCount(header, dimension, f, i)
                while weights.count < need {
                    i += 1
                    guard i < f.lines.count else { throw f.error(i - 1, "expected \(need) edge weights, found \(weights.count)") }
                    for t in f.fields(i) { weights.append((try f.number(t, i, "an edge weight"), i)) }
                }
                if weights.count > need { throw f.error(i, "expected \(need) edge weights, found more") }
                i += 1; continue
            }
            if raw.hasPrefix("DISPLAY_DATA_SECTION") || raw.hasPrefix("FIXED_EDGES_SECTION") {
                i += 1
                while i < f.lines.count, let c = f.lines[i].trimmingCharacters(in: .whitespaces).first, c.isNumber || c == "-" { i += 1 }
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else { throw f.error(i, "expected 'KEY : VALUE' or a section name") }
            let key = raw[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
            let value = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            header[key] = value
            if key == "DIMENSION" {
                dimension = try f.integer(Substring(value), i, "DIMENSION", 2, RoutingLimits.maxNodes)
            }
            if key == "TYPE", !(value.hasPrefix("TSP")) { throw f.error(i, "expected TYPE : TSP, found '\(value)'") }
            i += 1
        }
        guard dimension > 0 else { throw f.error(i, "expected a DIMENSION line") }
        let type = header["EDGE_WEIGHT_TYPE"] ?? ""
        let n = dimension
        // Every count is checked before the n² matrix exists, so a bad header costs nothing.
        var m: [Int]
        if type == "EXPLICIT" {
            guard weights.count > 0 else { throw f.error(i, "expected an EDGE_WEIGHT_SECTION") }
            // The header may change after the section; the weights must still fit it exactly.
            let need = try weightCount(header, n, f, i)
            guard weights.count == need else {
                throw f.error(i, "expected \(need) edge weights for DIMENSION \(n) and EDGE_WEIGHT_FORMAT \(header["EDGE_WEIGHT_FORMAT"] ?? ""), found \(weights.count)")
            }
            m = Array(repeating: 0, count: n * n)
            try fillExplicit(&m, n, header["EDGE_WEIGHT_FORMAT"] ?? "", weights, f)
        } else {
            guard coords.count == n else { throw f.error(i, "expected a NODE_COORD_SECTION with \(n) nodes") }
            guard let rule = TSPLIBDistance(rawValue: type) else {
                throw f.error(0, "expected EDGE_WEIGHT_TYPE EUC_2D, CEIL_2D, ATT, GEO or EXPLICIT, found '\(type)'")
            }
            m = Array(repeating: 0, count: n * n)
            for a in 0..<n { for b in 0..<n where a != b { m[a * n + b] = rule.distance(coords[a], coords[b]) } }
        }
        let v = Vehicle(start: 0, end: 0, earliest: 0, latest: RoutingLimits.unbounded)
        return RoutingProblem(distance: m, time: m, size: n, stops: Array(1..<n), vehicles: [v])
    }

    package static func weightCount(_ h: [String: String], _ n: Int, _ f: NumberedLines, _ i: Int) throws(InstanceFormatError) -> Int {
        guard n > 0 else { throw f.error(i, "expected DIMENSION before EDGE_WEIGHT_SECTION") }
        switch h["EDGE_WEIGHT_FORMAT"] ?? "" {
        case "FULL_MATRIX": return n * n
        case "UPPER_ROW", "LOWER_ROW", "UPPER_COL", "LOWER_COL": return n * (n - 1) / 2
        case "UPPER_DIAG_ROW", "LOWER_DIAG_ROW", "UPPER_DIAG_COL", "LOWER_DIAG_COL": return n * (n + 1) / 2
        case let other: throw f.error(i, "expected a known EDGE_WEIGHT_FORMAT, found '\(other)'")
        }
    }

    /// Column formats of a symmetric matrix equal the transposed row formats.
    package static func fillExplicit(_ m: inout [Int], _ n: Int, _ format: String, _ w: [(Double, Int)], _ f: NumberedLines) throws(InstanceFormatError) {
        var k = 0
        func put(_ a: Int, _ b: Int) throws(InstanceFormatError) {
            let v = try weight(w[k], f)
            m[a * n + b] = v; m[b * n + a] = v; k += 1
        }
        switch format {
        case "FULL_MATRIX":
            for a in 0..<n { for b in 0..<n { m[a * n + b] = try weight(w[k], f); k += 1 } }
        case "UPPER_ROW", "LOWER_COL": for a in 0..<n { for b in (a + 1)..<n { try put(a, b) } }
        case "LOWER_ROW", "UPPER_COL": for a in 0..<n { for b in 0..<a { try put(a, b) } }
        case "UPPER_DIAG_ROW", "LOWER_DIAG_COL": for a in 0..<n { for b in a..<n { try put(a, b) } }
        default: for a in 0..<n { for b in 0...a { try put(a, b) } }
        }
    }

    /// One explicit weight as an integer: whole, and within 0...maxValue before converting.
    package static func weight(_ w: (Double, Int), _ f: NumberedLines) throws(InstanceFormatError) -> Int {
        let (v, line) = w
        guard v >= 0, v <= Double(RoutingLimits.maxValue), v == v.rounded() else {
            throw f.error(line, "expected an edge weight as a whole number between 0 and \(RoutingLimits.maxValue), found \(NumberedLines.show(v))")
        }
        return Int(v)
    }
}

/// Distance rules of TSPLIB95 (Reinelt 1991, section 2).
package enum TSPLIBDistance: String {
    case euc2D = "EUC_2D", ceil2D = "CEIL_2D", att = "ATT", geo = "GEO"

    package func distance(_ a: (Double, Double), _ b: (Double, Double)) -> Int {
        let dx = a.0 - b.0, dy = a.1 - b.1
        switch self {
        case .euc2D: return Int((dx * dx + dy * dy).squareRoot() + 0.5)
        case .ceil2D: return Int((dx * dx + dy * dy).squareRoot().rounded(.up))
        case .att:
            let r = ((dx * dx + dy * dy) / 10).squareRoot()
            let t = Int(r + 0.5)
            return Double(t) < r ? t + 1 : t
        case .geo:
            let (la, lo) = Self.geoRadians(a), (lb, lob) = Self.geoRadians(b)
            let q1 = cos(lo - lob), q2 = cos(la - lb), q3 = cos(la + lb)
            // Rounding can push the cosine just past ±1, where acos is NaN.
            let c = min(1, max(-1, 0.5 * ((1 + q1) * q2 - (1 - q1) * q3)))
            return Int(6378.388 * acos(c) + 1)
        }
    }

    /// DDD.MM degrees to radians, with TSPLIB's π = 3.141592.
    package static func geoRadians(_ p: (Double, Double)) -> (Double, Double) {
        func conv(_ x: Double) -> Double {
            let deg = x.rounded(.towardZero)
            return 3.141592 * (deg + 5 * (x - deg) / 3) / 180
        }
        return (conv(p.0), conv(p.1))
    }
}
