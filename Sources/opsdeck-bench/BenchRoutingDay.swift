import Engine
import Foundation

/// Writes the generated day as Solomon-like text (coordinates in km, times in seconds) and
/// its integer travel-second matrix beside it, so another solver can read the same instance.
enum BenchRoutingDayFile {
    static func write(_ day: RoutingScenarios.Day, to base: String) throws {
        let p = day.problem
        let km = PlanarProjection(lat0: day.lat[0], lon0: day.lon[0])
        var t = "DAY\(p.stops.count)\n\nVEHICLE\nNUMBER     CAPACITY\n  1         \(p.stops.count)\n\nCUSTOMER\n"
        t += "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"
        for i in 0..<p.size {
            let x = km.x(lon: day.lon[i]), y = km.y(lat: day.lat[i])
            let due = i == 0 ? p.vehicles[0].latest : p.due[i]
            t += String(format: "%5d %10.3f %10.3f %6d %10d %10d %8d\n", i, x, y, i == 0 ? 0 : 1, p.ready[i], due, p.service[i])
        }
        try t.write(toFile: base + ".txt", atomically: true, encoding: .utf8)
        var m = ""
        for i in 0..<p.size { m += (0..<p.size).map { String(p.travel(i, $0)) }.joined(separator: " ") + "\n" }
        try m.write(toFile: base + ".matrix", atomically: true, encoding: .utf8)
    }
}
