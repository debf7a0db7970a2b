import Testing
import Core
import Synthetic
import Store

@Suite struct CustomerExtrasTests {
    let asOf = CustomerGenerator.defaultAsOfDay

    static let file = """
    customer_id,lat,lon,health_score,renewal_date,has_contract,tier
    A,41.40,2.10,0.8,2026-12-01,yes,A
    B,41.41,2.11,0.2,2027-01-15,No,B
    C,141.0,2.10,0.5,2026-11-20,yes,A
    D,41.42,2.12,,2026-10-01,NO,C

    """

    @Test func importKeepsEveryUnmappedColumnForTheKeptRows() throws {
        let (customers, extras, report) = try CustomerCSV.readKeepingExtras(CSVReader(text: Self.file, name: "crm.csv"), asOfDay: asOf)
        #expect(customers.map(\.id) == ["A", "B", "D"])   // C is at lat 141
        #expect(extras.names == ["health_score", "renewal_date", "has_contract"])
        #expect(extras.rowCount == 3)
        #expect((0..<3).map { extras.text(row: $0, column: 1) } == ["2026-12-01", "2027-01-15", "2026-10-01"])
        #expect((0..<3).map { extras.text(row: $0, column: 2) } == ["yes", "No", "NO"])
        #expect(extras.text(row: 2, column: 0) == "")
        #expect(report.notes.contains("extra columns kept with the dataset (model features for the pipeline): "
                                      + "health_score, renewal_date, has_contract"))
        // The plain reader still reports them as unused.
        let (_, plain) = try CustomerCSV.read(CSVReader(text: Self.file, name: "crm.csv"), asOfDay: asOf)
        #expect(plain.notes.contains { $0.hasPrefix("columns not used: health_score") })
    }

    @Test func storeKeepsTheColumnsWithTheDatasetAsOneBlobEach() throws {
        let (customers, extras, _) = try CustomerCSV.readKeepingExtras(CSVReader(text: Self.file, name: "crm.csv"), asOfDay: asOf)
        let store = try Store.inMemory()
        let id = try store.saveCustomers(customers, extras: extras, source: "crm.csv")
        #expect(try store.customerExtras(dataset: id) == extras)
        #expect(try store.customers(dataset: id) == customers)
        let plain = try store.saveCustomers(customers, source: "no extras")
        #expect(try store.customerExtras(dataset: plain) == nil)
        #expect(throws: StoreError.self) {
            try store.saveCustomers(Array(customers.prefix(2)), extras: extras, source: "mismatch")
        }
    }

    @Test func columnBytesRoundTripAndRejectDamage() throws {
        var c = RawTable.Column(name: "x")
        c.values = ["a", "", "ü"]
        c.counts = [2, 1, 1]
        c.codes = [0, 1, 0, 2]
        let bytes = CustomerExtras.bytes(of: c)
        #expect(try CustomerExtras.column(name: "x", bytes: bytes) == c)
        #expect(throws: (any Error).self) { try CustomerExtras.column(name: "x", bytes: Array(bytes.dropLast())) }
        var bad = bytes
        bad[bad.count - 1] = 9   // the last code now points past the three texts
        #expect(throws: (any Error).self) { try CustomerExtras.column(name: "x", bytes: bad) }
    }

    @Test func alignmentFollowsTheCustomersTheGatesKept() throws {
        let (customers, extras, _) = try CustomerCSV.readKeepingExtras(CSVReader(text: Self.file, name: "crm.csv"), asOfDay: asOf)
        let kept = [customers[2], customers[0]]
        let a = extras.aligned(from: customers, to: kept)
        #expect(a.rowCount == 2)
        #expect(a.text(row: 0, column: 1) == "2026-10-01" && a.text(row: 1, column: 1) == "2026-12-01")
        #expect(a.columns[2].counts.reduce(0, +) == 2)
    }
}
