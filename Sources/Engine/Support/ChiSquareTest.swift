#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Core

/// Pearson's chi-square test of independence on an r × c contingency table, with Cramér's V
/// as the effect size (0 = independent, 1 = one variable determines the other).
public struct ChiSquareTest: Sendable, Equatable {
    public var statistic: Double
    public var degreesOfFreedom: Int
    /// P(χ²_df ≥ statistic) under independence.
    public var pValue: Double
    public var cramersV: Double
    public var n: Double

    /// Rows or columns whose total is zero carry no information and are dropped first, so a
    /// level absent from the data does not inflate the degrees of freedom.
    public init(table: [[Double]]) {
        var t = table.filter { $0.reduce(0, +) > 0 }
        let cols = t.first?.count ?? 0
        let keep = (0..<cols).filter { c in t.reduce(0) { $0 + $1[c] } > 0 }
        t = t.map { row in keep.map { row[$0] } }
        let r = t.count, c = keep.count
        let rowSum = t.map { $0.reduce(0, +) }
        let colSum = (0..<c).map { j in t.reduce(0) { $0 + $1[j] } }
        let total = rowSum.reduce(0, +)
        var x2 = 0.0
        for i in 0..<r {
            for j in 0..<c {
                let e = rowSum[i] * colSum[j] / total
                x2 += (t[i][j] - e) * (t[i][j] - e) / e
            }
        }
        let df = max(0, (r - 1) * (c - 1))
        statistic = x2
        degreesOfFreedom = df
        n = total
        pValue = df > 0 ? regularizedGammaQ(Double(df) / 2, x2 / 2) : 1
        let k = min(r, c) - 1
        cramersV = k > 0 && total > 0 ? (x2 / (total * Double(k))).squareRoot() : 0
    }
}

/// Upper regularised incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).
///
/// The lower series converges fast for x < a + 1 and the continued fraction (modified
/// Lentz) for x ≥ a + 1; using each only where it converges keeps full double precision,
/// and computing Q directly there avoids the cancellation of 1 − P in the far tail, where
/// the p-values of large tables live.
package func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x > 0 else { return x <= 0 ? 1 : 0 }
    if !x.isFinite { return 0 }
    // log of x^a e^-x / Γ(a): the common prefactor.
    let logPrefix = a * log(x) - x - lgamma(a)
    if x < a + 1 {
        var term = 1 / a, sum = term, ap = a
        for _ in 0..<10_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return max(0, min(1, 1 - sum * exp(logPrefix)))
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if abs(d) < tiny { d = tiny }
        c = b + an / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16 { break }
    }
    return max(0, min(1, exp(logPrefix) * h))
}
