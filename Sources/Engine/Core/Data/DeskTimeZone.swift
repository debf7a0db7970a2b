import Foundation

/// The desk's time zone (`calendar.timezone`): times without a zone in a file are wall
/// time here, and business hours are counted here. UTC, a fixed offset (`+02:00`) or an
/// IANA name (`Europe/Madrid`). A named zone's offsets come from Foundation once, as a
/// table of transitions plus a per-day offset for 1970–2100, so converting a million cells
/// is an array read each (a binary search near a change), not a Foundation call.
public struct DeskTimeZone: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case utc
        /// Seconds east of UTC.
        case fixed(Int)
        case named(String)
    }

    public let kind: Kind
    private let table: OffsetTable

    public static let utc = DeskTimeZone(kind: .utc, table: OffsetTable(fixed: 0))

    /// A fixed offset in seconds east of UTC (within ±18 h).
    public static func fixed(seconds: Int) -> DeskTimeZone? {
        guard abs(seconds) <= 18 * 3600 else { return nil }
        return seconds == 0 ? .utc : DeskTimeZone(kind: .fixed(seconds), table: OffsetTable(fixed: seconds))
    }

    private init(kind: Kind, table: OffsetTable) {
        self.kind = kind
        self.table = table
    }

    /// Reads `UTC`, `Z`, `GMT`, `+02:00`, `-0530`, `+2`, `UTC+01:00`, or an IANA name.
    /// `source` names where the text came from, for the error.
    public static func parse(_ text: String, source: String = "calendar.timezone") throws(InputError) -> DeskTimeZone {
        let t = text.trimmingCharacters(in: .whitespaces)
        let upper = t.uppercased()
        if upper == "UTC" || upper == "Z" || upper == "GMT" || upper == "ETC/UTC" { return .utc }
        var rest = Substring(upper)
        if rest.hasPrefix("UTC") || rest.hasPrefix("GMT") { rest = rest.dropFirst(3) }
        if let sign = rest.first, sign == "+" || sign == "-" {
            if let off = offsetSeconds(rest.dropFirst()), let z = fixed(seconds: sign == "-" ? -off : off) { return z }
            throw InputError(file: source, line: 0, column: 0,
                             "'\(TerminalText.safe(t))' is not a UTC offset; expected e.g. +02:00, -05:00 or an IANA name such as Europe/Madrid")
        }
        guard !t.isEmpty, let tz = TimeZone(identifier: t) else {
            throw InputError(file: source, line: 0, column: 0,
                             "unknown time zone '\(TerminalText.safe(t))'; expected UTC, an offset such as +02:00, or an IANA name such as Europe/Madrid or America/Chicago")
        }
        return DeskTimeZone(kind: .named(tz.identifier), table: OffsetTable(tz))
    }

    /// `hh`, `hh:mm`, `hhmm`, `h`.
    private static func offsetSeconds(_ s: Substring) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        var h: Int?, m = 0
        if parts.count == 2 {
            h = Int(parts[0]); m = Int(parts[1]) ?? -1
            guard parts[1].count == 2 else { return nil }
        } else if parts.count == 1, s.count == 4 {
            h = Int(s.prefix(2)); m = Int(s.suffix(2)) ?? -1
        } else if parts.count == 1, s.count <= 2 {
            h = Int(s)
        }
        guard let h, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }), h <= 18, (0..<60).contains(m) else { return nil }
        return h * 3600 + m * 60
    }

    public static func == (a: DeskTimeZone, b: DeskTimeZone) -> Bool { a.kind == b.kind }

    public var description: String {
        switch kind {
        case .utc: return "UTC"
        case .fixed(let s):
            let a = abs(s)
            let hh = a / 3600, mm = (a % 3600) / 60
            return (s < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
        case .named(let n): return n
        }
    }

    /// Seconds east of UTC in effect at a UTC instant.
    @inline(__always)
    public func offset(atUTC t: Int64) -> Int { table.quietDayOffset(t) ?? table.offset(at: t) }

    /// Wall time (seconds since 1970-01-01 00:00 local) of a UTC instant.
    @inline(__always)
    public func local(fromUTC t: Int64) -> Int64 { t + Int64(offset(atUTC: t)) }

    /// The UTC instant of a local wall time. A wall time that happens twice (clocks set
    /// back) is the first one; one that never happens (clocks set forward) is read with the
    /// offset before the change, so it lands as far past the change as it is written past it
    /// (02:30 on a spring-forward night at 02:00 is 03:30), as Foundation and java.time do.
    public func utc(fromLocal l: Int64) -> Int64 {
        let tab = table
        let count = tab.transitions.count
        if count == 0 { return l - Int64(tab.before) }
        if let o = tab.quietDayOffset(l) { return l - Int64(o) }
        // Segment j runs from transition j-1 (or -∞) to transition j (or +∞) with offset(j).
        // Offsets are hours and transitions months apart, so the wall time's segment is
        // the one `l` falls in read as UTC, or a neighbour: one binary search in all.
        let k = tab.segment(at: l)
        var found: Int64?
        for j in max(0, k - 1)...min(count, k + 1) {
            let u = l - Int64(tab.offset(segment: j))
            guard tab.contains(segment: j, u) else { continue }
            if found == nil { found = u } else if let f = found, u < f { found = u }
        }
        if let found { return found }
        // In a gap (too late for segment j, too early for j + 1): the offset before the
        // change, so the time lands past it.
        for j in max(0, k - 1)...min(count - 1, k + 1) {
            let u = l - Int64(tab.offset(segment: j))
            if u >= tab.transitions[j], l - Int64(tab.offset(segment: j + 1)) < tab.transitions[j] { return u }
        }
        return l - Int64(tab.offset(segment: k))
    }
}

/// Offsets of one zone as UTC transition instants and the offset from each on.
package final class OffsetTable: Sendable {
    /// Offset before the first transition (and everywhere for a fixed zone).
    package let before: Int
    package let transitions: [Int64]
    package let offsets: [Int32]

    /// Per day from 1970 to 2100: the offset, when no transition is within two days
    /// (then any instant or wall time that day has it), else `Int32.min`. A million
    /// conversions are then an array read each; days near a change take the search.
    package let dayOffsets: [Int32]
    package static let firstDay: Int64 = 0, dayCount = 47_482  // 1970-01-01 ..< 2100-01-01

    package init(fixed: Int) {
        before = fixed
        transitions = []
        offsets = []
        dayOffsets = []
    }

    @inline(__always)
    package func quietDayOffset(_ t: Int64) -> Int? {
        let d = CivilDate.floorDiv(t, 86_400) - Self.firstDay
        guard d >= 0, d < Int64(dayOffsets.count) else { return nil }
        let o = dayOffsets[Int(d)]
        return o == Int32.min ? nil : Int(o)
    }

    /// Transitions from 1900 to 2200 through Foundation, once; outside that range the
    /// nearest known offset holds (no zone rule is known that far ahead anyway).
    package init(_ tz: TimeZone) {
        let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        let first = tz.secondsFromGMT(for: start)
        var ts: [Int64] = [], os: [Int32] = []
        var last = first
        var at = start
        while let next = tz.nextDaylightSavingTimeTransition(after: at), next < end, next > at {
            let off = tz.secondsFromGMT(for: next)
            if off != last {
                ts.append(Int64(next.timeIntervalSince1970.rounded(.down)))
                os.append(Int32(off))
                last = off
            }
            at = next
        }
        before = first
        transitions = ts
        offsets = os
        var days = [Int32](repeating: 0, count: Self.dayCount)
        var j = 0
        for d in 0..<Self.dayCount {
            let t = (Self.firstDay + Int64(d)) * 86_400
            while j < ts.count, ts[j] <= t { j += 1 }
            days[d] = j == 0 ? Int32(first) : os[j - 1]
        }
        for t in ts {
            let d = Int(CivilDate.floorDiv(t, 86_400) - Self.firstDay)
            for k in (d - 2)...(d + 2) where k >= 0 && k < Self.dayCount { days[k] = Int32.min }
        }
        dayOffsets = days
    }

    /// Number of transitions at or before `t`: the segment `t` is in.
    @inline(__always)
    package func segment(at t: Int64) -> Int {
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    @inline(__always)
    package func offset(segment j: Int) -> Int { j == 0 ? before : Int(offsets[j - 1]) }

    @inline(__always)
    package func contains(segment j: Int, _ t: Int64) -> Bool {
        (j == 0 || transitions[j - 1] <= t) && (j == transitions.count || t < transitions[j])
    }

    @inline(__always)
    package func offset(at t: Int64) -> Int { offset(segment: segment(at: t)) }
}
