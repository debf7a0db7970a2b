import Core
/// What an SLA target clocks. Zendesk's policies name the same metrics: the first reply
/// (creation to the desk's first public answer, never paused) and the full resolution
/// (creation to solved, paused while the ticket waits on the statuses the policy names).
/// Next-reply targets need each reply's time, which no ticket export carries, so they are
/// refused by the policy file with that reason rather than clocked on guesses.
public enum SLAMetric: Int, Sendable, CaseIterable, Comparable {
    case firstReply = 0
    case resolution = 1

    /// The key prefix in sla.conf (`first_reply.urgent = 1`).
    public var key: String {
        switch self {
        case .firstReply: "first_reply"
        case .resolution: "resolution"
        }
    }

    /// How screens and reports name it.
    public var title: String {
        switch self {
        case .firstReply: "first reply"
        case .resolution: "resolution"
        }
    }

    /// The same in at most seven characters, for a table cell.
    public var short: String {
        switch self {
        case .firstReply: "reply"
        case .resolution: "resolve"
        }
    }

    /// A stable byte for binary artifacts.
    public var code: UInt8 { UInt8(rawValue) }
    public init?(code: UInt8) { self.init(rawValue: Int(code)) }

    public static func < (a: SLAMetric, b: SLAMetric) -> Bool { a.rawValue < b.rawValue }
}

/// A business calendar read in its own zone: when the clock of the tickets a policy
/// covers runs. No calendar: around the clock, every day.
public struct SLACalendar: Sendable, Equatable {
    public var calendar: BusinessCalendar?
    /// The zone whose wall-clock hours the calendar's hours are; nil: UTC.
    public var zone: DeskTimeZone?

    public init(calendar: BusinessCalendar? = nil, zone: DeskTimeZone? = nil) {
        self.calendar = calendar
        self.zone = zone
    }

    /// Counted seconds between two UTC instants (0 when b ≤ a).
    @inline(__always)
    public func counted(from a: Int64, to b: Int64) -> Int64 {
        guard b > a else { return 0 }
        guard let cal = calendar else { return b - a }
        guard let zone else { return cal.businessSeconds(from: a, to: b) }
        let la = zone.local(fromUTC: a)
        return cal.businessSeconds(from: la, to: max(la, zone.local(fromUTC: b)))
    }

    /// The UTC instant by which `seconds` counted seconds have passed since `start`.
    public func instant(after seconds: Int64, from start: Int64) -> Int64 {
        guard let cal = calendar else { return start + max(seconds, 0) }
        guard let zone else { return cal.instant(after: seconds, from: start) }
        return zone.utc(fromLocal: cal.instant(after: seconds, from: zone.local(fromUTC: start)))
    }
}
