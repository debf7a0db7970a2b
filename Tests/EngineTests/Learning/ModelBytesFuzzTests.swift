import Foundation
import Testing
import Learning

/// Model bytes the fuzzing review of issue 17 found decoding into a model that traps on use.
@Suite struct ModelBytesFuzzTests {
    /// A two-column logistic model's bytes with the given column starts and width.
    func logisticBytes(starts: [Int32], width: Int) -> [UInt8] {
        var w = ByteWriter()
        w.magic("ODLR"); w.u32(1)
        FrameSchema(names: ["a", "b"], categoryLabels: [nil, nil]).write(to: &w)
        w.doubles([0, 0]); w.doubles([1, 1])
        w.i32s(starts); w.int(width)
        w.doubles(Array(repeating: 0.5, count: width + 1))
        return w.bytes
    }

    @Test func outOfOrderColumnStartsAreRefused() throws {
        // Starts [1, 0] passed the old bounds check, then made the inverted range 1..<0 in
        // `TabularModel.contributions`.
        #expect(throws: LearningError.invalidModelBytes("inconsistent logistic model")) {
            try LogisticRegressionModel(serialized: logisticBytes(starts: [1, 0], width: 2))
        }
        #expect(throws: LearningError.self) { try TabularModel(serialized: [2] + logisticBytes(starts: [1, 0], width: 2)) }
        // A width that does not match the schema is refused too; the exact layout decodes.
        #expect(throws: LearningError.self) { try LogisticRegressionModel(serialized: logisticBytes(starts: [0, 1], width: 3)) }
        let ok = try TabularModel(serialized: [2] + logisticBytes(starts: [0, 1], width: 2))
        var f = FeatureFrame(rowCount: 2)
        try f.addNumeric("a", [1, 2]); try f.addNumeric("b", [3, .nan])
        #expect(try ok.contributions(f).values.count == 4)
    }
}

extension ModelBytesFuzzTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/model-bytes").path

    @Test func aCategorySplitOnANumericColumnIsRefused() throws {
        // libFuzzer's input: a boosting model whose node splits numeric column 0 as a category;
        // scoring 3.4e38 there trapped converting it to a code.
        let path = Self.corpus + "/regression-category-split-on-number.bin"
        let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
        #expect(throws: LearningError.self) { try TabularModel(serialized: bytes) }
        #expect(throws: LearningError.self) { try GradientBoostingModel(serialized: Array(bytes.dropFirst())) }
    }
}
