import Testing
import Engine
@testable import BenchSupport

@Suite struct CSVFeatureTableTests {
    @Test func infersNumericAndCategoricalColumns() throws {
        let text = "id,amount,segment,churn\n1,10.5,\"Retail, EU\",yes\n2,NA,SaaS,no\n3,7,,yes\n"
        let t = try CSVFeatureTable(text: text)
        #expect(t.rowCount == 3)
        let f = try t.frame(excluding: ["id", "churn"])
        #expect(f.names == ["amount", "segment"])
        guard case .numeric(let a) = f.columns[0], case .categorical(let c, let l) = f.columns[1] else {
            Issue.record("wrong column kinds")
            return
        }
        #expect(a[0] == 10.5 && a[1].isNaN)
        #expect(l == ["Retail, EU", "SaaS"] && c == [0, 1, -1])
        #expect(try t.target("churn", binary: true) == [1, 0, 1])
        // A round trip through FeatureFrame.csv keeps values and labels.
        let back = try CSVFeatureTable(text: f.csv(extra: [("y", [1, 0, 1])]))
        #expect(try back.frame(excluding: ["y"]).csv() == f.csv())  // NaN ≠ NaN, so compare as text
    }

    @Test func raggedRowsAreReported() {
        #expect(throws: LearningError.invalidCSV(line: 3, message: "1 cells, header has 2")) {
            try CSVFeatureTable(text: "a,b\n1,2\n3\n")
        }
    }
}
