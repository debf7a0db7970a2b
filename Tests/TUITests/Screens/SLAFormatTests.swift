import Testing
@testable import TUI

@Suite struct SLAFormatTests {
    @Test func moneyKeepsUnitsUpToTenMillion() {
        #expect(SLAFormat.money(0) == "0")
        #expect(SLAFormat.money(-0.2) == "0")
        #expect(SLAFormat.money(999.6) == "1,000")
        #expect(SLAFormat.money(-58_780.4) == "-58,780")
        #expect(SLAFormat.money(9_999_499) == "9,999,499")
        #expect(SLAFormat.money(12_345_678) == "12.3M")
    }

    @Test func durationsFitSixCells() {
        #expect(SLAFormat.duration(0) == "0m")
        #expect(SLAFormat.duration(59 * 60) == "59m")
        #expect(SLAFormat.duration(10 * 3600 + 13 * 60) == "10h13m")
        #expect(SLAFormat.duration(2 * 86_400 + 4 * 3600 + 59) == "2d4h")
        #expect(SLAFormat.duration(-(3600 + 5 * 60)) == "-1h5m")
        #expect(SLAFormat.fixed1(-0.04) == "0.0" && SLAFormat.fixed1(-33.85) == "-33.9" && SLAFormat.fixed1(182.8) == "182.8")
        #expect(SLAFormat.count(59.4) == "59.4" && SLAFormat.count(3506) == "3,506")
        #expect(SLAFormat.roi(nil) == "–" && SLAFormat.roi(16.94) == "16.9×")
    }
}
