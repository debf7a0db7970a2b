import Core
/// A rep's day as an RFC 5545 iCalendar file: one VEVENT per visit, times in UTC, CRLF line
/// endings, lines folded at 75 octets and TEXT values escaped, so any phone calendar reads it.
public enum RepDayCalendar {
    public static let productId = "-//OpsDeck//Route day//EN"

    public static func ics(_ day: RepDayExport.Day) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape("\(day.repName) · \(CivilDate.format(days: day.date))")]
        for stop in day.stops {
            lines += ["BEGIN:VEVENT",
                      "UID:" + uid(day, stop),
                      "DTSTAMP:" + timestamp(day.stamp),
                      "DTSTART:" + timestamp(stop.start),
                      "DTEND:" + timestamp(max(stop.end, stop.start)),
                      "SUMMARY:" + escape("Visit " + stop.name),
                      // LOCATION is TEXT (its comma escaped); GEO is two floats split by ';'.
                      "LOCATION:" + escape(RepDayExport.coordinate(stop.lat) + "," + RepDayExport.coordinate(stop.lon)),
                      "GEO:" + RepDayExport.coordinate(stop.lat) + ";" + RepDayExport.coordinate(stop.lon)]
            if !stop.note.isEmpty { lines.append("DESCRIPTION:" + escape(stop.note)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// Stable for one run, rep, day and account: re-importing the same export updates the
    /// events instead of duplicating them. Characters outside [A-Za-z0-9._-] are %-encoded.
    package static func uid(_ day: RepDayExport.Day, _ stop: RepDayExport.Stop) -> String {
        "run\(day.runId)-\(safeId(day.repId))-\(CivilDate.format(days: day.date))-\(safeId(stop.id))@opsdeck"
    }

    package static func safeId(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" {
                out.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// `20260302T083000Z`.
    package static func timestamp(_ t: Int64) -> String {
        let c = RepDayExport.civil(t)
        let p = RepDayExport.pad
        return p(c.year, 4) + p(c.month, 2) + p(c.day, 2) + "T" + p(c.hour, 2) + p(c.minute, 2) + p(c.second, 2) + "Z"
    }

    /// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, a newline as `\n`; other
    /// control characters (not allowed in TEXT) dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        var lastCR = false
        for u in s.unicodeScalars {
            defer { lastCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !lastCR { out += "\\n" }
            case "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// One content line, folded (RFC 5545 §3.1): at most 75 octets per physical line, a
    /// continuation starts with one space, never splitting a UTF-8 sequence; each ends CRLF.
    public static func fold(_ line: String) -> String {
        var out = "", current = "", octets = 0
        for ch in line.unicodeScalars {
            let n = String(ch).utf8.count
            if octets + n > 75 {
                out += current + "\r\n"
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(ch)
            octets += n
        }
        return out + current + "\r\n"
    }
}
