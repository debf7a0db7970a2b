import Testing
@testable import TUI

/// A CRM's revenue-sized potentials stay readable; the demo's scale is written as before.
@Suite struct CustomersAmountTests {
    @Test func belowAMillionIsWholeUnits() {
        #expect(CustomersModel.amount(1848) == "1848")
        #expect(CustomersModel.amount(999_949) == "999949")
    }

    @Test func millionsAndBillionsAreCompact() {
        #expect(CustomersModel.amount(114_962_800) == "115.0M")
        #expect(CustomersModel.amount(999_950) == "1.0M")
        #expect(CustomersModel.amount(2_400_000_000) == "2.4B")
        #expect(CustomersModel.amount(-3_260_000) == "-3.3M")
    }
}
