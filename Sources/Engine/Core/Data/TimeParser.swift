/// Which number comes first in a numeric date such as `03/04/2024`.
public enum DateOrder: String, Sendable, CaseIterable {
    /// Day first: `DD/MM/YYYY` (Europe, Latin America, most of the world).
    case dmy
    /// Month first: `MM/DD/YYYY` (the United States).
    case mdy
}

/// One time cell taken apart as written, before the day/month order and a zone are applied.
/// Plain integers only, so scanning a million cells allocates nothing.
package struct TimeFields {
    package enum Shape: UInt8 {
        /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`.
        case yearFirst
        /// `NN/NN/YYYY` or `NN-NN-YYYY`: needs a `DateOrder` unless a number is above 12.
        case numeric
        /// `DD.MM.YYYY`: always day first.
        case dotted
        /// `05/Mar/24`, `5 March 2024`, `Mar 5, 2024`.
        case monthName
        case unixSeconds
        case unixMilliseconds
    }

    package var shape = Shape.yearFirst
    /// The date separator as written (`-`, `/`, `.`, space).
    package var separator: UInt8 = 45
    package var year = 0
    /// For `.numeric`: the first and second number as written (order not yet known).
    package var first = 0, second = 0
    package var month = 0, day = 0
    package var twoDigitYear = false
    package var monthNameFirst = false
    package var hasTime = false, hasSeconds = false, hasFraction = false, twelveHour = false
    package var hour = 0, minute = 0, secondOfMinute = 0
    package var hasZone = false
    /// Seconds east of UTC when `hasZone`.
    package var offset = 0
    /// Seconds since 1970 for the Unix shapes.
    package var unix: Int64 = 0
    package var isPM = false

    /// Years written with two digits: 00–68 are 2000–2068, 69–99 are 1969–1999
    /// (the POSIX `strptime %y` pivot, so Unix tools and OpsDeck agree).
    package static func fullYear(twoDigit y: Int) -> Int { y < 69 ? 2000 + y : 1900 + y }

    /// Seconds since 1970 of the written wall time (zone offset applied when the cell has one),
    /// or nil when the fields name no real instant or the order is needed and not known.
    /// `isUTC` tells whether the result is already UTC (zone or Unix) or still local time.
    package func seconds(order: DateOrder?) -> (seconds: Int64, isUTC: Bool)? {
        switch shape {
        case .unixSeconds, .unixMilliseconds: return (unix, true)
        default: break
        }
        var m = month, d = day
        if shape == .numeric {
            switch order {
            case .dmy: d = first; m = second
            case .mdy: m = first; d = second
            case nil:
                // Without an order only a cell that reads the same both ways has one meaning.
                guard first == second else { return nil }
                d = first; m = first
            }
        }
        guard (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: year, month: m) else { return nil }
        var h = hour
        if twelveHour {
            // 12 AM is midnight, 12 PM noon; "0:30 PM" and "13:00 PM" name nothing.
            guard (1...12).contains(hour) else { return nil }
            h = hour % 12 + (isPM ? 12 : 0)
        }
        guard h < 24, minute < 60, secondOfMinute < 60 else { return nil }
        let local = Int64(CivilDate.days(year: year, month: m, day: d)) * 86_400
            + Int64(h * 3600 + minute * 60 + secondOfMinute)
        return hasZone ? (local - Int64(offset), true) : (local, false)
    }
}

/// Reads time cells straight from their bytes. Accepts what help desk exports write:
/// ISO 8601 (`T` or space, one- or two-digit parts, optional seconds and fractions, `Z`,
/// `±hh:mm`, `±hhmm`, `±hh`, `UTC`/`GMT`), `YYYY/MM/DD`, `DD/MM/YYYY`, `MM/DD/YYYY`,
/// `DD.MM.YYYY`, English month names (`05/Mar/24`, `5 March 2024`, `Mar 5, 2024`, a leading
/// weekday), 12-hour times with AM/PM, and Unix seconds or milliseconds (told apart by
/// magnitude: 1e11 or more is milliseconds, i.e. seconds up to year 5138, milliseconds from 1973).
package enum TimeParser {
    /// `YYYY-MM-DDTHH:MM:SSZ` exactly (what the Zendesk and Jira APIs write), read at fixed
    /// places: the instant `scan` + `seconds` give for it, in a fraction of their tests. Nil
    /// for any other cell (or an impossible date or time), which then takes the general path.
    @inline(__always)
    package static func isoZulu(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else { return nil }
        var ok = true
        @inline(__always) func two(_ i: Int) -> Int {
            let x = b[i] &- 48, y = b[i + 1] &- 48
            ok = ok && x < 10 && y < 10
            return Int(x) &* 10 &+ Int(y)
        }
        let year = two(0) &* 100 &+ two(2), month = two(5), day = two(8)
        let hour = two(11), minute = two(14), second = two(17)
        guard ok, (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60 else { return nil }
        return Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    package static func scan(_ b: UnsafeBufferPointer<UInt8>) -> TimeFields? {
        let n = b.count
        guard n >= 6 else { return nil }
        var f = TimeFields()
        if let u = unix(b) { return u }
        var i = 0
        // A leading weekday ("Tue, 05 Mar 2024 …"): skip it when it is a weekday name.
        if isLetter(b[0]) {
            var j = 0
            while j < n, isLetter(b[j]) { j += 1 }
            if monthName(b, 0, j) == nil {
                guard isWeekday(b, 0, j) else { return nil }
                i = j
                if i < n, b[i] == 44 { i += 1 }  // ','
                while i < n, b[i] == 32 { i += 1 }
            }
        }
        guard i < n else { return nil }
        if isLetter(b[i]) {
            // "Mar 5, 2024", "March 5 2024", "Mar-05-2024".
            let s = i
            while i < n, isLetter(b[i]) { i += 1 }
            guard let m = monthName(b, s, i) else { return nil }
            f.shape = .monthName
            f.monthNameFirst = true
            f.month = m
            guard i < n, b[i] == 32 || b[i] == 45 else { return nil }
            f.separator = b[i]
            while i < n, b[i] == 32 || b[i] == 45 { i += 1 }
            guard let d = number(b, &i, max: 2) else { return nil }
            f.day = d.value
            skipOrdinal(b, &i)
            if i < n, b[i] == 44 { i += 1 }
            guard i < n, b[i] == 32 || b[i] == f.separator else { return nil }
            while i < n, b[i] == 32 || b[i] == f.separator { i += 1 }
            guard readYear(b, &i, &f) else { return nil }
        } else {
            guard let a = number(b, &i, max: 4), i < n else { return nil }
            let sep = b[i]
            guard sep == 45 || sep == 47 || sep == 46 || (sep == 32 && a.digits <= 2) else { return nil }
            f.separator = sep
            i += 1
            if a.digits == 4 {
                guard sep != 32, let m = number(b, &i, max: 2), i < n, b[i] == sep else { return nil }
                i += 1
                guard let d = number(b, &i, max: 2) else { return nil }
                f.shape = .yearFirst
                f.year = a.value; f.month = m.value; f.day = d.value
            } else {
                guard a.digits <= 2, i < n else { return nil }
                if isLetter(b[i]) {
                    // "05/Mar/24", "5 March 2024", "05-Mar-2024".
                    let s = i
                    while i < n, isLetter(b[i]) { i += 1 }
                    guard let m = monthName(b, s, i), i < n, b[i] == sep else { return nil }
                    i += 1
                    f.shape = .monthName
                    f.day = a.value; f.month = m
                } else {
                    guard sep != 32, let m = number(b, &i, max: 2), i < n, b[i] == sep else { return nil }
                    i += 1
                    f.shape = sep == 46 ? .dotted : .numeric
                    f.first = a.value; f.second = m.value
                    if sep == 46 { f.day = a.value; f.month = m.value }
                }
                guard readYear(b, &i, &f) else { return nil }
            }
        }
        guard i < n else { return f }
        // The time: after `T`, one or more spaces, or ", ".
        if b[i] == 84 || b[i] == 116 { i += 1 }  // 'T', 't'
        else {
            if b[i] == 44 { i += 1 }
            guard i < n, b[i] == 32 else { return nil }
            while i < n, b[i] == 32 { i += 1 }
        }
        guard let h = number(b, &i, max: 2), i < n, b[i] == 58 else { return nil }
        i += 1
        guard let mi = number(b, &i, max: 2), mi.digits == 2 else { return nil }
        f.hasTime = true
        f.hour = h.value; f.minute = mi.value
        if i < n, b[i] == 58 {
            i += 1
            guard let s = number(b, &i, max: 2), s.digits == 2 else { return nil }
            f.hasSeconds = true
            f.secondOfMinute = s.value
            if i < n, b[i] == 46 || b[i] == 44 {  // fractions are read and dropped: times are whole seconds
                i += 1
                let s0 = i
                while i < n, isDigit(b[i]) { i += 1 }
                guard i > s0 else { return nil }
                f.hasFraction = true
            }
        }
        var j = i
        while j < n, b[j] == 32 { j += 1 }
        if j + 1 < n, b[j] | 0x20 == 97 || b[j] | 0x20 == 112, b[j + 1] | 0x20 == 109 {  // am / pm
            f.twelveHour = true
            f.isPM = b[j] | 0x20 == 112
            i = j + 2
        } else if j + 3 < n, b[j] | 0x20 == 97 || b[j] | 0x20 == 112, b[j + 1] == 46, b[j + 2] | 0x20 == 109, b[j + 3] == 46 {  // a.m.
            f.twelveHour = true
            f.isPM = b[j] | 0x20 == 112
            i = j + 4
        }
        guard i < n else { return f }
        j = i
        while j < n, b[j] == 32 { j += 1 }
        guard j < n, readZone(b, j, &f) else { return nil }
        return f
    }

    /// Two or four digits of a year.
    private static func readYear(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ f: inout TimeFields) -> Bool {
        guard let y = number(b, &i, max: 4), y.digits == 2 || y.digits == 4 else { return false }
        f.twoDigitYear = y.digits == 2
        f.year = y.digits == 2 ? TimeFields.fullYear(twoDigit: y.value) : y.value
        return true
    }

    /// `Z`, `UTC`, `GMT` (optionally followed by an offset), `±hh:mm`, `±hhmm`, `±hh`; must end the cell.
    private static func readZone(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ f: inout TimeFields) -> Bool {
        let n = b.count
        var i = start
        f.hasZone = true
        f.offset = 0
        if b[i] == 90 || b[i] == 122 { return i + 1 == n }  // Z
        if i + 2 < n, (b[i] == 85 && b[i + 1] == 84 && b[i + 2] == 67) || (b[i] == 71 && b[i + 1] == 77 && b[i + 2] == 84) {
            i += 3  // UTC / GMT
            if i == n { return true }
        }
        guard b[i] == 43 || b[i] == 45 else { return false }  // + -
        let negative = b[i] == 45
        i += 1
        guard let h = number(b, &i, max: 2) else { return false }
        let hours = h.value
        var minutes = 0
        if i < n {
            if b[i] == 58 { i += 1 }  // ':' is optional: Salesforce writes +0000
            guard h.digits == 2, let m = number(b, &i, max: 2), m.digits == 2, i == n else { return false }
            minutes = m.value
        }
        guard hours <= 14, minutes < 60 else { return false }
        f.offset = (negative ? -1 : 1) * (hours * 3600 + minutes * 60)
        return true
    }

    /// All digits (an optional `-` and `.fraction` allowed), at least 9 of them: Unix time.
    private static func unix(_ b: UnsafeBufferPointer<UInt8>) -> TimeFields? {
        let n = b.count
        var i = 0
        let negative = b[0] == 45
        if negative { i = 1 }
        var v: Int64 = 0
        let s = i
        while i < n, isDigit(b[i]) {
            guard i - s < 16 else { return nil }
            v = v * 10 + Int64(b[i] - 48)
            i += 1
        }
        let digits = i - s
        guard digits >= 9 else { return nil }
        if i < n {
            guard b[i] == 46, i + 1 < n else { return nil }
            i += 1
            while i < n, isDigit(b[i]) { i += 1 }
            guard i == n else { return nil }
        }
        var f = TimeFields()
        if v >= 100_000_000_000 {
            f.shape = .unixMilliseconds
            let ms = negative ? -v : v
            f.unix = CivilDate.floorDiv(ms, 1000)
        } else {
            f.shape = .unixSeconds
            f.unix = negative ? -v : v
        }
        f.hasTime = true
        return f
    }

    @inline(__always)
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, max: Int) -> (value: Int, digits: Int)? {
        var v = 0
        let s = i
        while i < b.count, i - s < max, isDigit(b[i]) {
            v = v * 10 + Int(b[i] &- 48)
            i += 1
        }
        return i > s ? (v, i - s) : nil
    }

    /// "1st", "2nd", "3rd", "5th" after a day in "March 5th, 2024".
    private static func skipOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        guard i + 1 < b.count else { return }
        let x = b[i] | 0x20, y = b[i + 1] | 0x20
        if (x == 115 && y == 116) || (x == 110 && y == 100) || (x == 114 && y == 100) || (x == 116 && y == 104) { i += 2 }
    }

    @inline(__always) package static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
    @inline(__always) package static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }

    private static let months: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july",
                                             "august", "september", "october", "november", "december"].map { Array($0.utf8) }
    private static let weekdays: [[UInt8]] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"].map { Array($0.utf8) }

    /// English month: the full name, its first three letters, or "Sept".
    package static func monthName(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        let len = e - s
        guard len >= 3 else { return nil }
        for (k, name) in months.enumerated() where len == 3 || len == name.count || (k == 8 && len == 4) {
            guard len <= name.count else { continue }
            var same = true
            for t in 0..<len where b[s + t] | 0x20 != name[t] { same = false; break }
            if same { return k + 1 }
        }
        return nil
    }

    private static func isWeekday(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 3 else { return false }
        for name in weekdays where len == 3 || len == name.count {
            var same = true
            for t in 0..<len where b[s + t] | 0x20 != name[t] { same = false; break }
            if same { return true }
        }
        return false
    }
}
