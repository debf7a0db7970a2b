import Testing
import Core
import Synthetic
import Support

/// Open vocabularies: a category column's own labels, coded by position.
@Suite struct VocabularyTests {
    @Test func knownLabelsComeFirstInTheirOrder() {
        let (v, codes) = Vocabulary.coding(["Urgent", "Low", "Critical", "Escalated", "High"], known: DemoDesk.priorities)
        #expect(v.labels == DemoDesk.priorities + ["Urgent", "Escalated"])
        #expect(codes == [4, 0, 3, 5, 2])
        #expect(v.count == 6)
        // Known labels code the same on every run, whatever the data's order.
        let (w, _) = Vocabulary.coding(["Critical", "Low"], known: DemoDesk.priorities)
        #expect(w.labels == DemoDesk.priorities)
        #expect(w.code(of: "Critical") == 3 && w.code(of: "Low") == 0)
    }

    @Test func newLabelsFollowInOrderOfFirstAppearance() {
        let (v, codes) = Vocabulary.coding(["web", "voice", "web", "email", "voice"])
        #expect(v.labels == ["web", "voice", "email"])
        #expect(codes == [0, 1, 0, 2, 1])
    }

    @Test func matchingIgnoresCaseSpacesDashesAndUnderscoresAndKeepsTheFirstSpelling() {
        let (v, codes) = Vocabulary.coding(["Social media", "SOCIAL_MEDIA", "social-media", "socialmedia", " Social Media "])
        #expect(v.labels == ["Social media"])
        #expect(codes == [0, 0, 0, 0, 0])
        // A known label's spelling wins over the data's.
        let (k, kc) = Vocabulary.coding(["critical", "CRITICAL", "low"], known: DemoDesk.priorities)
        #expect(k.labels == DemoDesk.priorities)
        #expect(kc == [3, 3, 0])
        // ServiceNow's numbered labels: "1 - Critical" and "1-critical" are one label.
        let (s, sc) = Vocabulary.coding(["1 - Critical", "1-critical", "2 - High"])
        #expect(s.labels == ["1 - Critical", "2 - High"])
        #expect(sc == [0, 0, 1])
    }

    @Test func codeOfAndContainsDoNotAdd() {
        var v = Vocabulary(known: ["Open", "Pending"])
        #expect(v.code(of: "pending") == 1)
        #expect(v.code(of: "QA") == nil && !v.contains("QA"))
        #expect(v.count == 2)
        #expect(v.code("QA") == 2)          // `code(_:)` adds a new label
        #expect(v.code("qa") == 2 && v.count == 3)
        #expect(v.contains("Q A"))
    }

    @Test func differentLabelsStayApart() {
        let (v, codes) = Vocabulary.coding(["High", "Highest", "P1", "p 1", ""])
        #expect(v.labels == ["High", "Highest", "P1", ""])
        #expect(codes == [0, 1, 2, 2, 3])
        #expect(v.code(of: "") == 3)
    }

    @Test func equalityIsByLabels() {
        let a = Vocabulary(known: ["A", "B"])
        var b = Vocabulary()
        _ = b.code("A"); _ = b.code("B"); _ = b.code("a")
        #expect(a == b)
        #expect(a != Vocabulary(known: ["B", "A"]))
    }

    @Test func newLabelsAreListedPerColumnMostFrequentFirst() {
        var n = NewLabels()
        #expect(n.isEmpty && n.notes().isEmpty)
        n.add("status", "QA")
        n.add("status", "Escalated to L3")
        n.add("status", "QA")
        n.add("status", "Blocked by vendor")
        n.add("tier", "Diamond")
        let notes = n.notes(meaning: ["status": "read as open"])
        #expect(notes == [
            "labels new to OpsDeck in status: 'QA' 2, 'Blocked by vendor' 1, 'Escalated to L3' 1 (read as open)",
            "labels new to OpsDeck in tier: 'Diamond' 1",
        ])
        var many = NewLabels()
        for k in 0..<14 { many.add("type", "L\(k)") }
        #expect(many.notes().first?.hasSuffix(", and 2 more") == true)
    }

    @Test func labelTableMatchesLabelsLikeVocabularies() {
        var t = LabelTable([("Urgent", 4.0), ("Normal", 24.0)])
        #expect(t["urgent"] == 4 && t["URGENT"] == 4 && t["nor mal"] == 24)
        #expect(t["High"] == nil)
        t["URGENT"] = 2            // one entry, first spelling kept
        #expect(t["Urgent"] == 2 && t.labels == ["Normal", "Urgent"])
        t["urgent"] = nil
        #expect(t.labels == ["Normal"] && !t.isEmpty)
        #expect(LabelTable<Double>().isEmpty)
    }
}
