import Core
import Support
/// A rep's day as a phone calendar or a navigation app takes it: the input of
/// `RepDayCalendar` and `RepDayGPX`, kept free of how the route was loaded (the run's
/// engine types, a saved routes table or a re-planned day all reduce to this).
public enum RepDayExport {
    /// One visit: its id (the account's), name, place and when it starts and ends (UTC
    /// seconds since 1970), and a note for the rep (purpose, NBA reasons), possibly empty.
    public struct Stop: Sendable, Equatable {
        public var id: String
        public var name: String
        public var lat: Double
        public var lon: Double
        public var start: Int64
        public var end: Int64
        public var note: String

        public init(id: String, name: String, lat: Double, lon: Double, start: Int64, end: Int64, note: String = "") {
            self.id = id; self.name = name; self.lat = lat; self.lon = lon; self.start = start; self.end = end; self.note = note
        }
    }

    /// The whole day: whose it is, which run planned it, its home and its stops in visiting order.
    public struct Day: Sendable, Equatable {
        public var runId: Int64
        public var repId: String
        public var repName: String
        public var homeLat: Double
        public var homeLon: Double
        /// The day's date, days since 1970-01-01 (`CivilDate`).
        public var date: Int
        /// When the plan was made (UTC seconds): the calendar's DTSTAMP, so a re-export of
        /// the same run is byte-identical and a phone sees an unchanged event as unchanged.
        public var stamp: Int64
        public var stops: [Stop]

        public init(runId: Int64, repId: String, repName: String, homeLat: Double, homeLon: Double, date: Int, stamp: Int64,
                    stops: [Stop]) {
            self.runId = runId; self.repId = repId; self.repName = repName; self.homeLat = homeLat; self.homeLon = homeLon
            self.date = date; self.stamp = stamp; self.stops = stops
        }
    }

    /// The UTC instant of `secondsAfterMidnight` (the engine's `FieldStopTime` clock) on
    /// `date` in the desk's zone.
    public static func utc(date: Int, secondsAfterMidnight: Int, zone: DeskTimeZone) -> Int64 {
        zone.utc(fromLocal: Int64(date) * 86_400 + Int64(secondsAfterMidnight))
    }

    /// The stops of a day the engine planned: each visit's start and end (`Visit.time`) on `date`.
    /// `name`/`note` give each account's words; coordinates come from `lat`/`lon` by account index.
    public static func stops(_ visits: [FieldRoutes.Visit], date: Int, zone: DeskTimeZone, id: (Int) -> String,
                             name: (Int) -> String, note: (Int) -> String, lat: [Double], lon: [Double]) -> [Stop] {
        visits.sorted { $0.sequence < $1.sequence }.compactMap { v in
            guard v.account >= 0, v.account < lat.count, v.account < lon.count else { return nil }
            return Stop(id: id(v.account), name: name(v.account), lat: lat[v.account], lon: lon[v.account],
                        start: utc(date: date, secondsAfterMidnight: v.time.start, zone: zone),
                        end: utc(date: date, secondsAfterMidnight: v.time.end, zone: zone), note: note(v.account))
        }
    }

    /// UTC seconds → (date, hh, mm, ss).
    package static func civil(_ t: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let d = CivilDate.floorDiv(t, 86_400)
        let s = Int(t - d * 86_400)
        let (y, m, dd) = CivilDate.date(days: Int(d))
        return (y, m, dd, s / 3600, (s % 3600) / 60, s % 60)
    }

    package static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A coordinate with 6 decimals (about 0.1 m), as both formats write it.
    package static func coordinate(_ x: Double) -> String { fixedDecimal(x, 6) }
}
