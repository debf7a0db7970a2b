import Testing
import Core

@Suite struct RecordIdSetTests {
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
