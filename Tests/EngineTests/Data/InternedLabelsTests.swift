import Testing
@testable import Engine

@Suite struct InternedLabelsTests {
    private func code(_ labels: inout InternedLabels<Int>, _ text: String) -> Int {
        var t = text
        return t.withUTF8 { labels.code($0) }
    }

    @Test func sameBytesSameCodeAndItsString() {
        var labels = InternedLabels<Int>()
        let a = code(&labels, "open"), b = code(&labels, "solved"), c = code(&labels, "open")
        #expect(a == c && a != b)
        #expect(labels[b] == "solved" && labels.count == 2)
        #expect(labels.payload[a] == nil)
        labels.payload[a] = 7
        #expect(labels.payload[code(&labels, "open")] == 7)
        #expect(code(&labels, "Open") != a)  // bytes, not the forgiving match
    }

    @Test func idSetFindsDuplicatesAmongKeptRows() {
        var set = RecordIdSet()
        var kept = [String]()
        for i in 0..<5000 {
            let id = "T-\(i % 3000)"
            if set.insert(id, rows: kept, idOf: { $0 }) { kept.append(id) }
        }
        #expect(kept.count == 3000)
        #expect(set.count == 3000)
        #expect(kept == (0..<3000).map { "T-\($0)" })
    }

    @Test func idsOutsideASCIICompareAsStringsDo() {
        // "é" precomposed and decomposed, the Kelvin sign and "K": one id each, as `Set<String>` has it.
        var set = RecordIdSet()
        var kept = [String]()
        for id in ["K-1", "x", "caf\u{E9}", "cafe\u{301}", "\u{212A}-1", "y", "x"] {
            if set.insert(id, rows: kept, idOf: { $0 }) { kept.append(id) }
        }
        #expect(kept == ["K-1", "x", "caf\u{E9}", "y"])
    }
}
