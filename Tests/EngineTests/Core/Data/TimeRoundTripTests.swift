import Testing
import Core
import Support

/// Formats random instants the way each export writes them and reads them back: every
/// layout must give the same second (or minute, where the layout has no seconds).
@Suite struct TimeRoundTripTests {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    private static func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private static func offsetText(_ o: Int, colon: Bool) -> String {
        let a = abs(o)
        return (o < 0 ? "-" : "+") + p2(a / 3600) + (colon ? ":" : "") + p2((a % 3600) / 60)
    }

    /// (text, order needed, expected UTC seconds) for one instant in every layout.
    private static func layouts(_ t: Int64, offset: Int) -> [(String, DateOrder?, Int64)] {
        let local = t + Int64(offset)
        let day = Int(CivilDate.floorDiv(local, 86_400))
        let rem = Int(local - Int64(day) * 86_400)
        let (y, m, d) = CivilDate.date(days: day)
        let h = rem / 3600, mi = (rem % 3600) / 60, s = rem % 60
        let h12 = h % 12 == 0 ? 12 : h % 12, ampm = h < 12 ? "AM" : "PM"
        let yy = p2(y % 100)
        let dateUTC = t - Int64(s)  // layouts without seconds name the minute
        let iso = "\(y)-\(p2(m))-\(p2(d))"
        var out: [(String, DateOrder?, Int64)] = [
            ("\(iso)T\(p2(h)):\(p2(mi)):\(p2(s))\(offsetText(offset, colon: true))", nil, t),
            ("\(iso) \(p2(h)):\(p2(mi)):\(p2(s)) \(offsetText(offset, colon: false))", nil, t),
            ("\(iso)T\(p2(h)):\(p2(mi)):\(p2(s)).123\(offsetText(offset, colon: false))", nil, t),
            ("\(iso) \(h):\(p2(mi))\(offsetText(offset, colon: true))", nil, dateUTC),
            ("\(y)/\(p2(m))/\(p2(d)) \(p2(h)):\(p2(mi)):\(p2(s)) \(offsetText(offset, colon: true))", nil, t),
            ("\(p2(d))/\(p2(m))/\(y) \(p2(h)):\(p2(mi)) \(offsetText(offset, colon: true))", .dmy, dateUTC),
            ("\(m)/\(d)/\(y) \(h12):\(p2(mi)):\(p2(s)) \(ampm) \(offsetText(offset, colon: true))", .mdy, t),
            ("\(d).\(m).\(y) \(h):\(p2(mi)):\(p2(s)) \(offsetText(offset, colon: false))", nil, t),
            ("\(p2(d))/\(months[m - 1])/\(yy) \(h12):\(p2(mi)) \(ampm) \(offsetText(offset, colon: true))", nil, dateUTC),
            ("\(months[m - 1]) \(d), \(y) \(h12):\(p2(mi)):\(p2(s)) \(ampm.lowercased()) \(offsetText(offset, colon: true))", nil, t),
            ("\(d) \(longMonths[m - 1]) \(y) \(p2(h)):\(p2(mi)):\(p2(s)) \(offsetText(offset, colon: true))", nil, t),
        ]
        if offset == 0 {
            out.append(("\(iso)T\(p2(h)):\(p2(mi)):\(p2(s))Z", nil, t))
            out.append(("\(t)", nil, t))
            out.append(("\(t * 1000 + 999)", nil, t))
        }
        return out
    }

    @Test func everyLayoutReadsBackTheSameInstant() {
        var rng = SeededRNG(seed: 16)
        // Inside the two-digit-year pivot (1969–2068), so `05/Mar/24` layouts are exact too.
        let lo = Int64(CivilDate.days(year: 1975, month: 1, day: 1)) * 86_400
        let hi = Int64(CivilDate.days(year: 2060, month: 12, day: 31)) * 86_400
        let offsets = [0, 3600, -18_000, 19_800, 45_900, -34_200, 50_400, -43_200]
        for k in 0..<3000 {
            let t = Int64.random(in: lo...hi, using: &rng)
            let off = offsets[k % offsets.count]
            for (text, order, want) in Self.layouts(t, offset: off) {
                #expect(TimeFormat(order: order).utcSeconds(text, zone: .utc) == want, "\(text)")
            }
        }
    }

    @Test func zonelessLayoutsReadInTheDeskZone() throws {
        var rng = SeededRNG(seed: 7)
        let z = try DeskTimeZone.parse("America/Chicago")
        for _ in 0..<2000 {
            let t = Int64.random(in: 0...4_000_000_000, using: &rng)
            let l = z.local(fromUTC: t)
            let day = Int(CivilDate.floorDiv(l, 86_400))
            let rem = Int(l - Int64(day) * 86_400)
            let (y, m, d) = CivilDate.date(days: day)
            let text = "\(y)-\(Self.p2(m))-\(Self.p2(d)) \(rem / 3600):\(Self.p2(rem % 3600 / 60)):\(Self.p2(rem % 60))"
            let back = TimeFormat().utcSeconds(text, zone: z)
            // In the autumn overlap the wall time names two instants; the first is read.
            let isSecondOfOverlap = z.offset(atUTC: t) != z.offset(atUTC: t - 3600) && back == t - 3600
            #expect(back == t || isSecondOfOverlap, "\(text)")
        }
    }
}
