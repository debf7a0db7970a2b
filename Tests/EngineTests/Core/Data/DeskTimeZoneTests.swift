import Foundation
import Testing
import Core

@Suite struct DeskTimeZoneTests {
    private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Int64 { TimeFormatTests.utc(y, mo, d, h, mi) }

    @Test func parsesUTCOffsetsAndNames() throws {
        #expect(try DeskTimeZone.parse("UTC") == .utc)
        #expect(try DeskTimeZone.parse(" z ") == .utc)
        #expect(try DeskTimeZone.parse("+02:00").offset(atUTC: 0) == 7200)
        #expect(try DeskTimeZone.parse("-0530").offset(atUTC: 0) == -19_800)
        #expect(try DeskTimeZone.parse("UTC+1").offset(atUTC: 0) == 3600)
        #expect(try DeskTimeZone.parse("+02:00").description == "+02:00")
        #expect(try DeskTimeZone.parse("Europe/Madrid").description == "Europe/Madrid")
        let e = #expect(throws: InputError.self) { try DeskTimeZone.parse("Europe/Atlantis") }
        #expect(e?.message.contains("unknown time zone 'Europe/Atlantis'") == true)
        #expect(throws: InputError.self) { try DeskTimeZone.parse("+25:00") }
        #expect(throws: InputError.self) { try DeskTimeZone.parse("") }
    }

    @Test func madridSummerAndWinter() throws {
        let z = try DeskTimeZone.parse("Europe/Madrid")
        #expect(z.utc(fromLocal: utc(2024, 1, 15, 9, 0)) == utc(2024, 1, 15, 8, 0))
        #expect(z.utc(fromLocal: utc(2024, 7, 15, 9, 0)) == utc(2024, 7, 15, 7, 0))
        #expect(z.local(fromUTC: utc(2024, 7, 15, 7, 0)) == utc(2024, 7, 15, 9, 0))
    }

    @Test func madridSpringGapAndAutumnOverlap() throws {
        let z = try DeskTimeZone.parse("Europe/Madrid")
        // 2024-03-31: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        #expect(z.utc(fromLocal: utc(2024, 3, 31, 1, 59)) == utc(2024, 3, 31, 0, 59))
        #expect(z.utc(fromLocal: utc(2024, 3, 31, 2, 30)) == utc(2024, 3, 31, 1, 30))  // in the gap: reads as 03:30
        #expect(z.utc(fromLocal: utc(2024, 3, 31, 3, 0)) == utc(2024, 3, 31, 1, 0))
        // 2024-10-27: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens twice, the first is taken.
        #expect(z.utc(fromLocal: utc(2024, 10, 27, 2, 30)) == utc(2024, 10, 27, 0, 30))
        #expect(z.utc(fromLocal: utc(2024, 10, 27, 3, 0)) == utc(2024, 10, 27, 2, 0))
        #expect(z.local(fromUTC: utc(2024, 10, 27, 1, 30)) == utc(2024, 10, 27, 2, 30))
    }

    @Test func chicagoSpringGapAndAutumnOverlap() throws {
        let z = try DeskTimeZone.parse("America/Chicago")
        // 2024-03-10 02:00 CST → 03:00 CDT (08:00 UTC); 2024-11-03 02:00 CDT → 01:00 CST (07:00 UTC).
        #expect(z.utc(fromLocal: utc(2024, 3, 10, 1, 30)) == utc(2024, 3, 10, 7, 30))
        #expect(z.utc(fromLocal: utc(2024, 3, 10, 2, 30)) == utc(2024, 3, 10, 8, 30))
        #expect(z.utc(fromLocal: utc(2024, 3, 10, 3, 30)) == utc(2024, 3, 10, 8, 30))
        #expect(z.utc(fromLocal: utc(2024, 11, 3, 1, 30)) == utc(2024, 11, 3, 6, 30))
        #expect(z.utc(fromLocal: utc(2024, 11, 3, 2, 30)) == utc(2024, 11, 3, 8, 30))
        #expect(z.offset(atUTC: utc(2024, 11, 3, 7, 0)) == -21_600)
        #expect(z.offset(atUTC: utc(2024, 11, 3, 6, 59)) == -18_000)
    }

    @Test func tableAgreesWithFoundationEveryHourOfAYear() throws {
        for name in ["Europe/Madrid", "America/Chicago", "Australia/Lord_Howe", "Asia/Kolkata"] {
            let z = try DeskTimeZone.parse(name)
            let found = TimeZone(identifier: name)
            let tz = try #require(found)
            var t = utc(2023, 1, 1)
            while t < utc(2024, 1, 1) {
                #expect(z.offset(atUTC: t) == tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))), "\(name) \(t)")
                t += 3600
            }
        }
    }

    @Test func everyWallTimeMapsBackOrLandsPastItsGap() throws {
        for name in ["Europe/Madrid", "America/Chicago", "Australia/Lord_Howe", "Australia/Sydney"] {
            let z = try DeskTimeZone.parse(name)
            var l = utc(2023, 1, 1)
            while l < utc(2026, 1, 1) {
                let u = z.utc(fromLocal: l)
                let back = z.local(fromUTC: u)
                if back == l {
                    // Of two instants with this wall time, the first.
                    let step = Int64(abs(z.offset(atUTC: u + 86_400) - z.offset(atUTC: u - 86_400)))
                    #expect(step == 0 || z.local(fromUTC: u - step) != l, "\(name) \(l)")
                } else {
                    #expect(back > l && back - l <= 3600 && z.offset(atUTC: u) != z.offset(atUTC: u - 86_400), "\(name) \(l)")
                }
                l += 900
            }
        }
    }

    @Test func localRoundTripsOutsideGaps() throws {
        let z = try DeskTimeZone.parse("America/Chicago")
        var t = utc(2024, 1, 1)
        while t < utc(2025, 1, 1) {
            #expect(z.utc(fromLocal: z.local(fromUTC: t)) == t || z.offset(atUTC: t) != z.offset(atUTC: t - 3600))
            t += 1800
        }
    }

    @Test func zonelessCellsAreDeskTimeZonedCellsAreNot() throws {
        let z = try DeskTimeZone.parse("Europe/Madrid")
        let f = TimeFormat()
        #expect(f.utcSeconds("2024-07-15 09:00", zone: z) == utc(2024, 7, 15, 7, 0))
        #expect(f.utcSeconds("2024-07-15T09:00:00Z", zone: z) == utc(2024, 7, 15, 9, 0))
        #expect(TimeReader(format: f, zone: z).format == f)
    }
}
