/// Calendar arithmetic without Foundation's formatters (too slow for a million rows and
/// locale-dependent). Proleptic Gregorian calendar. Day numbers are days since 1970-01-01;
/// timestamps are seconds since 1970-01-01 00:00 (UTC once a `DeskTimeZone` has placed them;
/// reading a file's time layouts is `TimeParser`'s, through `TimeFormat`).
public enum CivilDate {
    /// Days since 1970-01-01 for a calendar date (Howard Hinnant's days_from_civil).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Calendar date of a day number.
    public static func date(days z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    public static func weekday(days: Int) -> Int {
        ((days % 7) + 7 + 3) % 7
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public static func format(days: Int) -> String {
        let (y, m, d) = date(days: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `YYYY-MM-DD HH:MM` (seconds are dropped, as in the files we read).
    public static func format(seconds t: Int64) -> String {
        let day = Int(floorDiv(t, 86_400))
        let rem = Int(t - Int64(day) * 86_400)
        return format(days: day) + " " + pad(rem / 3600, 2) + ":" + pad((rem % 3600) / 60, 2)
    }

    /// Parses a date with an optional time in any layout `TimeParser` reads that needs no
    /// column context: ISO 8601 (one-digit hours, seconds, fractions), `YYYY/MM/DD`,
    /// `DD.MM.YYYY`, month names, AM/PM; returns seconds since 1970. A zone in the cell is
    /// applied (the result is UTC); without one the time is taken as written. Numeric
    /// `NN/NN/YYYY` dates (their order is the column's) and bare numbers (Unix times look like
    /// ids out of context) are nil: use a `TimeFormatDetector` for those.
    public static func parseTimestamp(_ text: Substring) -> Int64? {
        var t = text
        return t.withUTF8 { parseTimestamp(bytes: $0) }
    }

    /// `parseTimestamp` on raw bytes (the CSV reader's fields), without building a String.
    public static func parseTimestamp(bytes b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let f = TimeParser.scan(b) else { return nil }
        switch f.shape {
        case .numeric, .unixSeconds, .unixMilliseconds: return nil
        default: return f.seconds(order: nil)?.seconds
        }
    }

    /// Parses a date (`YYYY-MM-DD` or another `parseTimestamp` layout, time ignored); returns days.
    public static func parseDay(_ text: Substring) -> Int? {
        guard let t = parseTimestamp(text) else { return nil }
        return Int(floorDiv(t, 86_400))
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    @inline(__always)
    package static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
