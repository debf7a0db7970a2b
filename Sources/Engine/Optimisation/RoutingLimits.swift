import Foundation
import Core

/// The largest routing problem the engine accepts, so that every reader can refuse a file
/// before it converts a number or allocates a matrix, and no sum in the solver overflows.
///
/// - `maxNodes`: nodes in one instance (depots included). The engine keeps two n×n integer
///   matrices, so 5 000 nodes is at most 400 MB; the largest benchmark sets have ~1 000.
/// - `maxVehicles`: vehicles (Solomon fleet, TOPTW paths, `--vehicles`).
/// - `maxValue`: any scaled integer the solver adds up — a distance, travel time, window
///   bound, service time, demand, prize or capacity — is at most 10¹². A route sums at most
///   `maxNodes` of them per kind, so every sum stays below 10¹⁷, far from Int.max (9.2·10¹⁸).
/// - `maxCoordinate`: a coordinate after scaling (TSPLIB ×1, Solomon ×10 000, TOPTW ×10 or
///   ×100) is within ±3·10¹¹, so the distance between two nodes is below `maxValue`.
/// - `maxSeconds`: a time budget is a finite number of seconds in (0, 86 400].
public enum RoutingLimits {
    public static let maxNodes = 5_000
    public static let maxVehicles = 1_000
    public static let maxValue = 1_000_000_000_000
    public static let maxCoordinate = 3e11
    public static let maxSeconds = 86_400.0
    /// "No limit" for a deadline, capacity or duration: above `maxValue`, far below overflow.
    public static let unbounded = Int.max / 4

    /// Why `seconds` is not a usable time budget, or nil when it is.
    public static func problem(seconds: Double) -> String? {
        guard seconds.isFinite, seconds > 0, seconds <= maxSeconds else {
            return "expected a time budget in seconds, a finite number above 0 and at most \(Int(maxSeconds)); found \(seconds)"
        }
        return nil
    }
}

extension NumberedLines {
    /// A number that must be within `0...limit` (or `-limit...limit` when `signed`) in the
    /// file's own units, checked before it is scaled or converted to an integer.
    package func bounded(_ s: Substring, _ i: Int, _ what: String, limit: Double, signed: Bool = false) throws(InstanceFormatError) -> Double {
        let v = try number(s, i, what)
        guard v <= limit, v >= (signed ? -limit : 0) else {
            let range = signed ? "between \(Self.show(-limit)) and \(Self.show(limit))" : "between 0 and \(Self.show(limit))"
            throw error(i, "expected \(what) \(range), found '\(s)'")
        }
        return v
    }

    /// A whole number in `low...high`, read without trapping on any text.
    package func integer(_ s: Substring, _ i: Int, _ what: String, _ low: Int, _ high: Int) throws(InstanceFormatError) -> Int {
        guard let v = Int(s), v >= low, v <= high else {
            throw error(i, "expected \(what) as a whole number between \(low) and \(high), found '\(s)'")
        }
        return v
    }

    /// A limit as people write it: 10000 stays 10000, 3e11 becomes 3e+11.
    package static func show(_ v: Double) -> String {
        v.magnitude < 1e7 && v == v.rounded() ? String(Int(v)) : String(format: "%g", v)
    }
}
