import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct SLAFormatProbabilityTests {
    /// The table's texts are `%.2f`'s, ties and all.
    @Test func probabilityTextIsPrintfsTwoDecimals() {
        var rng = SeededRNG(seed: 3)
        var values: [Double] = (0...10_000).map { Double($0) / 10_000 } + [0.125, 0.375, 0.005, 0.995, 0.285, 1, 0]
        for _ in 0..<20_000 { values.append(rng.uniform()) }
        for p in values { #expect(SLAFormat.probability(p) == String(format: "%.2f", p), "\(p)") }
    }
}
