import Testing
@testable import TUI

/// A CRM's revenue-sized potentials stay readable; the demo's scale is written as before.
@Suite struct CustomersAmountTests {
    @Test func belowAMillionIsWholeUnits() {
        #expect(compactAmount(1848) == "1848")
        #expect(compactAmount(999_949) == "999949")
    }

    @Test func millionsAndBillionsAreCompact() {
        #expect(compactAmount(114_962_800) == "115.0M")
        #expect(compactAmount(999_950) == "1.0M")
        #expect(compactAmount(2_400_000_000) == "2.4B")
        #expect(compactAmount(-3_260_000) == "-3.3M")
    }

    @Test func territoriesCountInThousandsUntilAMillion() {
        #expect(compactAmount(81_853, inThousands: true) == "82k")
        #expect(compactAmount(3_014_699_000, inThousands: true) == "3.0B")
        #expect(compactAmount(1_713_361_000, inThousands: true) == "1.7B")
        #expect(compactAmount(735_079_000, inThousands: true) == "735.1M")
    }
}
