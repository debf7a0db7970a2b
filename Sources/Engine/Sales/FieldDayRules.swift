/// The rules of a field day that the run's routes, the capacity estimate and the screen's
/// re-plan must share, so a re-planned day is judged as the run planned it.
extension FieldRoutes {
    /// A visit's prize from the account's NBA percentile: 1 at the bottom, 100 at the top.
    public static func prize(nbaPercentile: Double) -> Int { 1 + Int((99 * nbaPercentile).rounded()) }
}

extension Rep {
    /// A 45-minute lunch between 13:00 and 14:30 when the rep's day spans it, else nil.
    public var lunchBreak: LunchBreak? {
        guard dayStartMinute < 13 * 60 && dayEndMinute > 15 * 60 else { return nil }
        return LunchBreak(earliest: 13 * 3600, latest: 14 * 3600 + 1800, duration: 45 * 60)
    }
}

extension RouteSolverOptions {
    /// SISR's default ruin (10 stops on average, strings up to 10) is sized for hundreds of
    /// stops; on a rep's day of 5–25 candidates it empties the route every time. Ruins of
    /// about 4 (at most half the candidates) find shorter days for both plans in about 0.6×
    /// the time (BENCHMARKS.md, issue 6).
    public mutating func sizeRuin(toFieldDay candidates: Int) {
        averageRemoved = min(4, Double(candidates) / 2)
        maxString = 4
    }
}
