import Testing
import Core

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
}
