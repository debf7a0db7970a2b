/// `x` with exactly `decimals` decimals, half away from zero, from integer arithmetic only:
/// no locale and no `printf`, so exports and screens show the same bytes on every machine.
/// Non-finite values read "nan", "inf" or "-inf"; callers that want a blank check first.
public func fixedDecimal(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return String(x) }
    let v = UInt64(scaled)
    let unit = UInt64(scale)
    var s = String(v / unit)
    if decimals > 0 {
        let frac = String(v % unit)
        s += "." + String(repeating: "0", count: decimals - frac.count) + frac
    }
    return (x < 0 && v > 0 ? "-" : "") + s
}
