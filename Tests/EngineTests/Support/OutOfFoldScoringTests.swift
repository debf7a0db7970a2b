import Testing
import OpsDeckTestSupport
import Core
import Support

/// A trainer whose scorer reveals what it was given: probability 1 for a row it trained
/// on, otherwise 0.5, plus 0.25 if the row's label was visible to it.
private struct SpyTrainer: BreachModelTrainer {
    var name: String { "spy" }
    func fit(_ features: SupportFeatures, labels: [UInt8], rows: [Int]) -> any BreachScorer {
        SpyScorer(trained: Set(rows), labels: labels)
    }
}

private struct SpyScorer: BreachScorer {
    let trained: Set<Int>
    let labels: [UInt8]
    func probabilities(_ features: SupportFeatures, rows: [Int]) -> [Double] {
        rows.map { trained.contains($0) ? 1 : 0.5 + (labels[$0] == 1 ? 0.25 : 0) }
    }
    func contributions(_ features: SupportFeatures, rows: [Int]) -> [[Double]] { rows.map { _ in [] } }
}

@Suite struct OutOfFoldScoringTests {
    private func features(_ n: Int) throws -> SupportFeatures {
        let tickets = (0..<n).map { i in
            Ticket(id: "T\(i)", createdAt: Int64(i) * 600, priority: DemoPriority.medium.rawValue, channel: DemoChannel.email.rawValue,
                   type: "x", product: "y", status: DemoStatus.closed.label, state: .solved, resolvedAt: Int64(i) * 600 + 60)
        }
        return try SupportFixtures.features(tickets, labels: tickets.map { _ in 1 })
    }

    @Test func noRowIsScoredByAModelThatSawItOrItsLabel() throws {
        let n = 103
        let f = try features(n)
        let rows = Array(stride(from: 0, to: n, by: 1)).filter { $0 % 7 != 3 }  // some rows not in play
        let labels = [UInt8](repeating: 1, count: n)
        let oof = try OutOfFoldScoring.score(f, labels: labels, rows: rows, folds: 5, trainer: SpyTrainer(), seed: 9)
        #expect(oof.probabilities.count == rows.count)
        #expect(oof.probabilities.allSatisfy { $0 == 0.5 })
        // Every fold is used and roughly balanced.
        let sizes = (0..<5).map { k in oof.fold.filter { $0 == k }.count }
        #expect(sizes.allSatisfy { $0 >= rows.count / 5 && $0 <= rows.count / 5 + 1 })
    }

    @Test func sameSeedSameFolds() throws {
        let f = try features(50)
        let labels = [UInt8](repeating: 1, count: 50)
        let a = try OutOfFoldScoring.score(f, labels: labels, rows: Array(0..<50), folds: 4, trainer: SpyTrainer(), seed: 1)
        let b = try OutOfFoldScoring.score(f, labels: labels, rows: Array(0..<50), folds: 4, trainer: SpyTrainer(), seed: 1)
        #expect(a.fold == b.fold)
    }
}
