import Core
/// Working time of a desk: which weekdays it works, one opening interval per working day,
/// and holidays. The SLA clock only runs inside working time.
///
/// Elapsed business time is a difference of one monotone function `businessSeconds(upTo:)`,
/// computed in O(log holidays) with whole-week arithmetic, so clocking a million tickets
/// costs no per-day loop.
public struct BusinessCalendar: Sendable, Equatable {
    /// Index 0 = Monday … 6 = Sunday (as `CivilDate.weekday`).
    public let workdays: [Bool]
    /// Opening and closing time, seconds after midnight; open < close.
    public let opens: Int64
    public let closes: Int64
    /// Day numbers (days since 1970-01-01), sorted, unique, as given.
    public let holidays: [Int]
    /// The holidays that fall on working weekdays: the only ones that change a count.
    private let closedWorkdays: [Int]

    public init(workdays: [Bool], opens: Int64, closes: Int64, holidays: [Int] = []) throws {
        guard workdays.count == 7, workdays.contains(true) else { throw SLAPolicyError.noWorkdays }
        guard opens >= 0, closes <= 86_400, opens < closes else {
            throw SLAPolicyError.badHours(opens: opens, closes: closes)
        }
        self.workdays = workdays
        self.opens = opens
        self.closes = closes
        self.holidays = Array(Set(holidays)).sorted()
        self.closedWorkdays = self.holidays.filter { workdays[CivilDate.weekday(days: $0)] }
    }

    private init(validWorkdays: [Bool], opens: Int64, closes: Int64) {
        self.workdays = validWorkdays
        self.opens = opens
        self.closes = closes
        self.holidays = []
        self.closedWorkdays = []
    }

    /// Monday to Friday, 09:00–18:00, no holidays.
    public static let officeHours = BusinessCalendar(
        validWorkdays: [true, true, true, true, true, false, false], opens: 9 * 3600, closes: 18 * 3600)

    /// Working seconds in one working day.
    public var dayLength: Int64 { closes - opens }

    private var workdaysPerWeek: Int { workdays.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Working days in [0, day) counted from day 0 = 1970-01-01 (negative days count down).
    package func workingDays(before day: Int) -> Int {
        let weeks = floorDiv(day, 7)
        var count = weeks * workdaysPerWeek
        // Remainder days start at the weekday of day `weeks * 7`.
        var d = weeks * 7
        while d < day {
            if workdays[CivilDate.weekday(days: d)] { count += 1 }
            d += 1
        }
        return count - holidaysBefore(day)
    }

    /// Holidays strictly before `day` (binary search).
    private func holidaysBefore(_ day: Int) -> Int {
        var lo = 0, hi = closedWorkdays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if closedWorkdays[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public func isWorkingDay(_ day: Int) -> Bool {
        guard workdays[CivilDate.weekday(days: day)] else { return false }
        let before = holidaysBefore(day)
        return before == closedWorkdays.count || closedWorkdays[before] != day
    }

    /// Working seconds from 1970-01-01 00:00 up to `t`: elapsed business time between two
    /// instants is the difference of two calls.
    public func businessSeconds(upTo t: Int64) -> Int64 {
        let day = Int(CivilDate.floorDiv(t, 86_400))
        let secondOfDay = t - Int64(day) * 86_400
        var total = Int64(workingDays(before: day)) * dayLength
        if isWorkingDay(day) {
            total += min(max(secondOfDay - opens, 0), dayLength)
        }
        return total
    }

    /// Working seconds between `a` and `b` (0 when b ≤ a).
    public func businessSeconds(from a: Int64, to b: Int64) -> Int64 {
        b <= a ? 0 : businessSeconds(upTo: b) - businessSeconds(upTo: a)
    }

    /// The earliest instant by which `seconds` working seconds have passed since `start`:
    /// the deadline of an SLA target.
    public func instant(after seconds: Int64, from start: Int64) -> Int64 {
        let target = businessSeconds(upTo: start) + max(seconds, 0)
        if seconds <= 0 { return start }
        // Find the day in which the cumulative count reaches `target` (monotone in day).
        let startDay = Int(CivilDate.floorDiv(start, 86_400))
        var lo = startDay
        var step = 1
        var hi = startDay + 1
        while Int64(workingDays(before: hi)) * dayLength < target {
            lo = hi
            step *= 2
            hi = startDay + step
        }
        // The answer's day d satisfies workingDays(before: d) * len < target ≤ … (d+1).
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if Int64(workingDays(before: mid)) * dayLength < target { lo = mid } else { hi = mid }
        }
        let day = hi - 1
        let into = target - Int64(workingDays(before: day)) * dayLength
        return Int64(day) * 86_400 + opens + into
    }
}

@inline(__always)
package func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
