import Core
/// A rep's day as GPX 1.1 for a navigation app: one waypoint per visit (name, start time,
/// note) and a route in visiting order that leaves from and returns to the rep's home.
public enum RepDayGPX {
    public static func gpx(_ day: RepDayExport.Day) -> String {
        let title = "\(day.repName) · \(CivilDate.format(days: day.date))"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gpx version=\"1.1\" creator=\"OpsDeck\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        out += "  <metadata>\n    <name>\(escape(title))</name>\n    <time>\(time(day.stamp))</time>\n  </metadata>\n"
        // Element order inside <wpt>/<rtept> follows the GPX 1.1 schema: time, name, desc.
        for s in day.stops {
            out += "  <wpt \(place(s.lat, s.lon))>\n    <time>\(time(s.start))</time>\n    <name>\(escape(s.name))</name>\n"
            if !s.note.isEmpty { out += "    <desc>\(escape(s.note))</desc>\n" }
            out += "  </wpt>\n"
        }
        out += "  <rte>\n    <name>\(escape(title))</name>\n"
        let home = "    <rtept \(place(day.homeLat, day.homeLon))>\n      <name>Home</name>\n    </rtept>\n"
        out += home
        for s in day.stops {
            out += "    <rtept \(place(s.lat, s.lon))>\n      <time>\(time(s.start))</time>\n      <name>\(escape(s.name))</name>\n    </rtept>\n"
        }
        out += home
        out += "  </rte>\n</gpx>\n"
        return out
    }

    package static func place(_ lat: Double, _ lon: Double) -> String {
        "lat=\"\(RepDayExport.coordinate(lat))\" lon=\"\(RepDayExport.coordinate(lon))\""
    }

    /// `2026-03-02T08:30:00Z`.
    package static func time(_ t: Int64) -> String {
        let c = RepDayExport.civil(t)
        let p = RepDayExport.pad
        return p(c.year, 4) + "-" + p(c.month, 2) + "-" + p(c.day, 2) + "T" + p(c.hour, 2) + ":" + p(c.minute, 2) + ":" + p(c.second, 2) + "Z"
    }

    /// The five XML entities; characters XML 1.0 forbids (controls other than tab, LF, CR)
    /// dropped, so any account name gives a well-formed file.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
