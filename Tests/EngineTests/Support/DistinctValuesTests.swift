import Testing
import Core
import Support

@Suite struct DistinctValuesTests {
    /// Codes in order of first appearance, the same past the linear limit as before it.
    @Test func codesByFirstAppearanceOnNarrowAndWideColumns() {
        for width in [3, DistinctValues.linearLimit, DistinctValues.linearLimit + 1, 40] {
            let cells = (0..<500).map { "v\(($0 * 7) % width)" }
            let (codes, values) = DistinctValues.coding(cells) { $0 }
            var firstSeen: [String] = []
            for c in cells where !firstSeen.contains(c) { firstSeen.append(c) }
            #expect(values == firstSeen)
            #expect(codes.map { values[Int($0)] } == cells)
        }
    }

    /// The priority coding through distinct values is the vocabulary's coding of every cell.
    @Test func priorityCodingMatchesTheVocabulary() {
        let cells = ["High", "low", "High", "Low", "", "URGENT", "low"]
        let (codes, values) = DistinctValues.coding(cells) { $0 }
        let coded = Vocabulary.coding(values)
        #expect(codes.map { coded.codes[Int($0)] } == Vocabulary.coding(cells).codes)
        #expect(coded.vocabulary == Vocabulary.coding(cells).vocabulary)
    }
}
