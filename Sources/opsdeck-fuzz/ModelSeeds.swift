import Engine
import Foundation

/// Small fitted models of each kind, serialised: the model-bytes target's seed corpus.
enum ModelSeeds {
    static func write(to dir: String) {
        let rows = 40
        var f = FeatureFrame(rowCount: rows)
        var y: [Double] = []
        var x: [Float] = [], c: [Int32] = []
        for r in 0..<rows {
            x.append(Float(r % 7) + (r % 3 == 0 ? .nan : 0.25)); c.append(Int32(r % 3) - (r % 11 == 0 ? 1 : 0))
            y.append(r % 7 > 3 ? 1 : 0)
        }
        do {
            try f.addNumeric("x", x)
            try f.addCategorical("c", codes: c, labels: ["a", "b", "c"])
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let gb = try GradientBoosting(task: .binaryClassification, config: GradientBoostingConfig(trees: 3, learningRate: 0.3, numLeaves: 4)).fit(f, labels: y)
            let rf = try RandomForest(trees: 3, maxLeaves: 4).fit(f, labels: y)
            let iso = try IsolationForest(trees: 3, sampleSize: 16).fit(f)
            let lr = try LogisticRegression().fit(f, labels: y)
            for (name, bytes) in [("gbm", gb.serialized()), ("forest", rf.serialized()), ("isolation", iso.serialized()), ("logistic", lr.serialized())] {
                _ = FileManager.default.createFile(atPath: dir + "/" + name + ".bin", contents: Data(bytes))
            }
        } catch {
            FileHandle.standardError.write(Data("opsdeck-fuzz: seeds: \(error)\n".utf8))
            exit(1)
        }
    }
}
