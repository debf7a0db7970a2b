#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time for metadata only (when a run or decision was saved). Never feeds a
/// computation, so results stay reproducible.
public enum WallClock {
    /// Seconds since 1970 UTC.
    public static func now() -> Int64 { Int64(time(nil)) }

    /// Monotonic seconds for durations.
    public static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC.
    public static func text(_ t: Int64 = now()) -> String {
        let s = Int(t % 60 + 60) % 60
        return CivilDate.format(seconds: t - Int64(s)) + ":" + (s < 10 ? "0" : "") + String(s)
    }

    /// Today's day number (UTC).
    public static func today() -> Int { Int(CivilDate.floorDiv(now(), 86_400)) }
}
