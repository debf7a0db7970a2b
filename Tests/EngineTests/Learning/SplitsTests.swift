import Testing
import Learning

@Suite struct SplitsTests {
    @Test func holdoutFollowsTheAnchorRule() {
        let s = Splits.holdout(rowCount: 12)
        #expect(s.test == [0, 5, 10])
        #expect(s.train.count == 9 && !s.train.contains(5))
    }

    @Test func kFoldsCoverEveryRowOnce() throws {
        let folds = try Splits.kFold(rowCount: 23, k: 4, seed: 3)
        #expect(folds.flatMap(\.test).sorted() == Array(0..<23))
        for f in folds { #expect(Set(f.train).isDisjoint(with: f.test) && f.train.count + f.test.count == 23) }
        #expect(try Splits.kFold(rowCount: 23, k: 4, seed: 3) == folds)
    }

    @Test func stratifiedFoldsKeepTheClassShare() throws {
        let y = (0..<100).map { $0 % 4 == 0 ? 1.0 : 0.0 }
        let folds = try Splits.stratifiedKFold(labels: y, k: 5, seed: 1)
        for f in folds { #expect(f.test.filter { y[$0] == 1 }.count == 5) }
        #expect(folds.flatMap(\.test).sorted() == Array(0..<100))
    }

    @Test func outOfFoldNeverSeesTheRowItPredicts() throws {
        // Column "id" carries the row number, so the closure can check what it was given.
        let n = 30
        var f = FeatureFrame(rowCount: n)
        try f.addNumeric("id", (0..<n).map(Float.init))
        let y = (0..<n).map(Double.init)
        let folds = try Splits.kFold(rowCount: n, k: 3, seed: 9)
        let oof = try Splits.outOfFold(frame: f, labels: y, folds: folds) { train, trainY, test in
            guard case .numeric(let trainIds) = train.columns[0], case .numeric(let testIds) = test.columns[0] else {
                return []
            }
            #expect(Set(trainIds).isDisjoint(with: testIds))
            #expect(trainY.count == train.rowCount)
            return testIds.map { Double($0) * 2 }
        }
        #expect(oof == y.map { $0 * 2 })
        // Overlapping folds are refused.
        let bad = [Fold(train: [0, 1], test: [1, 2])]
        #expect(throws: LearningError.self) {
            try Splits.outOfFold(frame: f, labels: y, folds: bad) { _, _, t in Array(repeating: 0, count: t.rowCount) }
        }
    }

    @Test func foldCheckRefusesOverlapGapsAndStrays() throws {
        try Splits.checkOutOfFold(try Splits.kFold(rowCount: 10, k: 3, seed: 1), rows: 10)
        #expect(throws: LearningError.self) { try Splits.checkOutOfFold([Fold(train: [0], test: [0, 1])], rows: 2) }  // trained on
        #expect(throws: LearningError.self) { try Splits.checkOutOfFold([Fold(train: [1], test: [0])], rows: 2) }  // row 1 untested
        #expect(throws: LearningError.self) { try Splits.checkOutOfFold([Fold(train: [5], test: [0, 1])], rows: 2) }  // out of range
    }
}
