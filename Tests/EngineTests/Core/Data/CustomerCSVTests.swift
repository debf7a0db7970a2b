import Testing
import Core
import Synthetic

@Suite struct CustomerCSVTests {
    let asOf = CustomerGenerator.defaultAsOfDay

    @Test func generatedCustomersRoundTripExactly() throws {
        let customers = CustomerGenerator(seed: 4).generate(count: 800)
        let w = CSVWriter()
        CustomerCSV.write(customers, to: w)
        try w.close()
        let (back, report) = try CustomerCSV.read(CSVReader(text: w.text, name: "c.csv"), asOfDay: asOf)
        #expect(report.rowsKept == 800 && report.findings.isEmpty)
        #expect(back == customers)
        #expect(report.missingByColumn["amount", default: 0] == customers.filter { $0.amount == nil }.count)
    }

    @Test func sameSeedWritesIdenticalBytes() throws {
        func bytes(_ seed: UInt64) throws -> [UInt8] {
            let w = CSVWriter()
            CustomerCSV.write(CustomerGenerator(seed: seed).generate(count: 300), to: w)
            try w.close()
            return w.bytes
        }
        #expect(try bytes(21) == bytes(21))
        #expect(try bytes(21) != bytes(22))
    }

    @Test func gatesReportDuplicatesMissingAndOutOfRange() throws {
        let text = """
        customer_id,lat,lon,lifetime_value,company_size,industry,tier,preferred_channel,digital_engagement,csat
        A,41.40,2.10,1000,10,Retail,A,field,50,8
        A,41.41,2.11,1000,10,Retail,A,field,50,8
        B,41.40,2.10,,10,Retail,A,field,50,8
        C,141.0,2.10,1000,10,Retail,A,field,50,8
        D,41.40,2.60,1000,10,Retail,A,field,50,8
        E,41.40,2.10,1000,10,Mining,A,field,50,8
        F,41.40,2.10,1000,10,Retail,B,field,150,
        G,41.40,2.10,1000,10,retail,strategic,ECOM_SELF,20,4

        """
        // The land/sea gate is for generated demo data only: asked for here explicitly.
        let (customers, report) = try CustomerCSV.read(CSVReader(text: text, name: "crm.csv"), region: .barcelona, asOfDay: asOf)
        // Open vocabularies: B's empty lifetime_value takes the column default (soft) and E's
        // industry "Mining" is kept as a label; neither drops the row any more.
        #expect(customers.map(\.id) == ["A", "B", "E", "G"])
        #expect(customers[1].lifetimeValue == 0)
        #expect(customers[2].industry == "Mining")
        #expect(customers[3].tier == "strategic" && customers[3].plannedTier == .strategic)
        #expect(customers[3].industry == "retail" && customers[3].preferredChannel == .ecomSelf)
        #expect(report.rowsRead == 8 && report.rowsKept == 4)
        func count(_ gate: GateReport.Gate) -> Int { report.findings.filter { $0.gate == gate }.map(\.count).reduce(0, +) }
        #expect(count(.duplicateId) == 1)
        #expect(count(.missingValue) == 0)
        #expect(report.missingByColumn["lifetime_value"] == 1)
        #expect(count(.outOfRange) == 2)       // lat 141 and engagement 150
        #expect(count(.atSea) == 1)           // lon 2.60 is east of the coast
        #expect(count(.unknownCategory) == 0)
        #expect(report.notes.first?.hasPrefix("format: ") == true)
        #expect(report.findings.first { $0.gate == .duplicateId }?.examples.first == "crm.csv:3:1: customer_id 'A' appears again; the first row is kept")
        #expect(report.missingByColumn["csat"] == 1)   // F's empty CSAT counted (F itself fails on engagement)
        #expect(report.notes.contains { $0.contains("outbound_connect_rate = 0") })
    }

    @Test func mappingRenamesColumnsAndRejectsUnknownTargets() throws {
        let text = "Account,Latitude,Lng\nX1,41.4,2.1\n"
        let mapping = try ColumnMapping.parse(["Account=customer_id"])
        let (customers, _) = try CustomerCSV.read(CSVReader(text: text, name: "m.csv"), mapping: mapping, asOfDay: asOf)
        #expect(customers.first?.id == "X1")
        #expect(throws: InputError.self) {
            _ = try CustomerCSV.read(CSVReader(text: text, name: "m.csv"), mapping: ColumnMapping(["Account": "nope"]), asOfDay: asOf)
        }
        #expect(throws: InputError.self) { _ = try ColumnMapping.parse(["no-equals-sign"]) }
    }

    /// Open vocabularies: a CRM's own tier, industry and channel labels are kept; labels with no
    /// known meaning are planned as tier B / read as no preference, and listed in the notes.
    @Test func crmLabelsAreKeptAndNewOnesListed() throws {
        let text = """
        customer_id,lat,lon,industry,tier,preferred_channel,product_interest
        A,41.4,2.1,COMPUTER_SOFTWARE,Gold,Visit,Widgets Pro
        B,41.4,2.1,Insurance,Diamond,carrier pigeon,
        C,41.4,2.1,,Tier 3,web,Widgets Pro

        """
        let (cs, report) = try CustomerCSV.read(CSVReader(text: text, name: "crm.csv"), asOfDay: asOf)
        #expect(cs.map(\.industry) == ["COMPUTER_SOFTWARE", "Insurance", ""])
        #expect(cs.map(\.tier) == ["Gold", "Diamond", "Tier 3"])
        #expect(cs.map(\.plannedTier) == [.a, .b, .c])
        #expect(cs.map(\.preferredChannel) == [.field, nil, .ecomSelf])
        #expect(cs.map(\.productInterest) == ["Widgets Pro", "", "Widgets Pro"])
        #expect(report.rowsKept == 3 && !report.findings.contains { $0.hard })
        #expect(report.notes.contains("labels new to OpsDeck in tier: 'Diamond' 1 (planned as tier B)"))
        #expect(report.notes.contains("labels new to OpsDeck in preferred_channel: 'carrier pigeon' 1 (read as no preference)"))
    }

    /// Open vocabularies: an empty optional cell takes its column's default; last_contact_channel's
    /// default is the account's preferred channel (as when the column is absent).
    @Test func emptyLastContactCellTakesThePreferredChannel() throws {
        let absent = "customer_id,lat,lon,preferred_channel\nA,41.4,2.1,field\n"
        let (a, _) = try CustomerCSV.read(CSVReader(text: absent, name: "c.csv"), asOfDay: asOf)
        #expect(a.first?.lastContactChannel == .field)
        let empty = "customer_id,lat,lon,preferred_channel,last_contact_channel\nA,41.4,2.1,field,\nB,41.4,2.1,field,outbound_cc\n"
        let (e, report) = try CustomerCSV.read(CSVReader(text: empty, name: "c.csv"), asOfDay: asOf)
        #expect(e.map(\.id) == ["A", "B"] && e[1].lastContactChannel == .outboundCC)
        #expect(report.missingByColumn["last_contact_channel"] == 1)
        #expect(e[0].lastContactChannel == .field)
    }

    @Test func missingRequiredColumnNamesIt() {
        let error = #expect(throws: InputError.self) {
            _ = try CustomerCSV.read(CSVReader(text: "customer_id,lat\nA,41\n", name: "x.csv"), asOfDay: asOf)
        }
        #expect(error?.message.contains("'lon'") == true)
    }
}
