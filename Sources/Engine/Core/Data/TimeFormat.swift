/// How one column writes its times, as found by `TimeFormatDetector` (or given): the
/// day/month order for numeric dates and a name for the import report. Parsing itself is
/// shape-driven, so a column that mixes `2024-03-05` and `2024-03-05 14:07` reads both.
public struct TimeFormat: Sendable, Equatable {
    /// Needed only for `NN/NN/YYYY` cells; nil when the column has none or the order was never needed.
    public var order: DateOrder?
    /// For the report: "ISO 8601 with zone", "DD/MM/YYYY HH:MM (day first)", "Unix seconds", …
    public var name: String

    public init(order: DateOrder? = nil, name: String = "ISO 8601") {
        self.order = order
        self.name = name
    }

    /// The cell's instant: seconds since 1970 UTC. Cells with a zone (or Unix times) carry
    /// their own offset; the others are wall time in `zone`. Nil when the cell is no time
    /// (the caller reports it) — including a numeric date whose order is unknown.
    @inline(__always)
    public func utcSeconds(_ b: UnsafeBufferPointer<UInt8>, zone: DeskTimeZone) -> Int64? {
        guard let f = TimeParser.scan(b), let t = f.seconds(order: order) else { return nil }
        return t.isUTC ? t.seconds : zone.utc(fromLocal: t.seconds)
    }

    /// As `utcSeconds` but leaves zone-less cells as written (wall-clock seconds since
    /// 1970-01-01 00:00 local); zoned cells are converted to UTC.
    @inline(__always)
    public func seconds(_ b: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, isUTC: Bool)? {
        guard let f = TimeParser.scan(b) else { return nil }
        return f.seconds(order: order)
    }

    public func utcSeconds(_ text: String, zone: DeskTimeZone) -> Int64? {
        var t = text
        return t.withUTF8 { utcSeconds($0, zone: zone) }
    }
}

/// A time column's format and the desk's zone together: what an importer keeps per column
/// and calls once per cell.
public struct TimeReader: Sendable, Equatable {
    public var format: TimeFormat
    public var zone: DeskTimeZone

    public init(format: TimeFormat, zone: DeskTimeZone) {
        self.format = format
        self.zone = zone
    }

    @inline(__always)
    public func utcSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? { format.utcSeconds(b, zone: zone) }
}

extension TimeFields {
    /// The layout as a person would write it: "DD/MM/YYYY HH:MM", "YYYY-MM-DD HH:MM:SS.fff ±hh:mm".
    package var pattern: String {
        let yy = twoDigitYear ? "YY" : "YYYY"
        let sep = separator == 32 ? " " : String(UnicodeScalar(separator))
        var date: String
        switch shape {
        case .unixSeconds: return "Unix seconds"
        case .unixMilliseconds: return "Unix milliseconds"
        case .yearFirst: date = "YYYY" + sep + "MM" + sep + "DD"
        case .dotted: date = "DD.MM." + yy
        case .numeric: date = "NN" + sep + "NN" + sep + yy
        case .monthName:
            date = monthNameFirst ? "Mon D, " + yy : "DD" + sep + "Mon" + sep + yy
        }
        if hasTime {
            date += (twelveHour ? " h:MM" : " HH:MM") + (hasSeconds ? ":SS" : "") + (hasFraction ? ".fff" : "")
            if twelveHour { date += " AM/PM" }
        }
        if hasZone { date += " ±hh:mm" }
        return date
    }
}
