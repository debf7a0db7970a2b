import Testing
import Core
import Learning

@Suite struct TypeInferenceTests {
    /// Thousands separators, currency, empty strings, NA, mixed-case yes/No, dates, an id
    /// column, a constant column and free-form labels.
    static let messy = """
        customer_id,revenue,active,signed,segment,region,note
        C001,"1,234.5",yes,2024-01-10,Retail,EU,x
        C002,$980,No,2024-03-01,SaaS,EU,x
        C003,,YES,,Retail,,x
        C004,"12,000",no,2023-12-31,,US,x
        C005,NA,Yes,2024-02-15,SaaS,US,x
        C006,17,nO,2024-01-01,Retail,EU,x

        """

    @Test func messyFixtureInfersEachColumn() throws {
        var o = TabularOptions(target: "active")
        o.id = "customer_id"
        let data = try TabularDataset(RawTable(text: Self.messy, name: "messy.csv"), options: o)
        let kinds = Dictionary(uniqueKeysWithValues: data.schema.features.map { ($0.name, $0.kind) })
        #expect(kinds == ["revenue": .numeric, "signed": .date, "segment": .categorical, "region": .categorical])
        #expect(data.excluded.contains(ExcludedColumn(name: "note", reason: "constant (x)")))
        #expect(data.excluded.contains(ExcludedColumn(name: "customer_id", reason: "row id (--id)")))

        let revenue = try #require(data.frame.numeric("revenue"))
        #expect(revenue[0] == 1234.5 && revenue[1] == 980 && revenue[3] == 12_000 && revenue[5] == 17)
        #expect(revenue[2].isNaN && revenue[4].isNaN)

        // Mixed-case yes/No target: "yes" in any case is positive.
        #expect(data.target.positive == "yes" && data.target.negative == "No")
        #expect(data.labels == [1, 0, 1, 0, 1, 0])

        // Dates are ages in days before the latest date in the file (2024-03-01).
        #expect(data.schema.asOfDay == CivilDate.days(year: 2024, month: 3, day: 1))
        let age = try #require(data.frame.numeric("signed"))
        #expect(age[1] == 0 && age[0] == 51 && age[2].isNaN && age[3] == 61)

        guard case .categorical(let codes, let labels)? = data.frame.column("segment") else {
            Issue.record("segment is not categorical"); return
        }
        #expect(labels == ["Retail", "SaaS"] && codes == [0, 1, 0, -1, 1, 0])
        #expect(data.ids == ["C001", "C002", "C003", "C004", "C005", "C006"])
    }

    @Test func booleanFeatureInAnyCase() throws {
        let text = "flag,y\nYes,1\nno,0\nTRUE,1\nfalse,0\n"
        let data = try TabularDataset(RawTable(text: text), options: TabularOptions(target: "y"))
        #expect(data.schema.features.map(\.kind) == [.boolean])
        #expect(data.frame.numeric("flag") == [1, 0, 1, 0])
        #expect(data.target.positive == "1")
    }

    @Test func overridesAndRowNumbers() throws {
        var rows = "n,code,amount,y\n"
        for i in 0..<30 { rows += "\(i + 1),\(100 + i % 3),\(i * 7 % 11),\(i % 2 == 0 ? "churned" : "stayed")\n" }
        var o = TabularOptions(target: "y")
        o.categorical = ["code"]
        o.drop = ["amount"]
        let data = try TabularDataset(RawTable(text: rows), options: o)
        #expect(data.schema.features.map(\.name) == ["code"])
        #expect(data.schema.features.first?.kind == .categorical)
        #expect(data.excluded.map(\.name) == ["n", "amount"])
        #expect(data.excluded.first?.reason.hasPrefix("id-like") == true)
        #expect(data.target.positive == "churned")
    }

    @Test func cellNumbers() {
        #expect(CellText.number("1,234.5") == 1234.5)
        #expect(CellText.number("$1,234") == 1234)
        #expect(CellText.number("-€12") == -12)
        #expect(CellText.number("1,23") == nil)
        #expect(CellText.number("12,3456") == nil)
        #expect(CellText.number("abc") == nil)
    }

    @Test func positiveOverrideAndErrors() throws {
        let text = "a,y\n1,good\n2,bad\n3,good\n"
        var o = TabularOptions(target: "y")
        o.positive = "GOOD"
        #expect(try TabularDataset(RawTable(text: text), options: o).target.positive == "good")
        o.positive = "meh"
        #expect(throws: TabularError.unknownPositive("meh", classes: ["bad", "good"])) {
            try TabularDataset(RawTable(text: text), options: o)
        }
        #expect(throws: TabularError.noSuchColumn("nope", file: "<text>")) {
            try TabularDataset(RawTable(text: text), options: TabularOptions(target: "nope"))
        }
    }

    @Test func oneClassTargetIsAClearError() throws {
        let text = "a,churn\n1,no\n2,No \n3,\n4,no\n"
        do {
            _ = try TabularDataset(RawTable(text: text), options: TabularOptions(target: "churn"))
            Issue.record("a one-class target was accepted")
        } catch let e as TabularError {
            #expect(e == .oneClassTarget(column: "churn", value: "no"))
            #expect(e.description.contains("single class"))
        }
    }
}

extension FeatureFrame {
    func column(_ name: String) -> Column? { names.firstIndex(of: name).map { columns[$0] } }

    func numeric(_ name: String) -> [Float]? {
        if case .numeric(let v)? = column(name) { return v }
        return nil
    }
}
